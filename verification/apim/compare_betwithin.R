# --df between-within vs nlme::lme's between/within df (random dyad intercept; equals the
# compound-symmetry gls when rho > 0). Run: Rscript verification/apim/compare_betwithin.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
source(file.path(vroot, "apim", "gen_apim.R"))
suppressPackageStartupMessages(library(nlme))
od <- outdir("apim")
cases <- list(list(id = "bw_n400_indist_missing", seed = 107, n = 400, gen = list(dist = FALSE, rho = 0.35, drop_member = 20, miss_y = 15, miss_x = 10), cov = "z"),
              list(id = "bw_n70_indist_w_int", seed = 115, n = 70, gen = list(dist = FALSE, rho = 0.35, dyad_w = TRUE), cov = "w", int = "x1:w"),
              list(id = "bw_n50_indist", seed = 118, n = 50, gen = list(dist = FALSE, rho = 0.5, dyad_w = TRUE), cov = "w"))
for (cs in cases) {
  g <- do.call(gen_apim, c(list(seed = cs$seed, n = cs$n), cs$gen))
  f <- file.path(od, paste0(cs$id, ".csv")); write.csv(g, f, row.names = FALSE, na = "")
  d <- add_partner(g, intersect(c("x1", "w", "z"), names(g)))
  rhs <- c("x1", "x1_p", cs$cov, if (!is.null(cs$int)) "I(x1 * w)")
  md <- d[complete.cases(d[, c("y", "x1", "x1_p", cs$cov)]), ]
  fit <- lme(as.formula(paste("y ~", paste(rhs, collapse = " + "))), random = ~ 1 | dyad, data = md, method = "REML")
  a <- c("apim", "--input", f, "--dyad", "dyad", "--y", "y", "--x", "x1", "--covariate", cs$cov,
         if (!is.null(cs$int)) c("--interaction", cs$int), "--indistinguishable", "--df", "between-within")
  j <- dyadkit_json(a)
  tt <- summary(fit)$tTable
  for (k in seq_along(j$coefficients)) {
    c <- j$coefficients[[k]]
    check(cs$id, paste("df", c$term), c$df, tt[k, "DF"], 0)
    check(cs$id, paste("est", c$term), c$estimate, tt[k, "Value"], 1e-5)
    check(cs$id, paste("p", c$term), c$p, tt[k, "p-value"], 1e-3)
  }
}
finish("betwithin")
