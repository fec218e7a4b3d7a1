# Goldens for the dyadkit APIM engine from nlme::gls.
# Run from this folder: Rscript make_goldens.R
# Writes acitelli_missing.csv and sim_couples.csv (inputs derived/simulated here), apim_goldens.csv
# (case,quantity,value) and VERSIONS.txt / SHA256SUMS.
suppressPackageStartupMessages(library(nlme))
options(digits = 17)

aci <- read.csv("acitelli_individual.csv")
aci$role <- ifelse(aci$gender == 1, "husband", "wife")

# Acitelli with dyads missing a member, an outcome or a predictor (deterministic)
set.seed(20261125)
mis <- aci
drop <- sample(nrow(mis), 12)
mis <- mis[-drop, ]
mis$satisfaction[sample(nrow(mis), 10)] <- NA
mis$other_pos[sample(nrow(mis), 6)] <- NA
write.csv(mis[, c("cuplid", "Yearsmar", "gender", "self_pos", "other_pos", "satisfaction", "tension", "simhob")],
          "acitelli_missing.csv", row.names = FALSE, na = "")

# Simulated couples: roles A/B, negative residual correlation, unequal SDs, a person-level covariate,
# missing persons and outcomes
set.seed(777)
n <- 300
xa <- rnorm(n, 3, 1); xb <- 0.4 * xa + rnorm(n, 1.8, 0.9)
ca <- rnorm(n); cb <- rnorm(n)
S <- matrix(c(1, -0.35 * 1 * 1.6, -0.35 * 1.6, 1.6^2), 2)
E <- matrix(rnorm(2 * n), n) %*% chol(S)
ya <- 1 + 0.5 * xa + 0.2 * xb + 0.3 * ca + 0.15 * xa * ca + E[, 1]
yb <- 2 + 0.3 * xb + 0.35 * xa - 0.2 * cb + 0.15 * xb * cb + E[, 2]
sim <- data.frame(couple = rep(1:n, each = 2), role = rep(c("A", "B"), n),
                  x = as.vector(rbind(xa, xb)), c = as.vector(rbind(ca, cb)), y = as.vector(rbind(ya, yb)))
sim <- sim[-sample(nrow(sim), 30), ]
sim$y[sample(nrow(sim), 20)] <- NA
sim$x[sample(nrow(sim), 8)] <- NA
write.csv(sim, "sim_couples.csv", row.names = FALSE, na = "")

# person-level frame with the partner's values
pairup <- function(d, id, vars) {
  p <- d[, c(id, vars, "role")]
  names(p) <- c(id, paste0(vars, "_P"), "role_P")
  m <- merge(d, p, by = id, all.x = TRUE)
  m <- m[is.na(m$role_P) | m$role != m$role_P, ]
  m
}

out <- data.frame(case = character(), quantity = character(), value = numeric())
put <- function(case, q, v) out[nrow(out) + 1, ] <<- list(case, q, v)

record <- function(case, fit, roles = NULL) {
  cf <- summary(fit)$tTable
  nm <- attr(fit, "dyadkit_names")
  for (i in seq_len(nrow(cf))) {
    put(case, paste0("estimate:", nm[i]), cf[i, 1])
    put(case, paste0("se:", nm[i]), cf[i, 2])
  }
  put(case, "rho", coef(fit$modelStruct$corStruct, unconstrained = FALSE)[[1]])
  if (is.null(roles)) {
    put(case, "sd:all", fit$sigma)
  } else {
    w <- coef(fit$modelStruct$varStruct, unconstrained = FALSE, allCoef = TRUE)
    for (r in roles) put(case, paste0("sd:", r), fit$sigma * w[[r]])
  }
  put(case, "logLik", as.numeric(logLik(fit)))
  put(case, "AIC", AIC(fit))
  put(case, "BIC", BIC(fit))
  put(case, "n_obs", fit$dims$N)
}

