# Goldens for dyadkit's constrained APIM refits, equal-k test and SEM tests of distinguishability.
# Run from this folder: Rscript make_goldens.R
# Inputs (not copied): ../apim/acitelli_individual.csv, ../apim/acitelli_missing.csv, ../apim/sim_couples.csv
# (checksums in SHA256SUMS). Writes tests_goldens.csv (case,quantity,value) and VERSIONS.txt.
#
# Constrained gls fits are made by reparameterising the design (a constraint partner = k * actor becomes
# one column actor + k * partner; a fixed value is subtracted from the outcome), as ML fits compared with anova().
# The SEM tests are lavaan fits of the saturated path model of X1, X2, Y1, Y2 with equality constraints
# (shared labels), fixed.x = FALSE, with likelihood "normal" (N). lavaan's likelihood = "wishart" is also
# written: with a mean structure it is NOT (N - 1)/N times the normal statistic (Acitelli: 9.1863, where
# Kenny's Amos value is 9.192 = 9.254908 * 147/148), so dyadkit's N - 1 convention is checked against the
# published Amos values and the (N - 1)/N identity, not against lavaan's wishart.
suppressPackageStartupMessages({ library(nlme); library(lavaan) })
options(digits = 17)

aci <- read.csv("../apim/acitelli_individual.csv"); aci$role <- ifelse(aci$gender == 1, "husband", "wife")
mis <- read.csv("../apim/acitelli_missing.csv"); mis$role <- ifelse(mis$gender == 1, "husband", "wife")
sim <- read.csv("../apim/sim_couples.csv")

out <- data.frame(case = character(), quantity = character(), value = numeric())
put <- function(case, q, v) out[nrow(out) + 1, ] <<- list(case, q, v)

# ---- SEM tests of distinguishability (Olsen & Kenny 2006) ----
wide <- function(d, id, x, y, roles) {
  a <- d[d$role == roles[1], c(id, x, y)]; b <- d[d$role == roles[2], c(id, x, y)]
  names(a) <- c(id, "X1", "Y1"); names(b) <- c(id, "X2", "Y2")
  w <- merge(a, b, by = id); w[complete.cases(w), ]
}
semmodel <- function(eqx, eqy, eqe) {
  m1 <- if (eqx) "m" else "m1"; m2 <- if (eqx) "m" else "m2"
  v1 <- if (eqx) "v" else "v1"; v2 <- if (eqx) "v" else "v2"
  i1 <- if (eqy) "i" else "i1"; i2 <- if (eqy) "i" else "i2"
  e1 <- if (eqy) "e" else "e1"; e2 <- if (eqy) "e" else "e2"
  a1 <- if (eqe) "a" else "a1"; a2 <- if (eqe) "a" else "a2"
  p1 <- if (eqe) "p" else "p1"; p2 <- if (eqe) "p" else "p2"
  paste0("Y1 ~ ", i1, "*1 + ", a1, "*X1 + ", p1, "*X2\n",
         "Y2 ~ ", i2, "*1 + ", a2, "*X2 + ", p2, "*X1\n",
         "Y1 ~~ ", e1, "*Y1\nY2 ~~ ", e2, "*Y2\nY1 ~~ Y2\n",
         "X1 ~ ", m1, "*1\nX2 ~ ", m2, "*1\n",
         "X1 ~~ ", v1, "*X1\nX2 ~~ ", v2, "*X2\nX1 ~~ X2\n")
}
semtests <- function(tag, w) {
  put(tag, "n_dyads", nrow(w))
  for (lik in c("normal", "wishart")) {
    conv <- if (lik == "normal") "n" else "n-1"
    for (t in list(c("complete", TRUE, TRUE, TRUE), c("y", FALSE, TRUE, TRUE), c("effect", FALSE, FALSE, TRUE))) {
      f <- sem(semmodel(as.logical(t[2]), as.logical(t[3]), as.logical(t[4])), data = w, fixed.x = FALSE,
               likelihood = lik)
      fm <- fitMeasures(f, c("chisq", "df", "pvalue"))
      put(paste(tag, "sem", conv, t[1], sep = "/"), "chi2", fm[["chisq"]])
      put(paste(tag, "sem", conv, t[1], sep = "/"), "df", fm[["df"]])
      put(paste(tag, "sem", conv, t[1], sep = "/"), "p", fm[["pvalue"]])
    }
  }
}
semtests("acitelli", wide(aci, "cuplid", "other_pos", "satisfaction", c("husband", "wife")))
semtests("acitelli_tension", wide(aci, "cuplid", "tension", "satisfaction", c("husband", "wife")))
semtests("sim", wide(sim, "couple", "x", "y", c("A", "B")))

