# psych::alpha on every SCS-26 subscale and the total of a survey file (pairwise, as dyadkit's default),
# reverse-keyed items reversed (6 - x) in the total. Prints each scale's raw alpha.
# Usage: Rscript psych_alpha.R FILE.csv
suppressPackageStartupMessages({library(data.table); library(psych)})
x <- as.data.frame(fread(commandArgs(trailingOnly = TRUE)[1]))
sub <- list(self_kindness = c(5, 12, 19, 23, 26), self_judgment = c(1, 8, 11, 16, 21),
            common_humanity = c(3, 7, 10, 15), isolation = c(4, 13, 18, 25),
            mindfulness = c(9, 14, 17, 22), over_identification = c(2, 6, 20, 24))
rev <- c(sub$self_judgment, sub$isolation, sub$over_identification)
items <- x[, paste0("scs", 1:26)]
for (s in names(sub)) {
  a <- alpha(items[, paste0("scs", sub[[s]])], check.keys = FALSE, warnings = FALSE)
  cat(s, sprintf("%.12f", a$total$raw_alpha), "\n")
}
keyed <- items
for (i in rev) keyed[[i]] <- 6 - keyed[[i]]
a <- alpha(keyed, check.keys = FALSE, warnings = FALSE)
cat("total", sprintf("%.12f", a$total$raw_alpha), "\n")
