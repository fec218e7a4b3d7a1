# The longitudinal APIM power loop in R, for BENCHMARKS.md: the same population as
# dyadkit power simulate --model longitudinal-apim --roles man,woman --dyads 100 --occasions 14 (defaults:
# within and between actor 0.3, partner 0.15; SDs 1; r(X, X') = r(errors) = r(u) = 0.3), each replicate
# fitted by nlme::lme as the PowerLAPIM-style loop does. Prints the time per replicate and the power of the
# first effect. Rscript benchmarks/r/lapim_power.R REPLICATES [SEED]
suppressPackageStartupMessages(library(nlme))
args <- commandArgs(TRUE)
R <- as.integer(args[1]); seed <- if (length(args) > 1) as.integer(args[2]) else 1
set.seed(seed)
n <- 100; T <- 14; rx <- 0.3; re <- 0.3; ru <- 0.3
one <- function() {
  rows <- vector("list", n)
  for (i in seq_len(n)) {
    u <- as.vector(rnorm(2) %*% chol(matrix(c(1, ru, ru, 1), 2)))
    s <- as.vector(rnorm(2) %*% chol(matrix(c(1, rx, rx, 1), 2)))
    w <- matrix(rnorm(2 * T), T) %*% chol(matrix(c(1, rx, rx, 1), 2))
    e <- matrix(rnorm(2 * T), T) %*% chol(matrix(c(1, re, re, 1), 2))
    x <- sweep(w, 2, s, "+"); m <- colMeans(x)
    y <- cbind(u[1] + 0.3 * (x[, 1] - m[1]) + 0.15 * (x[, 2] - m[2]) + 0.3 * m[1] + 0.15 * m[2] + e[, 1],
               u[2] + 0.3 * (x[, 2] - m[2]) + 0.15 * (x[, 1] - m[1]) + 0.3 * m[2] + 0.15 * m[1] + e[, 2])
    rows[[i]] <- data.frame(couple = i, day = rep(1:T, 2), gender = rep(c("man", "woman"), each = T),
                            xw = c(x[, 1] - m[1], x[, 2] - m[2]), pxw = c(x[, 2] - m[2], x[, 1] - m[1]),
                            xb = rep(m, each = T), pxb = rep(rev(m), each = T), y = c(y[, 1], y[, 2]))
  }
  d <- do.call(rbind, rows)
  d$man <- as.numeric(d$gender == "man"); d$woman <- 1 - d$man
  f <- lme(y ~ 0 + man + woman + man:xw + woman:xw + man:pxw + woman:pxw + man:xb + woman:xb + man:pxb + woman:pxb,
           random = ~ 0 + man + woman | couple, correlation = corCompSymm(form = ~ 1 | couple/day),
           weights = varIdent(form = ~ 1 | gender), data = d, method = "REML")
  summary(f)$tTable["man:xw", "p-value"] < 0.05
}
t <- system.time(rej <- replicate(R, one()))[["elapsed"]]
cat(sprintf("%d replicates: %.2f s, %.3f s per replicate; power of man:within(x) %.3f\n", R, t, t / R, mean(rej)))
