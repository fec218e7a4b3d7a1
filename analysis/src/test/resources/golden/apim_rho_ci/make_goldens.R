# Goldens for dyadkit's intervals of the APIM residual correlation and residual SDs, from
# nlme::intervals(gls_fit, which = "var-cov") (normal-quantile interval on nlme's unconstrained scale:
# log((1 + rho)/(1 - rho)) for corCompSymm with two members, log SD ratio for varIdent, log sigma;
# covariance fit$apVar = inverse of minus fdHess of the (RE)ML log-likelihood).
# Run from this folder: Rscript make_goldens.R
# Reads kkc2006_table2_1.csv (KKC 2006 Table 2.1) and acitelli_individual.csv; writes sim_missing.csv
# (simulated here), rho_ci_goldens.csv (case,quantity,value), VERSIONS.txt and SHA256SUMS.
suppressPackageStartupMessages(library(nlme))
options(digits = 17)
out <- data.frame(case = character(), quantity = character(), value = numeric())
put <- function(case, q, v) out[nrow(out) + 1, ] <<- list(case, q, v)

# role SD intervals: log SD of a role = log sigma (+ log ratio), a linear function of the apVar scale
record <- function(case, fit, roles = NULL, level = 0.95) {
  iv <- intervals(fit, which = "var-cov", level = level)
  rho <- iv$corStruct
  put(case, "rho_lower", rho[1, "lower"]); put(case, "rho", rho[1, "est."]); put(case, "rho_upper", rho[1, "upper"])
  put(case, "sigma_lower", iv$sigma[["lower"]]); put(case, "sigma", iv$sigma[["est."]])
  put(case, "sigma_upper", iv$sigma[["upper"]])
  av <- fit$apVar
  put(case, "se_corr_unconstrained", sqrt(av[1, 1]))
  put(case, "se_log_sigma", sqrt(av[nrow(av), nrow(av)]))
  z <- qnorm((1 + level) / 2)
  if (is.null(roles)) {
    put(case, "sd_lower:all", iv$sigma[["lower"]]); put(case, "sd_upper:all", iv$sigma[["upper"]])
  } else {
    w <- coef(fit$modelStruct$varStruct, unconstrained = FALSE, allCoef = TRUE)
    ref <- names(w)[w == 1][1]
    nm <- rownames(av)
    for (r in roles) {
      a <- setNames(numeric(nrow(av)), nm)
      a["lSigma"] <- 1
      if (r != ref) a["varStruct"] <- 1  # one SD ratio: two roles
      se <- sqrt(drop(t(a) %*% av %*% a))
      est <- fit$sigma * w[[r]]
      put(case, paste0("sd:", r), est)
      put(case, paste0("sd_lower:", r), est * exp(-z * se)); put(case, paste0("sd_upper:", r), est * exp(z * se))
    }
  }
}

# KKC 2006 Table 2.1: empty compound-symmetry model, REML (published interval -0.072 to 0.834)
kkc <- read.csv("kkc2006_table2_1.csv")
kl <- data.frame(dyad = rep(kkc$dyad, each = 2), member = rep(1:2, nrow(kkc)),
                 y = as.vector(rbind(kkc$x, kkc$xprime)))
write.csv(kl, "kkc_individual.csv", row.names = FALSE)
record("kkc/empty/REML", gls(y ~ 1, data = kl, correlation = corCompSymm(form = ~ 1 | dyad), method = "REML"))

pairup <- function(d, id, vars) {
  p <- d[, c(id, vars, "role")]
  names(p) <- c(id, paste0(vars, "_P"), "role_P")
  m <- merge(d, p, by = id, all.x = TRUE)
  m[is.na(m$role_P) | m$role != m$role_P, ]
}
prep <- function(d, id, y, x, roles) {
  d <- pairup(d, id, x)
  d$Y <- d[[y]]; d$XA <- d[[x]]; d$XP <- d[[paste0(x, "_P")]]
  d <- d[!is.na(d$Y) & !is.na(d$XA) & !is.na(d$XP), ]
  d$grp <- factor(d[[id]]); d$role <- factor(d$role, levels = roles)
  d$r0 <- as.numeric(d$role == roles[1]); d$r1 <- as.numeric(d$role == roles[2])
  d
}
both <- function(tag, d, roles) {
  for (meth in c("REML", "ML")) {
    f <- gls(Y ~ XA + XP, data = d, correlation = corCompSymm(form = ~ 1 | grp), method = meth)
    record(paste(tag, "indist", meth, sep = "/"), f)
    f2 <- gls(Y ~ r0 + r1 + XA:r0 + XA:r1 + XP:r0 + XP:r1 - 1, data = d,
              correlation = corCompSymm(form = ~ 1 | grp), weights = varIdent(form = ~ 1 | role), method = meth)
    record(paste(tag, "dist", meth, sep = "/"), f2, roles)
  }
}

aci <- read.csv("acitelli_individual.csv")
aci$role <- ifelse(aci$gender == 1, "husband", "wife")
both("acitelli", prep(aci, "cuplid", "satisfaction", "other_pos", c("husband", "wife")), c("husband", "wife"))

# simulated couples, roles A/B, missing members and outcomes (the iterative, not the closed-form, fit)
set.seed(4242)
n <- 60
xa <- rnorm(n, 3, 1); xb <- 0.3 * xa + rnorm(n, 2, 1)
S <- matrix(c(1, 0.3 * 1.4, 0.3 * 1.4, 1.4^2), 2)
E <- matrix(rnorm(2 * n), n) %*% chol(S)
ya <- 1 + 0.5 * xa + 0.25 * xb + E[, 1]
yb <- 2 + 0.35 * xb + 0.2 * xa + E[, 2]
sim <- data.frame(couple = rep(1:n, each = 2), role = rep(c("A", "B"), n),
                  x = as.vector(rbind(xa, xb)), y = as.vector(rbind(ya, yb)))
sim <- sim[-sample(nrow(sim), 10), ]
sim$y[sample(nrow(sim), 6)] <- NA
write.csv(sim, "sim_missing.csv", row.names = FALSE, na = "")
both("sim", prep(sim, "couple", "y", "x", c("A", "B")), c("A", "B"))

write.csv(out, "rho_ci_goldens.csv", row.names = FALSE)
writeLines(c(R.version.string, paste("nlme", packageVersion("nlme"))), "VERSIONS.txt")
files <- c("kkc2006_table2_1.csv", "kkc_individual.csv", "acitelli_individual.csv", "sim_missing.csv", "make_goldens.R")
system(paste("sha256sum", paste(files, collapse = " "), "> SHA256SUMS"))
