# APIM and distinguishability: dyadkit vs nlme::gls on seeded random couple data.
# Run: Rscript verification/apim/compare_apim.R        (from the repository root or anywhere)
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
source(file.path(vroot, "apim", "gen_apim.R"))
suppressPackageStartupMessages(library(nlme))
od <- outdir("apim")
TOL_EST <- 1e-6; TOL_SE <- 1e-5

# case: id, seed, n, generator options, model: x (predictors), cov (covariates), int (interactions)
cases <- list(
  list(id = "n8_dist", seed = 101, n = 8, gen = list(dist = TRUE, rho = 0.3), x = "x1"),
  list(id = "n12_indist", seed = 102, n = 12, gen = list(dist = FALSE, rho = 0.5), x = "x1"),
  list(id = "n25_indist", seed = 103, n = 25, gen = list(dist = FALSE, rho = 0.2), x = "x1"),
  list(id = "n60_dist_negrho", seed = 104, n = 60, gen = list(dist = TRUE, rho = -0.45), x = "x1"),
  list(id = "n40_indist_negrho", seed = 105, n = 40, gen = list(dist = FALSE, rho = -0.5), x = "x1"),
  list(id = "n120_dist_missing", seed = 106, n = 120,
       gen = list(dist = TRUE, rho = 0.5, drop_member = 9, miss_y = 6, miss_x = 5), x = "x1"),
  list(id = "n400_indist_missing", seed = 107, n = 400,
       gen = list(dist = FALSE, rho = 0.35, drop_member = 20, miss_y = 15, miss_x = 10), x = "x1"),
  list(id = "n80_dist_2x_cov", seed = 108, n = 80, gen = list(dist = TRUE, rho = 0.25), x = c("x1", "x2"),
       cov = "z"),
  list(id = "n80_indist_2x_cov_pcov", seed = 109, n = 80, gen = list(dist = FALSE, rho = 0.25),
       x = c("x1", "x2"), cov = c("z", "partner.z")),
  list(id = "n100_dist_int", seed = 110, n = 100, gen = list(dist = TRUE, rho = 0.4, miss_z = 4),
       x = "x1", cov = "z", int = "x1:z"),
  list(id = "n150_indist_int_partner", seed = 111, n = 150, gen = list(dist = FALSE, rho = 0.3),
       x = "x1", cov = "z", int = c("x1:z", "partner.x1:z")),
  list(id = "n200_dist_2x_cov_int_miss", seed = 112, n = 200,
       gen = list(dist = TRUE, rho = -0.2, sds = c(1, 2.5), drop_member = 12, miss_y = 8, miss_x = 8),
       x = c("x1", "x2"), cov = "z", int = "x1:z"),
  # complete balanced dyads with a dyad-level covariate w and interactions with it (closed-form candidates)
  list(id = "n70_dist_w_int", seed = 114, n = 70, gen = list(dist = TRUE, rho = 0.35, dyad_w = TRUE),
       x = "x1", cov = "w", int = "x1:w"),
  list(id = "n70_indist_w_int", seed = 115, n = 70, gen = list(dist = FALSE, rho = 0.35, dyad_w = TRUE),
       x = "x1", cov = "w", int = "x1:w"),
  list(id = "n70_dist_w", seed = 116, n = 70, gen = list(dist = TRUE, rho = 0.5, dyad_w = TRUE), x = "x1", cov = "w"),
  list(id = "n70_indist_w_both_int", seed = 117, n = 70, gen = list(dist = FALSE, rho = 0.2, dyad_w = TRUE),
       x = "x1", cov = "w", int = c("x1:w", "partner.x1:w")),
  # actor x partner interaction, two predictors' interaction and a three-way term
  list(id = "n90_dist_axp_int", seed = 119, n = 90, gen = list(dist = TRUE, rho = 0.3, miss_y = 4),
       x = c("x1", "x2"), int = c("x1:partner.x1", "x1:x2", "x1:x2:z"), cov = "z"),
  list(id = "n90_indist_axp_int", seed = 120, n = 90, gen = list(dist = FALSE, rho = 0.3, drop_member = 4),
       x = "x1", int = c("x1:partner.x1", "partner.x1:z"), cov = "z"),
  # residual correlation near the boundaries
  list(id = "n50_dist_rho_m095", seed = 121, n = 50, gen = list(dist = TRUE, rho = -0.95, miss_y = 2), x = "x1"),
  list(id = "n50_indist_rho_095", seed = 122, n = 50, gen = list(dist = FALSE, rho = 0.95, drop_member = 2), x = "x1"),
  list(id = "n30_dist_singletons", seed = 113, n = 30, gen = list(dist = TRUE, rho = 0.6, drop_member = 6),
       x = "x1")
)

