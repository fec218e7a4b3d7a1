# Badly scaled data: y times 1e6 and x1 times 1e-4 (and y shifted by 1e7) must rescale the APIM exactly.
# Run: Rscript verification/apim/compare_scaling.R (uses the data written by compare_apim.R)
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
od <- outdir("apim")
for (id in c("n120_dist_missing", "n60_dist_negrho", "n400_indist_missing")) {
  f <- file.path(od, paste0(id, ".csv")); g <- read.csv(f, stringsAsFactors = FALSE)
  s <- g; s$y <- s$y * 1e6 + 1e7; s$x1 <- s$x1 * 1e-4
  fs <- file.path(od, paste0(id, "_scaled.csv")); write.csv(s, fs, row.names = FALSE, na = "")
  for (dist in c(TRUE, FALSE)) {
    r <- if (dist) c("--role", "role", "--roles", "M,F") else c("--role", "role", "--indistinguishable")
    a <- dyadkit_json(c("apim", "--input", f, "--dyad", "dyad", "--y", "y", "--x", "x1", r))
    b <- dyadkit_json(c("apim", "--input", fs, "--dyad", "dyad", "--y", "y", "--x", "x1", r))
    label <- paste(id, if (dist) "dist" else "indist", "scaled")
    if (length(b) == 0) { cat("DYADKIT FAILED", label, attr(b, "stderr"), "\n"); check(label, "ran", 1, 0, 0); next }
    for (k in seq_along(a$coefficients)) {
      ca <- a$coefficients[[k]]; cb <- b$coefficients[[k]]
      if (startsWith(ca$term, "intercept")) next
      check(label, paste("est", ca$term), cb$estimate, ca$estimate * 1e10, 1e-6)
      check(label, paste("t", ca$term), cb$t, ca$t, 1e-5)
    }
    check(label, "rho", b$residual$rho, a$residual$rho, 1e-6, rel = FALSE)
    check(label, "logLik shift", b$log_lik, a$log_lik - (a$n_obs - if (a$method == "REML") length(a$coefficients) else 0) * log(1e6) +
            (if (a$method == "REML") -sum(sapply(a$coefficients, function(c) grepl("^(actor|partner)", c$term))) * log(1e-4) else 0), 1e-7)
  }
}
finish("apim_scaling")
