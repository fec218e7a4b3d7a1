# Checks that dyadkit and the R scripts computed the same scores on the benchmark file.
# Usage: Rscript compare_outputs.R DYADKIT.csv R.csv
args <- commandArgs(trailingOnly = TRUE)
a <- data.table::fread(args[1]); b <- data.table::fread(args[2])
cols <- grep("^scs_(self|common|isolation|mindfulness|over|total)", names(b), value = TRUE)
stopifnot(nrow(a) == nrow(b), all(cols %in% names(a)))
for (c in cols) {
  x <- a[[c]]; y <- b[[c]]
  stopifnot(identical(is.na(x), is.na(y)))
  d <- max(abs(x - y) / pmax(1, abs(y)), na.rm = TRUE)
  if (d > 1e-12) stop(c, ": largest relative difference ", d)
}
cat("same scores in", length(cols), "columns and", nrow(a), "rows\n")
