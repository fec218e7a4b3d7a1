# (a) base R: read.csv + vectorised SCS-26 scoring (80% rule, mean of subscale means) + write.csv.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
key <- list(self_kindness = c(5, 12, 19, 23, 26), self_judgment = c(1, 8, 11, 16, 21),
            common_humanity = c(3, 7, 10, 15), isolation = c(4, 13, 18, 25),
            mindfulness = c(9, 14, 17, 22), over_identification = c(2, 6, 20, 24))
negative <- c("self_judgment", "isolation", "over_identification")
X <- as.matrix(d[paste0("scs", 1:26)])
X[!is.na(X) & (X < 1 | X > 5 | X != round(X))] <- NA
for (s in names(key)) {
  M <- X[, key[[s]], drop = FALSE]
  ok <- rowSums(!is.na(M)) >= ceiling(0.8 * length(key[[s]]))
  v <- rowMeans(M, na.rm = TRUE)
  v[!ok] <- NA
  d[[paste0("scs_", s)]] <- v
}
S <- as.matrix(d[paste0("scs_", names(key))])
S[, paste0("scs_", negative)] <- 6 - S[, paste0("scs_", negative)]
d$scs_total <- rowMeans(S)
write.csv(d, args[2], row.names = FALSE, na = "")
