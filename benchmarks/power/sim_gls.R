# The power-simulation loop a researcher writes in R: draw a distinguishable APIM population (actor .25 and
# partner .15 as betas for both roles, r(X, X') = r(e, e') = .30, variance ratios 1), fit the two-intercept
# model with nlme::gls (corCompSymm + varIdent, REML), count p < .05 per effect. Same population and model as
# `dyadkit power simulate --distinguishable`.
# Usage: Rscript sim_gls.R REPLICATES SEED N [N ...]
suppressMessages(library(nlme))
args <- commandArgs(TRUE)
R <- as.integer(args[1]); set.seed(as.integer(args[2])); Ns <- as.integer(args[-(1:2)])
a <- .25; p <- .15; rx <- .3; re <- .3; s <- sqrt(1 - a^2 - p^2 - 2*a*p*rx)
for (N in Ns) {
  hits <- c(0, 0, 0, 0); ok <- 0
  for (i in 1:R) {
    x1 <- rnorm(N); x2 <- rx*x1 + sqrt(1-rx^2)*rnorm(N)
    e1 <- rnorm(N); e2 <- re*e1 + sqrt(1-re^2)*rnorm(N)
    y1 <- a*x1 + p*x2 + s*e1; y2 <- a*x2 + p*x1 + s*e2
    d <- data.frame(dyad = rep(1:N, 2), role = factor(rep(c("h", "w"), each = N)),
                    y = c(y1, y2), xa = c(x1, x2), xp = c(x2, x1))
    d$h <- as.numeric(d$role == "h"); d$w <- 1 - d$h
    f <- try(gls(y ~ 0 + h + w + h:xa + w:xa + h:xp + w:xp, data = d,
                 correlation = corCompSymm(form = ~1 | dyad), weights = varIdent(form = ~1 | role)), silent = TRUE)
    if (inherits(f, "try-error")) next
    ok <- ok + 1
    pv <- summary(f)$tTable[3:6, 4]
    hits <- hits + (pv < .05)
  }
  cat(N, ok, round(hits / ok, 4), "\n")
}