# ---- constrained gls fits ----
pairup <- function(d, id, x, y, roles) {
  p <- d[, c(id, x, "role")]; names(p) <- c(id, "XP", "role_P")
  m <- merge(d, p, by = id, all.x = TRUE)
  m <- m[is.na(m$role_P) | m$role != m$role_P, ]
  m$Y <- m[[y]]; m$XA <- m[[x]]
  m <- m[!is.na(m$Y) & !is.na(m$XA) & !is.na(m$XP), ]
  m$grp <- factor(m[[id]]); m$role <- factor(m$role, levels = roles)
  m$r0 <- as.numeric(m$role == roles[1]); m$r1 <- as.numeric(m$role == roles[2])
  m
}
test <- function(case, free, freeReml, con, C, d = rep(0, nrow(C)), extra = NULL) {
  # anova(free, con) when the responses agree; the same LR by hand when the outcome carries a fixed part
  lr <- 2 * (as.numeric(logLik(free)) - as.numeric(logLik(con)))
  df <- attr(logLik(free), "df") - attr(logLik(con), "df")
  if (isTRUE(all.equal(getResponse(free), getResponse(con), check.attributes = FALSE))) {
    a <- anova(free, con); stopifnot(abs(a$L.Ratio[2] - lr) < 1e-9, a$df[1] - a$df[2] == df)
  }
  put(case, "lr_chi2", lr); put(case, "df", df); put(case, "lr_p", pchisq(lr, df, lower.tail = FALSE))
  put(case, "logLik_constrained", as.numeric(logLik(con)))
  b <- coef(freeReml); V <- vcov(freeReml)
  g <- C %*% b - d
  w <- as.numeric(t(g) %*% solve(C %*% V %*% t(C)) %*% g)
  put(case, "wald_chi2", w); put(case, "wald_p", pchisq(w, nrow(C), lower.tail = FALSE))
  put(case, "rho", coef(con$modelStruct$corStruct, unconstrained = FALSE)[[1]])
  if (!is.null(extra)) for (nm in names(extra)) put(case, nm, extra[[nm]])
}
cs <- function(f) corCompSymm(form = ~ 1 | grp)

# distinguishable, simulated couples (missing persons: singleton blocks)
d <- pairup(sim, "couple", "x", "y", c("A", "B"))
vi <- varIdent(form = ~ 1 | role)
fml <- function(form, meth = "ML", data = d) gls(form, data = data, correlation = corCompSymm(form = ~ 1 | grp),
                                      weights = varIdent(form = ~ 1 | role), method = meth)
free <- fml(Y ~ r0 + r1 + XA:r0 + XA:r1 + XP:r0 + XP:r1 - 1)
freeR <- fml(Y ~ r0 + r1 + XA:r0 + XA:r1 + XP:r0 + XP:r1 - 1, "REML")
put("sim/dist/free", "logLik", as.numeric(logLik(free)))
# columns: intercept:A intercept:B actor:A actor:B partner:A partner:B
row <- function(...) matrix(c(...), nrow = 1)
con <- fml(Y ~ r0 + r1 + XA + XP:r0 + XP:r1 - 1)
test("sim/dist/equal_actors", free, freeR, con, row(0, 0, 1, -1, 0, 0),
     extra = list(`estimate:actor:A` = coef(con)[["XA"]], `se:actor:A` = sqrt(vcov(con)["XA", "XA"])))
