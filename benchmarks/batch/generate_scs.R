# Generates a seeded SCS-26 survey file: id, scs1..scs26 (1-5), about 5% blank cells.
# Usage: Rscript generate_scs.R ROWS OUT.csv [SEED]
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1]); out <- args[2]
seed <- if (length(args) >= 3) as.integer(args[3]) else 20261125L
set.seed(seed)
reversed <- c(1, 2, 4, 6, 8, 11, 13, 16, 18, 20, 21, 24, 25)
theta <- rnorm(n)
cols <- vector("list", 27)
cols[[1]] <- sprintf("p%07d", seq_len(n))
for (j in 1:26) {
  sgn <- if (j %in% reversed) -1 else 1
  x <- as.integer(pmin(5, pmax(1, round(3 + sgn * 0.9 * theta + rnorm(n, 0, 0.9)))))
  x[runif(n) < 0.05] <- NA
  cols[[j + 1]] <- x
}
names(cols) <- c("id", paste0("scs", 1:26))
data.table::fwrite(data.table::as.data.table(cols), out, na = "")