# APIM_CASES=regex runs only the matching cases
if (nzchar(Sys.getenv("APIM_CASES"))) cases <- Filter(function(cs) grepl(Sys.getenv("APIM_CASES"), cs$id), cases)

# dyadkit's term name for a factor list, given the predictors
term_name <- function(f, xs) {
  several <- length(xs) > 1
  parts <- strsplit(f, ":")[[1]]
  nm <- sapply(parts, function(v) {
    partner <- startsWith(v, "partner."); v <- sub("^(partner|actor)\\.", "", v)
    if (v %in% xs) paste0(if (partner) "partner" else "actor", if (several) paste0(".", v) else "")
    else if (partner) paste0("partner.", v) else v
  })
  paste(nm, collapse = ":")
}
value_of <- function(d, f) {
  parts <- strsplit(f, ":")[[1]]
  v <- rep(1, nrow(d))
  for (p in parts) {
    partner <- startsWith(p, "partner."); p <- sub("^(partner|actor)\\.", "", p)
    v <- v * d[[if (partner) paste0(p, "_p") else p]]
  }
  v
}

# base terms (name, values) in dyadkit's order: intercept, actor/partner per x, covariates, interactions
base_terms <- function(d, cs) {
  xs <- cs$x; tl <- list(intercept = rep(1, nrow(d)))
  several <- length(xs) > 1
  for (x in xs) {
    tl[[if (several) paste0("actor.", x) else "actor"]] <- d[[x]]
    tl[[if (several) paste0("partner.", x) else "partner"]] <- d[[paste0(x, "_p")]]
  }
  for (c in cs$cov) tl[[c]] <- value_of(d, c)
  for (i in cs$int) tl[[term_name(i, xs)]] <- value_of(d, i)
  tl
}

fit_r <- function(d, cs, dist, par, method, roles) {
  tl <- base_terms(d, cs)
  X <- list()
  if (!dist) X <- tl
  else if (par == "two-intercept") {
    for (t in names(tl)) for (r in roles) X[[paste0(t, ":", r)]] <- tl[[t]] * (d$role == r)
  } else {
    ec <- ifelse(d$role == roles[1], 1, -1)
    X <- tl
    for (t in names(tl)) X[[if (t == "intercept") "role" else paste0(t, ":role")]] <- tl[[t]] * ec
  }
  cn <- sprintf("c%02d", seq_along(X))
  md <- data.frame(y = d$y, dyad = d$dyad, role = factor(d$role, levels = roles), X)
  names(md)[-(1:3)] <- cn
  md <- md[complete.cases(md), ]
  f <- as.formula(paste("y ~ 0 +", paste(cn, collapse = " + ")))
  ctl <- glsControl(maxIter = 500, msMaxIter = 500, tolerance = 1e-10, msTol = 1e-10)
  fit <- if (dist) gls(f, md, correlation = corCompSymm(form = ~ 1 | dyad), weights = varIdent(form = ~ 1 | role),
                       method = method, control = ctl)
         else gls(f, md, correlation = corCompSymm(form = ~ 1 | dyad), method = method, control = ctl)
  # nlme stops nlminb at about 1e-5 in rho on flat likelihoods; refine the variance parameters on the
  # profiled likelihood (same gls code, parameters held fixed) and take beta, SEs from the refined point
  rho0 <- unname(coef(fit$modelStruct$corStruct, unconstrained = FALSE))
  vn <- if (dist) names(coef(fit$modelStruct$varStruct, unconstrained = FALSE)) else NULL
  lr0 <- if (dist) unname(coef(fit$modelStruct$varStruct, unconstrained = TRUE)) else NULL
  fixed_fit <- function(par) {
    w <- if (dist) varIdent(form = ~ 1 | role, fixed = setNames(exp(par[2]), vn)) else NULL
    gls(f, md, correlation = corCompSymm(value = tanh(par[1]), form = ~ 1 | dyad, fixed = TRUE), weights = w,
        method = method)
  }
  nll <- function(par) { r <- tryCatch(-as.numeric(logLik(fixed_fit(par))), error = function(e) 1e10); r }
  start <- c(atanh(rho0), lr0)
  o <- if (dist) optim(start, nll, method = "BFGS", control = list(reltol = 1e-15, ndeps = c(1e-5, 1e-5)))
       else optimize(function(a) nll(a), c(atanh(rho0) - 1, atanh(rho0) + 1), tol = 1e-14)
  par <- if (dist) o$par else o$minimum
  refined <- fixed_fit(par)
  list(fit = fit, refined = refined, names = names(X), data = md, npar = attr(logLik(fit), "df"))
}