con <- fml(Y ~ r0 + r1 + XA:r0 + XA:r1 + XP - 1)
test("sim/dist/equal_partners", free, freeR, con, row(0, 0, 0, 0, 1, -1))
d$S <- d$XA + d$XP; d$D <- d$XA - d$XP; d$H <- d$XA + 0.5 * d$XP
con <- fml(Y ~ r0 + r1 + S:r0 + S:r1 - 1)
test("sim/dist/couple", free, freeR, con, rbind(c(0, 0, -1, 0, 1, 0), c(0, 0, 0, -1, 0, 1)))
con <- fml(Y ~ r0 + r1 + XA:r0 + XA:r1 - 1)
test("sim/dist/actor_only", free, freeR, con, rbind(c(0, 0, 0, 0, 1, 0), c(0, 0, 0, 0, 0, 1)))
con <- fml(Y ~ r0 + r1 + D:r0 + D:r1 - 1)
test("sim/dist/contrast", free, freeR, con, rbind(c(0, 0, 1, 0, 1, 0), c(0, 0, 0, 1, 0, 1)))
con <- fml(Y ~ r0 + r1 + H:r0 + H:r1 - 1)
test("sim/dist/k=0.5", free, freeR, con, rbind(c(0, 0, -0.5, 0, 1, 0), c(0, 0, 0, -0.5, 0, 1)),
     extra = list(`estimate:actor:A` = coef(con)[["r0:H"]], `se:actor:A` = sqrt(vcov(con)["r0:H", "r0:H"]),
                  `estimate:partner:A` = 0.5 * coef(con)[["r0:H"]], `sd:B` = con$sigma *
                    coef(con$modelStruct$varStruct, unconstrained = FALSE, allCoef = TRUE)[["B"]]))
# user: actor:A = 2 * partner:B and partner:A = 0.2 (offset)
# (gls has no offset(): the fixed part is subtracted from the outcome, which leaves the likelihood unchanged)
d$U <- 2 * d$XA * d$r0 + d$XP * d$r1; d$Yo <- d$Y - 0.2 * d$XP * d$r0
con <- fml(Yo ~ r0 + r1 + U + XA:r1 - 1)
test("sim/dist/user", free, freeR, con, rbind(c(0, 0, 1, 0, 0, -2), c(0, 0, 0, 0, 1, 0)), d = c(0, 0.2))
# equal k: profile the ML likelihood over the common k
prof <- function(k) { dk <- d; dk$K <- dk$XA + k * dk$XP
  as.numeric(logLik(fml(Y ~ r0 + r1 + K:r0 + K:r1 - 1, data = dk))) }
o <- optimize(prof, c(-2, 3), maximum = TRUE, tol = 1e-10)
d$K <- d$XA + o$maximum * d$XP
con <- fml(Y ~ r0 + r1 + K:r0 + K:r1 - 1)
a <- anova(free, con)
b <- coef(freeR); V <- vcov(freeR)
g <- b[6] / b[4] - b[5] / b[3]  # k_B - k_A (coefficient order r0 r1 r0:XA r1:XA r0:XP r1:XP)
gr <- c(0, 0, b[5] / b[3]^2, -b[6] / b[4]^2, -1 / b[3], 1 / b[4])
put("sim/dist/equal_k", "k", o$maximum); put("sim/dist/equal_k", "lr_chi2", a$L.Ratio[2])
# one restriction: anova() counts k as fixed (df 2), but k is estimated, so df = 1
put("sim/dist/equal_k", "lr_p", pchisq(a$L.Ratio[2], 1, lower.tail = FALSE))
put("sim/dist/equal_k", "wald_chi2", as.numeric(g^2 / (t(gr) %*% V %*% gr)))
# Acitelli equal k (A12) for the record: N and N - 1 conventions
da <- pairup(aci, "cuplid", "other_pos", "satisfaction", c("husband", "wife"))
fa <- function(form, data = da) gls(form, data = data, correlation = corCompSymm(form = ~ 1 | grp),
                         weights = varIdent(form = ~ 1 | role), method = "ML")
freeA <- fa(Y ~ r0 + r1 + XA:r0 + XA:r1 + XP:r0 + XP:r1 - 1)
profA <- function(k) { dk <- da; dk$K <- dk$XA + k * dk$XP
  as.numeric(logLik(fa(Y ~ r0 + r1 + K:r0 + K:r1 - 1, data = dk))) }
oA <- optimize(profA, c(-2, 3), maximum = TRUE, tol = 1e-10)
lrA <- 2 * (as.numeric(logLik(freeA)) - oA$objective)
put("acitelli/dist/equal_k", "k", oA$maximum); put("acitelli/dist/equal_k", "lr_chi2", lrA)
put("acitelli/dist/equal_k", "lr_chi2_n-1", lrA * 147 / 148)

