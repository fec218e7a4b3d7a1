# A user-defined instrument (0-4 range, reverse-keyed items inside a positive sum subscale and a negative
# mean subscale, every total method) scored by dyadkit vs base R from the rules in docs/scoring.md.
# Run: Rscript verification/scoring/compare_user_instrument.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
od <- outdir("scoring_user")
ins <- list(format = "dyadkit-instrument/1", id = "mine", version = "1", name = "Mine", status = "secondary_source",
  citation = list(text = "Test instrument", doi = "10.0000/none"), key_source = "verification harness", response = list(min = 0, max = 4),
  reversal = "min + max - x", items = lapply(1:8, function(i) list(number = i, label = paste("item", i))),
  reverse_keyed = c(2, 3, 7),
  subscales = list(list(name = "warmth", label = "Warmth", items = 1:4, aggregation = "sum", direction = "positive"),
                   list(name = "coldness", label = "Coldness", items = 5:8, aggregation = "mean", direction = "negative")),
  total = list(methods = c("mean-of-subscales", "item-mean", "sum-of-subscales", "item-sum"), default = "item-sum"),
  missing = list(rule = "all-required"), licence = "none")
fi <- file.path(od, "mine.json"); writeLines(toJSON(ins, auto_unbox = TRUE, pretty = TRUE), fi)
set.seed(901); n <- 300
x <- matrix(sample(0:4, n * 8, TRUE), n); x[matrix(runif(n * 8) < 0.15, n)] <- NA
d <- data.frame(id = 1:n, x); names(d) <- c("id", paste0("m", 1:8)); f <- file.path(od, "mine.csv")
write.csv(d, f, row.names = FALSE, na = "")
need <- function(fr, k) if (fr >= 1) k else ceiling(round(fr * k, 9))
agg <- function(m, fr, how) { a <- rowSums(!is.na(m)); v <- rowMeans(m, na.rm = TRUE) * (if (how == "sum") ncol(m) else 1); v[a < need(fr, ncol(m))] <- NA; v }
for (fr in c(1, 0.75, 0.5)) for (tm in ins$total$methods) {
  o <- file.path(od, "mine_scored.csv")
  r <- dyadkit(c("score", "--instrument", fi, "--input", f, "--output", o, "--items", "m{n}", "--min-answered", fr, "--total", tm))
  label <- paste("user instrument min", fr, tm)
  if (r$status != 0) { cat("FAILED", label, r$stderr, "\n"); check(label, "ran", 1, 0, 0); next }
  s <- read.csv(o)
  rv <- x; rv[, c(2, 3, 7)] <- 4 - x[, c(2, 3, 7)]                  # instrument direction
  own <- x; own[, c(5, 6, 8)] <- 4 - x[, c(5, 6, 8)]                # coldness in its own direction
  warm <- agg(rv[, 1:4], fr, "sum"); cold <- agg(own[, 5:8], fr, "mean"); coldT <- agg(rv[, 5:8], fr, "mean")
  tot <- switch(tm, "mean-of-subscales" = (warm + coldT) / 2, "sum-of-subscales" = warm + coldT,
                "item-mean" = agg(rv, fr, "mean"), "item-sum" = agg(rv, fr, "sum"))
  for (nm in c("warmth", "coldness", "total")) {
    ref <- switch(nm, warmth = warm, coldness = cold, total = tot); dk <- s[[paste0("mine_", nm)]]
    check_eq(label, paste(nm, "missing pattern"), all(is.na(dk) == is.na(ref)), TRUE)
    e <- abs(dk - ref); e[is.na(e)] <- 0; check(label, paste(nm, "max abs err"), max(e), 0, 1e-12, rel = FALSE)
  }
}
finish("scoring_user")