sds_of <- function(fit, dist, roles) {
  s <- fit$sigma
  if (!dist) return(c(all = s))
  w <- coef(fit$modelStruct$varStruct, unconstrained = FALSE, allCoef = TRUE)
  setNames(s * w[roles], roles)
}

compare_fit <- function(label, j, rf, dist, roles) {
  fit <- rf$refined; tt <- summary(fit)$tTable
  tn <- summary(rf$fit)$tTable
  for (k in seq_len(nrow(tn))) {
    # recorded only: distance from nlme's default optimum (not a pass/fail criterion)
    .log$rows[[length(.log$rows) + 1]] <- data.frame(case = label, what = paste0("nlme-default est ", rf$names[k]),
      dyadkit = as.character(j$coefficients[[k]]$estimate), R = as.character(tn[k, 1]),
      err = abs(j$coefficients[[k]]$estimate - tn[k, 1]) / abs(tn[k, 1]), tol = NA, ok = TRUE)
  }
  dk <- j$coefficients
  check_eq(label, "terms", vapply(dk, function(c) c$term, ""), rf$names)
  N <- fit$dims$N; p <- fit$dims$p
  if (!is.null(j$n_obs)) {
    check(label, "n_obs", j$n_obs, N, 0)
    check(label, "n_dyads", j$n_dyads, length(unique(rf$data$dyad)), 0)
    check(label, "n_singletons", j$n_singletons, sum(table(rf$data$dyad) == 1), 0)
  }
  for (k in seq_along(dk)) {
    nm <- rf$names[k]
    check(label, paste0("est ", nm), dk[[k]]$estimate, tt[k, 1], TOL_EST)
    check(label, paste0("se ", nm), dk[[k]]$se, tt[k, 2], TOL_SE)
    check(label, paste0("df ", nm), dk[[k]]$df, N - p, 0)
    check(label, paste0("t ", nm), dk[[k]]$t, tt[k, 3], TOL_SE)
    check(label, paste0("p ", nm), dk[[k]]$p, tt[k, 4], 1e-4)
    ci <- tt[, 1] + outer(tt[, 2], qt(c(0.025, 0.5, 0.975), N - p))
    # interval ends: error relative to the SE (an end near 0 has no meaningful relative error)
    check(label, paste0("ci_lower ", nm), (dk[[k]]$ci_lower - ci[k, 1]) / tt[k, 2], 0, TOL_SE, rel = FALSE)
    check(label, paste0("ci_upper ", nm), (dk[[k]]$ci_upper - ci[k, 3]) / tt[k, 2], 0, TOL_SE, rel = FALSE)
  }
  sds <- sds_of(fit, dist, roles)
  for (r in names(sds)) check(label, paste0("residual sd ", r), by_role(j$residual$sd, r)$sd, sds[[r]], TOL_SE)
  rho <- coef(fit$modelStruct$corStruct, unconstrained = FALSE)
  check(label, "rho", j$residual$rho, rho, TOL_SE, rel = FALSE)
  if (!is.null(j$residual$cov)) check(label, "residual cov", j$residual$cov, rho * (if (dist) prod(sds) else sds[[1]]^2), TOL_SE, rel = FALSE)
  if (!is.null(j$log_lik)) {
    check(label, "logLik", j$log_lik, as.numeric(logLik(fit)), 1e-7)
    ll <- as.numeric(logLik(fit)); np <- rf$npar
    nb <- if (fit$method == "REML") N - p else N
    check(label, "AIC", j$aic, -2 * ll + 2 * np, 1e-7)
    check(label, "BIC", j$bic, -2 * ll + log(nb) * np, 1e-7)
    check(label, "n_parameters", j$n_parameters, np, 0)
    check(label, "AIC nlme default", j$aic, AIC(rf$fit), 1e-6)
  }
}

