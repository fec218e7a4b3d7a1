# Expected scores for the dirty SCS-26 fixture (dirty_scs.csv), base R only, written independently of
# the Java reader: every cell rule is re-implemented here.
# Run from this folder:  Rscript make_golden.R
# Writes dirty_scs_scores.csv (row, the seven scores; NA = missing), VERSIONS.txt and dirty_scs.sha256.
# Rules: blank = missing; a cell that is not a number, not whole, or outside 1..5 = missing; a row with
# more cells than the header is not scored; a row with fewer has its absent cells blank.
# Scores: subscale means need ceiling(0.8 * k) of k items answered; negative subscales (self_judgment,
# isolation, over_identification) are reported un-reversed; the total is the mean of the six subscale
# means with the negative ones reversed (6 - mean), and needs all six subscales.
infile <- "dirty_scs.csv"
ncol_max <- max(count.fields(infile, sep = ",", quote = "\"", blank.lines.skip = TRUE), na.rm = TRUE)
raw <- read.csv(infile, header = FALSE, skip = 1, colClasses = "character", fill = TRUE,
                col.names = paste0("V", seq_len(ncol_max)), fileEncoding = "UTF-8-BOM",
                na.strings = character(0), strip.white = FALSE, blank.lines.skip = TRUE)
hdr <- strsplit(sub("^\ufeff", "", readLines(infile, n = 1, encoding = "UTF-8")), ",")[[1]]
hdr <- sub("^\ufeff", "", hdr)
width <- length(hdr)
extra <- if (ncol_max > width) apply(raw[, (width + 1):ncol_max, drop = FALSE], 1, function(r) any(r != "")) else
  rep(FALSE, nrow(raw))
# count.fields/read.csv give absent cells of short rows as ""
cells <- raw[, seq_len(width)]
names(cells) <- hdr

clean <- function(s) {
  s <- trimws(s)
  x <- suppressWarnings(as.numeric(s))
  x[s == ""] <- NA
  x[!is.na(x) & (x != round(x) | x < 1 | x > 5)] <- NA
  x
}
X <- sapply(1:26, function(j) clean(cells[[paste0("scs", j)]]))

key <- list(
  self_kindness       = c(5, 12, 19, 23, 26),
  self_judgment       = c(1, 8, 11, 16, 21),
  common_humanity     = c(3, 7, 10, 15),
  isolation           = c(4, 13, 18, 25),
  mindfulness         = c(9, 14, 17, 22),
  over_identification = c(2, 6, 20, 24))
negative <- c("self_judgment", "isolation", "over_identification")
sub_mean <- function(items) {
  M <- X[, items, drop = FALSE]
  k <- length(items)
  n <- rowSums(!is.na(M))
  ifelse(n >= ceiling(0.8 * k), rowMeans(M, na.rm = TRUE), NA)
}
S <- sapply(key, sub_mean)
S[extra, ] <- NA
toward <- S
toward[, negative] <- 6 - toward[, negative]
total <- rowMeans(toward)        # NA unless all six subscales are present
out <- data.frame(row = seq_len(nrow(S)), S, total = total)
out[] <- lapply(out, function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v)))  # all digits
write.csv(out, "dirty_scs_scores.csv", row.names = FALSE, quote = FALSE)

writeLines(c(R.version.string, "packages: base, utils, stats only",
             paste("generated", format(Sys.time(), "%Y-%m-%d"))), "VERSIONS.txt")
sha <- system2("sha256sum", infile, stdout = TRUE)
writeLines(sha, "dirty_scs.sha256")