# indistinguishable, Acitelli with missing persons
di <- pairup(mis, "cuplid", "other_pos", "satisfaction", c("husband", "wife"))
fi <- function(form, meth = "ML") gls(form, data = di, correlation = corCompSymm(form = ~ 1 | grp), method = meth)
free <- fi(Y ~ XA + XP); freeR <- fi(Y ~ XA + XP, "REML")
put("missing/indist/free", "logLik", as.numeric(logLik(free)))
di$S <- di$XA + di$XP; di$D <- di$XA - di$XP; di$H <- di$XA + 0.5 * di$XP; di$U <- 2 * di$XA + di$XP
test("missing/indist/couple", free, freeR, fi(Y ~ S), row(0, -1, 1))
test("missing/indist/actor_only", free, freeR, fi(Y ~ XA), row(0, 0, 1))
test("missing/indist/contrast", free, freeR, fi(Y ~ D), row(0, 1, 1))
con <- fi(Y ~ H)
test("missing/indist/k=0.5", free, freeR, con, row(0, -0.5, 1),
     extra = list(`estimate:actor` = coef(con)[["H"]], `se:actor` = sqrt(vcov(con)["H", "H"]),
                  `sd:all` = con$sigma))
test("missing/indist/user", free, freeR, fi(Y ~ U), row(0, 1, -2))

# ---- explained nonindependence (Kenny, Kashy & Cook 2006, p. 146), by hand on the complete Acitelli dyads ----
h <- aci[aci$gender == 1, ]; w <- aci[aci$gender == -1, ]; m <- merge(h, w, by = "cuplid")
icc <- function(x1, x2) { n <- length(x1); M <- mean(c(x1, x2))
  msb <- 2 * sum(((x1 + x2) / 2 - M)^2) / (n - 1); msw <- sum((x1 - x2)^2) / (2 * n); (msb - msw) / (msb + msw) }
fi0 <- gls(Y ~ XA + XP, data = pairup(aci, "cuplid", "other_pos", "satisfaction", c("husband", "wife")),
           correlation = corCompSymm(form = ~ 1 | grp))
A <- coef(fi0)[["XA"]] * sd(aci$other_pos) / sd(aci$satisfaction)
P <- coef(fi0)[["XP"]] * sd(aci$other_pos) / sd(aci$satisfaction)
rxx <- icc(m$other_pos.x, m$other_pos.y); ryy <- icc(m$satisfaction.x, m$satisfaction.y)
ex <- 2 * A * P + rxx * (A^2 + P^2)
put("acitelli/explained/indist", "raw_r", ryy); put("acitelli/explained/indist", "explained", ex)
put("acitelli/explained/indist", "share", ex / ryy); put("acitelli/explained/indist", "predictor_r", rxx)
put("acitelli/explained/indist", "residual_r", coef(fi0$modelStruct$corStruct, unconstrained = FALSE)[[1]])
# distinguishable: per-role OLS (= the two-intercept REML fit on complete dyads); the explained part equals
# (raw covariance - residual covariance) / (SD(Y1) SD(Y2))
f1 <- lm(satisfaction.x ~ other_pos.x + other_pos.y, m); f2 <- lm(satisfaction.y ~ other_pos.y + other_pos.x, m)
a1 <- coef(f1)[[2]]; p1 <- coef(f1)[[3]]; a2 <- coef(f2)[[2]]; p2 <- coef(f2)[[3]]
sy <- sd(m$satisfaction.x) * sd(m$satisfaction.y)
ex <- (a1 * p2 * var(m$other_pos.x) + a2 * p1 * var(m$other_pos.y) + (a1 * a2 + p1 * p2) *
       cov(m$other_pos.x, m$other_pos.y)) / sy
stopifnot(abs(ex - (cov(m$satisfaction.x, m$satisfaction.y) - cov(resid(f1), resid(f2))) / sy) < 1e-12)
put("acitelli/explained/dist", "raw_r", cor(m$satisfaction.x, m$satisfaction.y))
put("acitelli/explained/dist", "explained", ex)
put("acitelli/explained/dist", "share", ex / cor(m$satisfaction.x, m$satisfaction.y))
put("acitelli/explained/dist", "predictor_r", cor(m$other_pos.x, m$other_pos.y))

write.csv(out, "tests_goldens.csv", row.names = FALSE)
writeLines(c(R.version.string, paste("nlme", packageVersion("nlme")), paste("lavaan", packageVersion("lavaan"))),
           "VERSIONS.txt")
