# Dirty survey files: CRLF, BOM, semicolons, quoted newlines, Qualtrics header rows, 99 codes.
# Each variant must give the clean file's scores, and every input row must come out with its input
# cells unchanged. Run: Rscript verification/scoring/dirty_inputs.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
od <- outdir("scoring_dirty")
set.seed(401)
n <- 60; k <- 12
x <- matrix(sample(1:5, n * k, TRUE), n); x[matrix(runif(n * k) < 0.08, n)] <- NA
ids <- sprintf("r%03d", 1:n)
notes <- sample(c("plain", "has, comma", "has \"quote\"", "two\nlines", "", "ü ñ ø"), n, TRUE)
cells <- function(v, delim) {          # CSV quoting as a survey tool writes it
  v <- ifelse(is.na(v), "", as.character(v))
  q <- grepl(paste0("[", delim, "\"\n\r]"), v)
  ifelse(q, paste0("\"", gsub("\"", "\"\"", v), "\""), v)
}
write_csv <- function(path, delim = ",", eol = "\n", bom = FALSE, qualtrics = FALSE, na_code = NULL) {
  xx <- x; if (!is.null(na_code)) xx[is.na(xx)] <- na_code
  hdr <- c("ResponseId", "note", paste0("SCSF_", 1:k), "tail")
  rows <- sapply(1:n, function(i) paste(cells(c(ids[i], notes[i], xx[i, ], "end"), delim), collapse = delim))
  lines <- c(paste(hdr, collapse = delim))
  if (qualtrics) lines <- c(lines, paste(cells(c("Response ID", "A note, free text", paste0("Item ", 1:k, " - text"), "Tail"), delim), collapse = delim),
                            paste(cells(rep("{\"ImportId\":\"QID1\"}", k + 3), delim), collapse = delim))
  txt <- paste0(paste(c(lines, rows), collapse = eol), eol)
  con <- file(path, "wb"); if (bom) writeBin(as.raw(c(0xEF, 0xBB, 0xBF)), con); writeBin(charToRaw(enc2utf8(txt)), con); close(con)
}
ref_sf <- function() {                 # SCS-SF item-mean total under min-answered 0.8
  rv <- c(1, 4, 8, 9, 11, 12); r <- x; r[, rv] <- 6 - x[, rv]
  v <- rowMeans(r, na.rm = TRUE); v[rowSums(!is.na(r)) < 10] <- NA; v
}
variants <- list(
  clean = list(),
  crlf = list(eol = "\r\n"),
  bom = list(bom = TRUE),
  bom_crlf = list(bom = TRUE, eol = "\r\n"),
  semicolon = list(delim = ";", args = c("--delimiter", ";")),
  tab = list(delim = "\t", args = c("--delimiter", "\t")),
  qualtrics = list(qualtrics = TRUE, args = "--qualtrics"),
  qualtrics_crlf_bom = list(qualtrics = TRUE, eol = "\r\n", bom = TRUE, args = "--qualtrics"),
  na99 = list(na_code = 99, args = c("--na", "99")),
  na99_semicolon_crlf = list(na_code = 99, delim = ";", eol = "\r\n", args = c("--delimiter", ";", "--na", "99"))
)
ref <- ref_sf()
for (v in names(variants)) {
  o <- variants[[v]]
  f <- file.path(od, paste0("survey_", v, ".csv")); out <- file.path(od, paste0("scored_", v, ".csv"))
  do.call(write_csv, c(list(path = f), o[setdiff(names(o), "args")]))
  r <- dyadkit(c("score", "--instrument", "scs-sf", "--input", f, "--output", out, "--id", "ResponseId",
                 "--items", "SCSF_{n}", "--min-answered", "0.8", "--total", "item-mean", o$args))
  label <- paste("dirty", v)
  if (r$status != 0) { cat("DYADKIT FAILED", label, r$stderr, "\n"); check(label, "ran", r$status, 0, 0); next }
  if (nchar(r$stderr)) cat(label, "stderr:", r$stderr, "\n")
  delim <- if (is.null(o$delim)) "," else o$delim
  # the scored file is comma-separated with one header row whatever the input's dialect (docs/input.md,
  # "What score writes"): read the input with its own dialect, the output as plain CSV
  rd <- function(p, sep = delim, qualtrics = isTRUE(o$qualtrics)) {
    t <- read.table(p, sep = sep, header = TRUE, quote = "\"", colClasses = "character", na.strings = NULL,
                    comment.char = "", check.names = FALSE, encoding = "UTF-8", fileEncoding = "UTF-8-BOM")
    if (qualtrics) t <- t[-(1:2), ]
    rownames(t) <- NULL; t
  }
  inp <- rd(f); s <- rd(out, sep = ",", qualtrics = FALSE)
  check(label, "rows out", nrow(s), n, 0)
  check_eq(label, "header kept", names(s)[1:ncol(inp)], names(inp))
  check_eq(label, "input cells unchanged", identical(unname(as.list(s[, 1:ncol(inp)])), unname(as.list(inp))), TRUE)
  if (any(grepl("\r", unlist(s)))) check_eq(label, "no stray CR in cells", FALSE, TRUE)
  dk <- suppressWarnings(as.numeric(s$scs_sf_total))
  check_eq(label, "missing pattern", all(is.na(dk) == is.na(ref)), TRUE)
  e <- abs(dk - ref); e[is.na(e)] <- 0
  check(label, "total max abs err", max(e), 0, 1e-12, rel = FALSE)
  # raw bytes: the output starts with the input's header bytes (BOM kept or dropped consistently)
  bi <- readBin(f, "raw", 64); bo <- readBin(out, "raw", 64)
  cat(sprintf("%-22s input starts %s | output starts %s | output CRLF: %s\n", v, paste(head(bi, 6), collapse = " "),
              paste(head(bo, 6), collapse = " "), any(grepl("\r\n", rawToChar(readBin(out, "raw", 4000))))))
  if (isTRUE(o$qualtrics)) {
    # the two extra header rows are left out: the output's second line is the first respondent
    lo <- readLines(out, 2, encoding = "UTF-8")
    check_eq(label, "qualtrics rows left out", startsWith(sub("\r$", "", lo[2]), paste0(ids[1], ",")), TRUE)
  }
}
finish("scoring_dirty")
