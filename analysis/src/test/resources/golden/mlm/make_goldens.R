# Goldens for org.dyadkit.mlm: nlme::lme fits of simulated diary couples.
# Run from this folder: Rscript make_goldens.R   (writes sim_diary*.csv, mlm_goldens.json, VERSIONS.txt, SHA256SUMS)
suppressPackageStartupMessages({ library(nlme); library(jsonlite) })

simulate <- function(seed, couples, days, rho, phi = 0, drop = 0, single = 0, G = NULL) {
  set.seed(seed)
  if (is.null(G)) G <- matrix(c(1.0, 0.5, -0.05, 0.02,
                                0.5, 1.2, 0.03, -0.06,
                                -0.05, 0.03, 0.04, 0.01,
                                0.02, -0.06, 0.01, 0.05), 4, 4)
  L <- chol(G)
  rows <- list()
  for (d in seq_len(couples)) {
    b <- as.vector(rnorm(4) %*% L)
    # residuals: man/woman at each day with correlation rho, AR(1) phi within person (Kronecker)
    S2 <- matrix(c(1, rho, rho, 1), 2) * outer(c(0.8, 1.1), c(0.8, 1.1))
    e <- matrix(0, days, 2)
    prev <- as.vector(rnorm(2) %*% chol(S2))
    e[1, ] <- prev
    for (t in 2:days) {
      innov <- as.vector(rnorm(2) %*% chol(S2)) * sqrt(1 - phi^2)
      e[t, ] <- phi * e[t - 1, ] + innov
    }
    for (t in seq_len(days)) {
      xm <- rnorm(1, 0.3 * b[1], 1); xw <- rnorm(1, 0.3 * b[2], 1)
      time <- t - 1
      ym <- 3 + 0.10 * time + b[1] + b[3] * time + e[t, 1]
      yw <- 3.4 + 0.05 * time + b[2] + b[4] * time + e[t, 2]
      rows[[length(rows) + 1]] <- data.frame(couple = sprintf("c%03d", d), person = sprintf("c%03d_m", d),
        gender = "man", day = t, time = time, x = round(xm, 4), y = round(ym, 4))
      rows[[length(rows) + 1]] <- data.frame(couple = sprintf("c%03d", d), person = sprintf("c%03d_w", d),
        gender = "woman", day = t, time = time, x = round(xw, 4), y = round(yw, 4))
    }
  }
  dat <- do.call(rbind, rows)
  # add partner effects of x on y so the L-APIM has something to find
  if (drop > 0) dat <- dat[runif(nrow(dat)) > drop, ]
  if (single > 0) {   # some persons answer only the first days
    quit <- unique(dat$person)[runif(length(unique(dat$person))) < single]
    dat <- dat[!(dat$person %in% quit & dat$day > 3), ]
  }
  dat$y[runif(nrow(dat)) < 0.03] <- NA    # some missing outcomes
  rownames(dat) <- NULL
  dat
}

derive <- function(dat) {
  dat$man <- as.numeric(dat$gender == "man"); dat$woman <- 1 - dat$man
  key <- paste(dat$couple, dat$day)
  # partner's value at the same occasion
  pidx <- sapply(seq_len(nrow(dat)), function(i) {
    j <- which(key == key[i] & dat$person != dat$person[i]); if (length(j)) j else NA })
  dat$px <- dat$x[pidx]
  # lag within person at occasion t - 1 (missing after a gap)
  lk <- paste(dat$person, dat$day)
  li <- match(paste(dat$person, dat$day - 1), lk)
  dat$lagy <- dat$y[li]
  dat$plagy <- dat$lagy[pidx]
  # person mean and within-person deviation of x (over the person's non-missing x)
  pm <- ave(dat$x, dat$person, FUN = function(v) mean(v, na.rm = TRUE))
  dat$bx <- pm; dat$wx <- dat$x - pm
  dat$pwx <- dat$wx[pidx]; dat$pbx <- dat$bx[pidx]
  dat
}

