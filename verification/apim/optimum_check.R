# Which optimum is better? Profiled (RE)ML log-likelihood at dyadkit's (rho, sd ratio) vs at nlme's.
# Run: Rscript verification/apim/optimum_check.R   (after compare_apim.R has written the data)
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
source(file.path(vroot, "apim", "gen_apim.R"))
suppressPackageStartupMessages(library(nlme))
od <- outdir("apim")
one <- function(id, x, cov, int, dist, method) {
  f <- file.path(od, paste0(id, ".csv")); g <- read.csv(f, stringsAsFactors = FALSE)
  vars <- intersect(c("x1", "x2", "z", "w"), names(g)); d <- add_partner(g, vars)
  args <- c("apim", "--input", f, "--dyad", "dyad", "--y", "y", "--method", tolower(method))
  for (v in x) args <- c(args, "--x", v); for (v in cov) args <- c(args, "--covariate", v)
  for (v in int) args <- c(args, "--interaction", v)
  args <- c(args, "--role", "role", if (dist) c("--roles", "M,F") else "--indistinguishable")
  j <- dyadkit_json(args)
  rhs <- c(); for (v in x) rhs <- c(rhs, v, paste0(v, "_p")); rhs <- c(rhs, cov)
  if (length(int)) rhs <- c(rhs, sub("partner.x1", "x1_p", int))
  d$role <- factor(d$role, levels = c("M", "F"))
  fo <- as.formula(paste("y ~", if (dist) "0 + role + " else "", paste(if (dist) paste0("role:", rhs) else rhs, collapse = " + ")))
  cc <- d[complete.cases(d[, c("y", unique(unlist(strsplit(rhs, ":"))))]), ]
  if (!dist) fo <- as.formula(paste("y ~", paste(gsub(":", ":", rhs), collapse = " + ")))
  ll <- function(rho, ratio) {
    w <- if (dist) varIdent(form = ~ 1 | role, fixed = c(F = unname(ratio))) else NULL
    as.numeric(logLik(gls(fo, cc, correlation = corCompSymm(value = unname(rho), form = ~ 1 | dyad, fixed = TRUE),
                          weights = w, method = method)))
  }
  fr <- gls(fo, cc, correlation = corCompSymm(form = ~ 1 | dyad), weights = if (dist) varIdent(form = ~ 1 | role),
            method = method, control = glsControl(tolerance = 1e-12, msTol = 1e-12, maxIter = 1000, msMaxIter = 1000))
  rr <- coef(fr$modelStruct$corStruct, unconstrained = FALSE)
  # nlme's varIdent reference level is F here (alphabetical); dyadkit reports sd(F)/sd(M)
  ra <- if (dist) 1 / coef(fr$modelStruct$varStruct, unconstrained = FALSE)[["M"]] else 1
  dr <- j$residual$rho; da <- if (dist) by_role(j$residual$sd, "F")$sd / by_role(j$residual$sd, "M")$sd else 1
  o <- optim(c(atanh(rr), log(ra)), function(p) -ll(tanh(p[1]), exp(p[2])), control = list(reltol = 1e-14))
  cat(sprintf("%-40s nlme rho=%.9f ll=%.10f | dyadkit rho=%.9f ll(R at dyadkit's point)=%.10f | optim rho=%.9f ll=%.10f\n",
              paste(id, method, if (dist) "dist" else "indist"), rr, as.numeric(logLik(fr)), dr, ll(dr, da), tanh(o$par[1]), -o$value))
}
one("n200_dist_2x_cov_int_miss", c("x1", "x2"), "z", "x1:z", TRUE, "REML")
one("n200_dist_2x_cov_int_miss", c("x1", "x2"), "z", "x1:z", TRUE, "ML")
one("n30_dist_singletons", "x1", NULL, NULL, FALSE, "ML")
one("n150_indist_int_partner", "x1", "z", c("x1:z", "partner.x1:z"), FALSE, "REML")
one("n70_indist_w_int", "x1", "w", "x1:w", FALSE, "REML")