fits <- function(tag, d, id, y, x, roles) {
  d <- pairup(d, id, c(x))
  d$Y <- d[[y]]; d$XA <- d[[x]]; d$XP <- d[[paste0(x, "_P")]]
  d <- d[!is.na(d$Y) & !is.na(d$XA) & !is.na(d$XP), ]
  d$grp <- factor(d[[id]])
  d$role <- factor(d$role, levels = roles)
  d$r0 <- as.numeric(d$role == roles[1]); d$r1 <- as.numeric(d$role == roles[2])
  d$e <- ifelse(d$role == roles[1], 1, -1)
  ml <- list()
  for (meth in c("REML", "ML")) {
    f <- gls(Y ~ XA + XP, data = d, correlation = corCompSymm(form = ~ 1 | grp), method = meth)
    attr(f, "dyadkit_names") <- c("intercept", "actor", "partner")
    record(paste(tag, "indist", meth, sep = "/"), f)
    f2 <- gls(Y ~ r0 + r1 + XA:r0 + XA:r1 + XP:r0 + XP:r1 - 1, data = d,
              correlation = corCompSymm(form = ~ 1 | grp), weights = varIdent(form = ~ 1 | role), method = meth)
    attr(f2, "dyadkit_names") <- paste0(rep(c("intercept", "actor", "partner"), each = 2), ":", roles)
    record(paste(tag, "dist", meth, sep = "/"), f2, roles)
    f3 <- gls(Y ~ XA + XP + e + XA:e + XP:e, data = d,
              correlation = corCompSymm(form = ~ 1 | grp), weights = varIdent(form = ~ 1 | role), method = meth)
    attr(f3, "dyadkit_names") <- c("intercept", "actor", "partner", "role", "actor:role", "partner:role")
    record(paste(tag, "dist-interaction", meth, sep = "/"), f3, roles)
    if (meth == "ML") {
      a <- anova(f, f2)
      put(paste(tag, "distinguishability", "ML", sep = "/"), "chi2", a$L.Ratio[2])
      put(paste(tag, "distinguishability", "ML", sep = "/"), "df", a$df[2] - a$df[1])
      put(paste(tag, "distinguishability", "ML", sep = "/"), "p", a$`p-value`[2])
    }
  }
  invisible(d)
}

fits("acitelli", aci, "cuplid", "satisfaction", "other_pos", c("husband", "wife"))
mis$role <- ifelse(mis$gender == 1, "husband", "wife")
fits("acitelli_missing", mis, "cuplid", "satisfaction", "other_pos", c("husband", "wife"))
d <- fits("sim", sim, "couple", "y", "x", c("A", "B"))

# moderation on the simulated couples: covariate c (own) and actor x c, indistinguishable and distinguishable
simp <- pairup(sim, "couple", c("x", "c"))
simp <- simp[!is.na(simp$y) & !is.na(simp$x) & !is.na(simp$x_P) & !is.na(simp$c), ]
simp$grp <- factor(simp$couple)
simp$role <- factor(simp$role, levels = c("A", "B"))
for (meth in c("REML", "ML")) {
  f <- gls(y ~ x + x_P + c + x:c, data = simp, correlation = corCompSymm(form = ~ 1 | grp), method = meth)
  attr(f, "dyadkit_names") <- c("intercept", "actor", "partner", "c", "actor:c")
  record(paste("sim", "indist-moderation", meth, sep = "/"), f)
}

# distinguishable two-intercept model with a covariate per role; indistinguishable with two actor/partner predictors
simp$A <- as.numeric(simp$role == "A"); simp$B <- 1 - simp$A
simq <- simp[!is.na(simp$c_P), ]
for (meth in c("REML", "ML")) {
  f <- gls(y ~ A + B + x:A + x:B + x_P:A + x_P:B + c:A + c:B - 1, data = simp,
           correlation = corCompSymm(form = ~ 1 | grp), weights = varIdent(form = ~ 1 | role), method = meth)
  attr(f, "dyadkit_names") <- paste0(rep(c("intercept", "actor", "partner", "c"), each = 2), ":", c("A", "B"))
  record(paste("sim", "dist-covariate", meth, sep = "/"), f, c("A", "B"))
  f2 <- gls(y ~ x + x_P + c + c_P, data = simq, correlation = corCompSymm(form = ~ 1 | grp), method = meth)
  attr(f2, "dyadkit_names") <- c("intercept", "actor.x", "partner.x", "actor.c", "partner.c")
  record(paste("sim", "indist-two-predictors", meth, sep = "/"), f2)
}

write.csv(out, "apim_goldens.csv", row.names = FALSE)
writeLines(c(R.version.string, paste("nlme", packageVersion("nlme"))), "VERSIONS.txt")
