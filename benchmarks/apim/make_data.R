# Simulated couples for the APIM benchmarks: Rscript make_data.R N SEED OUT.csv
# Individual layout: couple, role (H/W), x, y; complete dyads, distinguishable effects and SDs.
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1]); set.seed(as.integer(args[2]))
xh <- rnorm(n, 4, 0.6); xw <- 0.4 * xh + rnorm(n, 2.4, 0.5)
e1 <- rnorm(n); e2 <- 0.45 * e1 + sqrt(1 - 0.45^2) * rnorm(n)
yh <- 0.7 + 0.42 * xh + 0.26 * xw + 0.38 * e1
yw <- 0.6 + 0.38 * xw + 0.32 * xh + 0.46 * e2
d <- data.frame(couple = rep(seq_len(n), each = 2), role = rep(c("H", "W"), n),
                x = round(as.vector(rbind(xh, xw)), 6), y = round(as.vector(rbind(yh, yw)), 6))
write.csv(d, args[3], row.names = FALSE)
