# nlme cannot fit compound symmetry between partners together with AR(1) within person (the Kronecker
# product rho^[partners] phi^|t - s|). This script writes that model's REML and ML log-likelihood directly
# from its definition (dense matrices per couple) at a fixed parameter point, and its REML optimum found
# by optim, for KroneckerGoldenTest. Run: Rscript kronecker_loglik.R  (R 4.2.2, base + jsonlite)
suppressPackageStartupMessages(library(jsonlite))
d <- read.csv("sim_diary_ar1.csv")
d <- d[!is.na(d$y), ]
d$man <- as.numeric(d$gender == "man"); d$woman <- 1 - d$man
X <- cbind(man = d$man, woman = d$woman, "man:time" = d$man * d$time, "woman:time" = d$woman * d$time)
Z <- cbind(d$man, d$woman)
groups <- split(seq_len(nrow(d)), d$couple)
loglik <- function(Drel, delta_w, rho, phi, reml) {
  N <- nrow(X); p <- ncol(X)
  A <- matrix(0, p, p); b <- numeric(p); cc <- 0; logdet <- 0
  for (g in groups) {
    s <- ifelse(d$gender[g] == "woman", delta_w, 1)
    same <- outer(d$person[g], d$person[g], "==")
    C <- ifelse(same, 1, rho) * phi^abs(outer(d$day[g], d$day[g], "-"))
    S <- Z[g, , drop = FALSE] %*% Drel %*% t(Z[g, , drop = FALSE]) + outer(s, s) * C
    Si <- solve(S)
    logdet <- logdet + as.numeric(determinant(S)$modulus)
    Xg <- X[g, , drop = FALSE]
    A <- A + t(Xg) %*% Si %*% Xg; b <- b + t(Xg) %*% Si %*% d$y[g]; cc <- cc + t(d$y[g]) %*% Si %*% d$y[g]
  }
  beta <- solve(A, b); rss <- as.numeric(cc - t(b) %*% beta)
  m <- if (reml) N - p else N
  ll <- -m / 2 * (log(2 * pi) + 1 + log(rss / m)) - logdet / 2
  if (reml) ll <- ll - as.numeric(determinant(A)$modulus) / 2
  list(ll = ll, beta = as.vector(beta), sigma = sqrt(rss / m))
}
Dfix <- matrix(c(1.2, 0.3, 0.3, 0.9), 2)
fixed <- list(d = as.vector(Dfix), delta_woman = 1.3, rho = -0.25, phi = 0.4,
              reml = loglik(Dfix, 1.3, -0.25, 0.4, TRUE)$ll, ml = loglik(Dfix, 1.3, -0.25, 0.4, FALSE)$ll)
f <- function(th) {
  L <- matrix(c(exp(th[1]), th[2], 0, exp(th[3])), 2)
  v <- tryCatch(-loglik(L %*% t(L), exp(th[4]), tanh(th[5]), tanh(th[6]), TRUE)$ll, error = function(e) 1e10)
  if (is.finite(v)) v else 1e10
}
o <- optim(c(0, 0, 0, 0.2, 0.1, 0.3), f, method = "BFGS", control = list(reltol = 1e-15, maxit = 2000))
o <- optim(o$par, f, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 20000))
o <- optim(o$par, f, method = "BFGS", control = list(reltol = 1e-15, maxit = 2000))
L <- matrix(c(exp(o$par[1]), o$par[2], 0, exp(o$par[3])), 2); D <- L %*% t(L)
best <- loglik(D, exp(o$par[4]), tanh(o$par[5]), tanh(o$par[6]), TRUE)
opt <- list(log_lik = best$ll, beta = best$beta, sigma = best$sigma, delta_woman = exp(o$par[4]),
            rho = tanh(o$par[5]), phi = tanh(o$par[6]), random_sd = best$sigma * sqrt(diag(D)), convergence = o$convergence)
writeLines(toJSON(list(fixed = fixed, optimum = opt), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "kronecker_goldens.json")