for (cs in cases) {
  g <- do.call(gen_apim, c(list(seed = cs$seed, n = cs$n), cs$gen))
  f <- file.path(od, paste0(cs$id, ".csv"))
  write.csv(g, f, row.names = FALSE, na = "")
  vars <- unique(c(cs$x, sub("^partner\\.", "", c(cs$cov, unlist(strsplit(as.character(unlist(cs$int)), ":"))))))
  vars <- unique(sub("^(partner|actor)\\.", "", vars))
  d <- add_partner(g, vars)
  est <- dyadkit(c("apim", "--input", f, "--dyad", "dyad", "--y", "y", unlist(lapply(cs$x, function(v) c("--x", v))),
                   unlist(lapply(cs$cov, function(v) c("--covariate", v))), unlist(lapply(cs$int, function(v) c("--interaction", v))),
                   if (isTRUE(cs$gen$dist)) c("--role", "role", "--roles", "M,F") else "--indistinguishable", "--format", "json"))
  if (est$status == 0) cat(cs$id, "estimation:", fromJSON(est$stdout)$estimation, "\n")
  roles <- c("M", "F")
  dist <- isTRUE(cs$gen$dist)
  args <- c("--input", f, "--dyad", "dyad", "--y", "y")
  for (x in cs$x) args <- c(args, "--x", x)
  for (c in cs$cov) args <- c(args, "--covariate", c)
  for (i in cs$int) args <- c(args, "--interaction", i)
  settings <- list(list(dist = FALSE, par = NA))
  if (dist) settings <- c(settings, list(list(dist = TRUE, par = "two-intercept"), list(dist = TRUE, par = "interaction")))
  for (s in settings) for (m in c("REML", "ML")) {
    a <- c("apim", args, "--method", tolower(m))
    if (s$dist) a <- c(a, "--role", "role", "--roles", "M,F", "--parameterisation", s$par)
    else if (dist) a <- c(a, "--role", "role", "--indistinguishable")
    label <- paste(cs$id, if (s$dist) s$par else "indist", m)
    j <- dyadkit_json(a)
    rf <- tryCatch(fit_r(d, cs, s$dist, s$par, m, roles), error = function(e) e)
    if (inherits(rf, "error")) {
      cat(sprintf("R FAILED %s: %s (dyadkit status %s)\n", label, conditionMessage(rf), attr(j, "status") %||% 0))
      next
    }
    if (length(j) == 0) {
      cat(sprintf("DYADKIT FAILED %s (status %s): %s\n", label, attr(j, "status"), attr(j, "stderr")))
      check(label, "dyadkit ran", 0, 1, 0); next
    }
    compare_fit(label, j, rf, s$dist, roles)
  }
  if (dist) {
    j <- dyadkit_json(c("distinguishability", args, "--role", "role", "--roles", "M,F"))
    label <- paste(cs$id, "distinguishability")
    if (length(j) == 0) {
      cat(sprintf("DYADKIT FAILED %s (status %s): %s\n", label, attr(j, "status"), attr(j, "stderr")))
      check(label, "dyadkit ran", 0, 1, 0); next
    }
    fd <- fit_r(d, cs, TRUE, "two-intercept", "ML", roles)
    fi <- fit_r(d, cs, FALSE, NA, "ML", roles)
    a <- anova(fi$fit, fd$fit)
    chi <- 2 * (as.numeric(logLik(fd$refined)) - as.numeric(logLik(fi$refined)))
    check(label, "chi_square (refined optimum)", j$chi_square, chi, 1e-6)
    check(label, "chi_square (nlme anova)", j$chi_square, a$L.Ratio[2], 1e-5)
    check(label, "df", j$df, a$df[2] - a$df[1], 0)
    check(label, "p", j$p, a$`p-value`[2], 1e-5)
    check(label, "AIC dist", j$distinguishable$aic, AIC(fd$fit), 1e-7)
    check(label, "AIC indist", j$indistinguishable$aic, AIC(fi$fit), 1e-7)
    check(label, "BIC dist", j$distinguishable$bic, BIC(fd$fit), 1e-7)
    check(label, "BIC indist", j$indistinguishable$bic, BIC(fi$fit), 1e-7)
    compare_fit(paste(label, "dist-ML"), j$distinguishable, fd, TRUE, roles)
    compare_fit(paste(label, "indist-ML"), j$indistinguishable, fi, FALSE, roles)
  }
}
finish("apim")
