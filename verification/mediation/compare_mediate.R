# dyadkit mediate (paths, Sobel) vs lm in base R. Run: Rscript verification/mediation/compare_mediate.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
source(file.path(vroot, "apim", "gen_apim.R"))
od <- outdir("mediation")
for (cs in list(list(seed = 1001, n = 150, cov = "z"), list(seed = 1002, n = 40, cov = NULL))) {
  g <- gen_apim(cs$seed, cs$n, dist = TRUE, drop_member = 5, miss_y = 6, miss_x = 4, miss_z = 3)
  f <- file.path(od, paste0("med_", cs$seed, ".csv")); write.csv(g, f, row.names = FALSE, na = "")
  j <- dyadkit_json(c("mediate", "--input", f, "--x", "x1", "--m", "x2", "--y", "y", unlist(lapply(cs$cov, function(v) c("--covariate", v)))))
  d <- g[complete.cases(g[, c("x1", "x2", "y", cs$cov)]), ]
  rhs <- function(...) paste(c(..., cs$cov), collapse = " + ")
  ma <- summary(lm(as.formula(paste("x2 ~", rhs("x1"))), d))$coefficients
  mb <- summary(lm(as.formula(paste("y ~", rhs("x1", "x2"))), d))$coefficients
  mc <- summary(lm(as.formula(paste("y ~", rhs("x1"))), d))$coefficients
  label <- paste("mediate seed", cs$seed)
  check(label, "n", j$n, nrow(d), 0)
  for (p in list(list("a", ma, "x1"), list("b", mb, "x2"), list("c_prime", mb, "x1"), list("c", mc, "x1"))) {
    jp <- j$paths[[p[[1]]]]; m <- p[[2]]; r <- p[[3]]
    check(label, paste(p[[1]], "estimate"), jp$estimate, m[r, 1], 1e-8)
    check(label, paste(p[[1]], "se"), jp$se, m[r, 2], 1e-8)
    check(label, paste(p[[1]], "p"), jp$p, m[r, 4], 1e-7)
  }
  a <- ma["x1", 1]; sa <- ma["x1", 2]; b <- mb["x2", 1]; sb <- mb["x2", 2]
  se <- sqrt(b^2 * sa^2 + a^2 * sb^2)
  check(label, "indirect", j$indirect$estimate, a * b, 1e-8)
  check(label, "sobel_se", j$indirect$sobel_se, se, 1e-8)
  check(label, "sobel_p", j$indirect$sobel_p, 2 * pnorm(-abs(a * b / se)), 1e-7)
}
finish("mediation")