# nlminb's default rel.tol (1e-10) stops about 1e-7 short of the maximum of the log-likelihood; these
# tolerances (passed through by lme to nlminb) reach it to about 1e-12 (checked against dyadkit's optimum)
ctrl <- lmeControl(maxIter = 500, msMaxIter = 500, niterEM = 100, tolerance = 1e-12, msMaxEval = 10000,
                   returnObject = TRUE, rel.tol = 1e-13, abs.tol = 0, x.tol = 1e-14, sing.tol = 1e-20)

extract <- function(name, call, fit, data_file, java) {
  tt <- summary(fit)$tTable
  vc <- getVarCov(fit)
  sds <- sqrt(diag(vc))
  cr <- cov2cor(vc)
  vs <- fit$modelStruct$varStruct
  ratios <- if (is.null(vs)) NULL else coef(vs, unconstrained = FALSE, allCoef = TRUE)
  cs <- fit$modelStruct$corStruct
  cpar <- if (is.null(cs)) NULL else coef(cs, unconstrained = FALSE)
  fit_vals <- fitted(fit)
  list(name = name, data = data_file, r_call = call, java = java,
       method = fit$method, n = fit$dims$N, dyads = unname(fit$dims$ngrps[1]),
       coefficients = lapply(seq_len(nrow(tt)), function(i) list(term = rownames(tt)[i],
          estimate = tt[i, 1], se = tt[i, 2], df = tt[i, 3], t = tt[i, 4], p = tt[i, 5])),
       random_terms = colnames(vc), random_sd = unname(sds),
       random_cor = unname(cr[lower.tri(cr)]),
       sigma = fit$sigma,
       variance_levels = if (is.null(ratios)) NULL else names(ratios),
       variance_ratios = if (is.null(ratios)) NULL else unname(ratios),
       cor_par = if (is.null(cpar)) NULL else unname(cpar),
       log_lik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit),
       fitted_first = unname(head(fit_vals, 10)))
}

goldens <- list()
run <- function(name, data_file, dat, call, java) {
  d <- derive(dat)
  fit <- eval(parse(text = call), envir = list2env(list(d = d, ctrl = ctrl), parent = globalenv()))
  goldens[[length(goldens) + 1]] <<- extract(name, call, fit, data_file, java)
}

bal <- simulate(20261, 60, 10, rho = 0.4)
write.csv(bal, "sim_diary_balanced.csv", row.names = FALSE, na = "")
unb <- simulate(20262, 80, 14, rho = 0.3, drop = 0.15, single = 0.05)
write.csv(unb, "sim_diary_unbalanced.csv", row.names = FALSE, na = "")
neg <- simulate(20263, 70, 12, rho = -0.35, drop = 0.1)
write.csv(neg, "sim_diary_negative.csv", row.names = FALSE, na = "")
ar <- simulate(20264, 60, 14, rho = 0.0, phi = 0.45, drop = 0.1,
               G = diag(c(1, 1.2, 1e-3, 1e-3)))
write.csv(ar, "sim_diary_ar1.csv", row.names = FALSE, na = "")

gc_call <- "lme(y ~ 0 + man + woman + man:time + woman:time, random = ~ 0 + man + woman + man:time + woman:time | couple, correlation = corCompSymm(form = ~ 1 | couple/time), weights = varIdent(form = ~ 1 | gender), data = d, method = 'REML', na.action = na.omit, control = ctrl)"
run("growth_balanced_reml", "sim_diary_balanced.csv", bal, gc_call,
    list(fixed = "y ~ 0 + man + woman + man:time + woman:time", random = "~ 0 + man + woman + man:time + woman:time | couple",
         covariance = "unstructured", within = "cs", ar = "none", variance_by = "gender", method = "reml"))
run("growth_unbalanced_ml", "sim_diary_unbalanced.csv", unb, sub("'REML'", "'ML'", gc_call),
    list(fixed = "y ~ 0 + man + woman + man:time + woman:time", random = "~ 0 + man + woman + man:time + woman:time | couple",
         covariance = "unstructured", within = "cs", ar = "none", variance_by = "gender", method = "ml"))
