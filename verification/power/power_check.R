# Simulated against analytic power at 20,000 replicates per design (the issue's check), run by hand:
#   Rscript verification/power/power_check.R        (from the repository root; about a minute per design)
# For each design, `dyadkit power simulate` (REML GLS fits) and `dyadkit power apim` (APIMPowerR's formulas);
# every power must lie within 3 Monte Carlo SEs of the analytic one, and at zero effects within 3 SEs of alpha.
suppressMessages(library(jsonlite))
dk <- function(args) fromJSON(paste(system2("./dyadkit", c(args, "--format", "json"), stdout = TRUE), collapse = "\n"))
designs <- list(
  dist_100 = c("--distinguishable", "--dyads", "100"),
  dist_unequal = c("--roles", "h,w", "--actor", "h=0.3", "--actor", "w=0.2", "--partner", "0.12",
                   "--variance-ratio-x", "1.5", "--variance-ratio-errors", "0.7", "--r-errors", "0.4", "--dyads", "150"),
  indist_200 = c("--dyads", "200", "--actor", "0.13", "--partner", "0.08"),
  zero = c("--distinguishable", "--actor", "0", "--partner", "0", "--dyads", "80"))
dir.create("verification/out/power", recursive = TRUE, showWarnings = FALSE)
rows <- list()
for (nm in names(designs)) {
  a <- dk(c("power", "apim", designs[[nm]]))$rows
  s <- dk(c("power", "simulate", designs[[nm]], "--replicates", "20000", "--seed", "20261202"))$rows
  m <- merge(a[, c("effect", "power")], s[, c("effect", "power", "replicates")], by = "effect", suffixes = c("_analytic", "_sim"))
  m$mc_se <- sqrt(m$power_analytic * (1 - m$power_analytic) / m$replicates)
  m$z <- (m$power_sim - m$power_analytic) / m$mc_se
  m$ok <- abs(m$z) <= 3
  m$design <- nm
  rows[[nm]] <- m
}
out <- do.call(rbind, rows)
write.csv(out, "verification/out/power/comparison.csv", row.names = FALSE)
print(out[, c("design", "effect", "power_analytic", "power_sim", "mc_se", "z", "ok")], digits = 4)
for (i in which(!out$ok)) cat("MISMATCH", out$design[i], out$effect[i], "\n")
cat(sum(!out$ok), "mismatches of", nrow(out), "\n")
