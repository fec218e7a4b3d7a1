# APIM extras: k with its delta-method SE, standardised actor effect, pseudo R^2, reversed role order,
# the same model from the dyad and pairwise layouts, --ci normal, bootstrap reproducibility across threads.
# Run: Rscript verification/apim/compare_apim_extras.R   (uses the data written by compare_apim.R)
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
source(file.path(vroot, "apim", "gen_apim.R"))
suppressPackageStartupMessages(library(nlme))
od <- outdir("apim")
vars <- c("x1", "x2", "z", "y")
ctl <- glsControl(maxIter = 500, msMaxIter = 500)
cases <- list(list(id = "n120_dist_missing", seed = 106, n = 120,
                   gen = list(dist = TRUE, rho = 0.5, drop_member = 9, miss_y = 6, miss_x = 5)),
              list(id = "n60_dist_negrho", seed = 104, n = 60, gen = list(dist = TRUE, rho = -0.45)),
              list(id = "n400_indist_missing", seed = 107, n = 400,
                   gen = list(dist = FALSE, rho = 0.35, drop_member = 20, miss_y = 15, miss_x = 10)))
for (cs in cases) {
  g <- do.call(gen_apim, c(list(seed = cs$seed, n = cs$n), cs$gen)); dist <- isTRUE(cs$gen$dist)
  f <- file.path(od, paste0(cs$id, ".csv")); write.csv(g, f, row.names = FALSE, na = "")
  d <- add_partner(g, "x1"); d$role <- factor(d$role, levels = c("M", "F"))
  md <- d[complete.cases(d[, c("y", "x1", "x1_p")]), ]
  roles <- c("M", "F")
  rarg <- if (dist) c("--role", "role", "--roles", "M,F") else c("--role", "role", "--indistinguishable")
  base <- c("apim", "--input", f, "--dyad", "dyad", "--y", "y", "--x", "x1")
  j <- dyadkit_json(c(base, rarg, "--k"))
  fit <- if (dist) gls(y ~ 0 + role + role:x1 + role:x1_p, md, correlation = corCompSymm(form = ~ 1 | dyad),
                      weights = varIdent(form = ~ 1 | role), control = ctl)
         else gls(y ~ x1 + x1_p, md, correlation = corCompSymm(form = ~ 1 | dyad), control = ctl)
  b <- coef(fit); V <- vcov(fit)
  fit0 <- if (dist) gls(y ~ 0 + role, md, correlation = corCompSymm(form = ~ 1 | dyad), weights = varIdent(form = ~ 1 | role), control = ctl)
          else gls(y ~ 1, md, correlation = corCompSymm(form = ~ 1 | dyad), control = ctl)
  sds <- function(ft) if (dist) ft$sigma * coef(ft$modelStruct$varStruct, unconstrained = FALSE, allCoef = TRUE)[roles] else c(all = ft$sigma)
  s1 <- sds(fit); s0 <- sds(fit0)
  for (r in if (dist) roles else "all") {
    label <- paste(cs$id, "k", r)
    ia <- if (dist) paste0("role", r, ":x1") else "x1"; ip <- if (dist) paste0("role", r, ":x1_p") else "x1_p"
    a <- b[[ia]]; p <- b[[ip]]; k <- p / a
    se <- sqrt(V[ip, ip] - 2 * k * V[ia, ip] + k^2 * V[ia, ia]) / abs(a)
    jk <- by_role(j$k, r)
    check(label, "actor", jk$actor, a, 1e-5); check(label, "partner", jk$partner, p, 1e-5)
    check(label, "k", jk$k, k, 1e-5); check(label, "k se (delta)", jk$se, se, 1e-4)
    check(label, "k ci_lower", jk$ci_lower, k - qnorm(0.975) * se, 1e-4)
    sub <- if (dist) md[md$role == r, ] else md
    check(label, "standardised actor", jk$standardised_actor, a * sd(sub$x1) / sd(sub$y), 1e-5)
    check(paste(cs$id, "pseudo R2", r), "pseudo_r2", by_role(j$pseudo_r2, r)$pseudo_r2, 1 - s1[[r]]^2 / s0[[r]]^2, 1e-4)
  }
  # --ci normal
  jn <- dyadkit_json(c(base, rarg, "--ci", "normal"))
  for (c in jn$coefficients) check(paste(cs$id, "ci normal"), c$term, c$ci_lower, c$estimate - qnorm(0.975) * c$se, 1e-12)
  # bootstrap: same seed, different thread counts, same intervals
  b1 <- dyadkit_json(c(base, rarg, "--bootstrap", "300", "--seed", "99", "--threads", "1"))
  b3 <- dyadkit_json(c(base, rarg, "--bootstrap", "300", "--seed", "99", "--threads", "3"))
  check_eq(paste(cs$id, "bootstrap"), "threads 1 vs 3 identical k", identical(b1$k, b3$k), TRUE)
  if (dist) {
    # reversed role order: the same fit, mirrored
    jr <- dyadkit_json(c(base, "--role", "role", "--roles", "F,M"))
    jm <- dyadkit_json(c(base, rarg))
    est <- function(jj) setNames(sapply(jj$coefficients, `[[`, "estimate"), sapply(jj$coefficients, `[[`, "term"))
    em <- est(jm); er <- est(jr)
    for (nm in names(em)) check(paste(cs$id, "roles F,M"), nm, er[[nm]], em[[nm]], 1e-7)
    check(paste(cs$id, "roles F,M"), "logLik", jr$log_lik, jm$log_lik, 1e-9)
    check(paste(cs$id, "roles F,M"), "sd F", by_role(jr$residual$sd, "F")$sd, by_role(jm$residual$sd, "F")$sd, 1e-6)
    # dyad and pairwise layouts of the same data
    ids <- unique(g$dyad); wd <- data.frame(dyad = ids)
    for (r in roles) for (v in vars) wd[[paste0(v, "_", r)]] <- g[[v]][match(paste(ids, r), paste(g$dyad, g$role))]
    fw <- file.path(od, paste0(cs$id, "_dyad.csv")); write.csv(wd, fw, row.names = FALSE, na = "")
    pw <- add_partner(g, vars); pp <- data.frame(dyad = pw$dyad, role = pw$role)
    for (v in vars) { pp[[paste0(v, "_A")]] <- pw[[v]]; pp[[paste0(v, "_P")]] <- pw[[paste0(v, "_p")]] }
    fp <- file.path(od, paste0(cs$id, "_pairwise.csv")); write.csv(pp, fp, row.names = FALSE, na = "")
    for (lay in c("dyad", "pairwise")) {
      a <- c("apim", "--input", if (lay == "dyad") fw else fp, "--layout", lay, "--dyad", "dyad", "--y", "y", "--x", "x1",
             if (lay == "dyad") c("--roles", "M,F") else c("--role", "role", "--roles", "M,F"))
      jl <- dyadkit_json(a)
      if (length(jl) == 0) { cat("DYADKIT FAILED layout", lay, attr(jl, "stderr"), "\n"); check(cs$id, paste("layout", lay), 1, 0, 0); next }
      el <- est(jl)
      for (nm in names(em)) check(paste(cs$id, "layout", lay), nm, el[[nm]], em[[nm]], 1e-9)
      check(paste(cs$id, "layout", lay), "n_obs", jl$n_obs, jm$n_obs, 0)
      check(paste(cs$id, "layout", lay), "logLik", jl$log_lik, jm$log_lik, 1e-10)
    }
  }
}
finish("apim_extras")