run("lapim_negative_rho_reml", "sim_diary_negative.csv", neg,
    "lme(y ~ 0 + man + woman + man:wx + woman:wx + man:pwx + woman:pwx + man:bx + woman:bx + man:pbx + woman:pbx, random = ~ 0 + man + woman | couple, correlation = corCompSymm(form = ~ 1 | couple/time), weights = varIdent(form = ~ 1 | gender), data = d, method = 'REML', na.action = na.omit, control = ctrl)",
    list(fixed = "y ~ 0 + man + woman + man:within(x) + woman:within(x) + man:partner(within(x)) + woman:partner(within(x)) + man:between(x) + woman:between(x) + man:partner(between(x)) + woman:partner(between(x))",
         random = "~ 0 + man + woman | couple", covariance = "unstructured", within = "cs", ar = "none", variance_by = "gender", method = "reml",
         terms = c("man", "woman", "man:within(x)", "woman:within(x)", "man:partner(within(x))", "woman:partner(within(x))",
                   "man:between(x)", "woman:between(x)", "man:partner(between(x))", "woman:partner(between(x))")))
run("stability_influence_indist_reml", "sim_diary_unbalanced.csv", unb,
    "lme(y ~ lagy + plagy, random = ~ 1 | couple, correlation = corCompSymm(form = ~ 1 | couple/time), data = d, method = 'REML', na.action = na.omit, control = ctrl)",
    list(fixed = "y ~ lag(y) + partner(lag(y))", random = "~ 1 | couple", covariance = "unstructured", within = "cs", ar = "none", variance_by = NULL, method = "reml",
         terms = c("(Intercept)", "lag(y)", "partner(lag(y))")))
run("ar1_random_intercepts_reml", "sim_diary_ar1.csv", ar,
    "lme(y ~ 0 + man + woman + man:time + woman:time, random = ~ 0 + man + woman | couple, correlation = corAR1(form = ~ day | couple/person), weights = varIdent(form = ~ 1 | gender), data = d, method = 'REML', na.action = na.omit, control = ctrl)",
    list(fixed = "y ~ 0 + man + woman + man:time + woman:time", random = "~ 0 + man + woman | couple", covariance = "unstructured", within = "none", ar = "ar1", variance_by = "gender", method = "reml"))
run("diagonal_factor_interaction_ml", "sim_diary_negative.csv", neg,
    "lme(y ~ x * gender, random = list(couple = pdDiag(~ time)), correlation = corCompSymm(form = ~ 1 | couple/time), data = d, method = 'ML', na.action = na.omit, control = ctrl)",
    list(fixed = "y ~ x * gender", random = "~ time | couple", covariance = "diagonal", within = "cs", ar = "none", variance_by = NULL, method = "ml"))

run("growth_quadratic_reml", "sim_diary_balanced.csv", bal,
    "lme(y ~ 0 + man + woman + man:time + woman:time + man:I(time^2) + woman:I(time^2), random = ~ 0 + man + woman + man:time + woman:time | couple, correlation = corCompSymm(form = ~ 1 | couple/time), weights = varIdent(form = ~ 1 | gender), data = d, method = 'REML', na.action = na.omit, control = ctrl)",
    list(fixed = "y ~ 0 + man + woman + man:time + woman:time + man:I(time^2) + woman:I(time^2)", random = "~ 0 + man + woman + man:time + woman:time | couple",
         covariance = "unstructured", within = "cs", ar = "none", variance_by = "gender", method = "reml"))
run("lapim_indistinguishable_ml", "sim_diary_unbalanced.csv", unb,
    "lme(y ~ wx + pwx + bx + pbx, random = ~ 1 | couple, correlation = corCompSymm(form = ~ 1 | couple/time), data = d, method = 'ML', na.action = na.omit, control = ctrl)",
    list(fixed = "y ~ within(x) + partner(within(x)) + between(x) + partner(between(x))", random = "~ 1 | couple", covariance = "unstructured", within = "cs", ar = "none", variance_by = NULL, method = "ml",
         terms = c("(Intercept)", "within(x)", "partner(within(x))", "between(x)", "partner(between(x))")))

writeLines(toJSON(goldens, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), "mlm_goldens.json")
writeLines(c(R.version.string, paste("nlme", packageVersion("nlme")), paste("jsonlite", packageVersion("jsonlite"))),
           "VERSIONS.txt")
system("sha256sum sim_diary_*.csv > SHA256SUMS")
