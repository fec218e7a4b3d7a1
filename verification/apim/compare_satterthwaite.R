# Satterthwaite df of the APIM coefficients: dyadkit --df satterthwaite vs a direct R computation
# (nu = 2 (l'C l)^2 / (g' A g), C = Var(beta)(theta), A = inverse observed information of the variance
# parameters, both by central differences on the full (RE)ML log-likelihood with dense V; theta =
# (sigma^2, rho, lambda) on the natural scale, a different parameterisation from dyadkit's).
# Run: Rscript verification/apim/compare_satterthwaite.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
source(file.path(vroot, "apim", "gen_apim.R"))
od <- outdir("apim")
cases <- list(list(id = "satt_n50_dist", seed = 701, n = 50, gen = list(dist = TRUE, rho = 0.4, drop_member = 5, miss_y = 3)),
              list(id = "satt_n40_indist", seed = 702, n = 40, gen = list(dist = FALSE, rho = 0.3, drop_member = 4)),
              list(id = "satt_n25_dist_cov", seed = 703, n = 25, gen = list(dist = TRUE, rho = -0.3)))
for (cs in cases) {
  g <- do.call(gen_apim, c(list(seed = cs$seed, n = cs$n), cs$gen)); dist <- isTRUE(cs$gen$dist)
  f <- file.path(od, paste0(cs$id, ".csv")); write.csv(g, f, row.names = FALSE, na = "")
  d <- add_partner(g, c("x1", "z")); d <- d[complete.cases(d[, c("y", "x1", "x1_p", "z")]), ]
  d <- d[order(d$dyad, d$role), ]
  X <- if (dist) cbind(d$role == "M", d$role == "F", (d$role == "M") * d$x1, (d$role == "F") * d$x1,
                       (d$role == "M") * d$x1_p, (d$role == "F") * d$x1_p, (d$role == "M") * d$z, (d$role == "F") * d$z)
       else cbind(1, d$x1, d$x1_p, d$z)
  X <- X * 1; y <- d$y; N <- nrow(X); p <- ncol(X); sec <- d$role == "F"
  for (method in c("REML", "ML")) {
    Vof <- function(th) {                      # th = (sigma2, rho, lambda)
      s <- ifelse(sec & dist, th[3], 1) * sqrt(th[1])
      V <- diag(s^2)
      same <- outer(d$dyad, d$dyad, "==") & !diag(N)
      V[same] <- (th[2] * outer(s, s))[same]; V
    }
    ll <- function(th) {
      V <- Vof(th); Vi <- solve(V); A <- t(X) %*% Vi %*% X; b <- solve(A, t(X) %*% Vi %*% y); r <- y - X %*% b
      l <- -0.5 * (determinant(V)$modulus + t(r) %*% Vi %*% r)
      if (method == "REML") l <- l - 0.5 * determinant(A)$modulus - (N - p) / 2 * log(2 * pi) else l <- l - N / 2 * log(2 * pi)
      as.numeric(l)
    }
    C <- function(th) { V <- Vof(th); solve(t(X) %*% solve(V) %*% X) }
    m <- if (dist) 3 else 2
    full <- function(t) if (dist) t else c(t, 1)
    o <- optim(if (dist) c(1, 0.2, 1) else c(1, 0.2), function(t) -ll(full(t)), method = "L-BFGS-B",
               lower = c(1e-4, -0.99, 0.05)[1:m], upper = c(100, 0.99, 20)[1:m], control = list(factr = 1, pgtol = 0))
    th <- o$par; h <- 1e-4 * pmax(1, abs(th))
    H <- matrix(0, m, m)
    for (i in 1:m) for (k in 1:m) {
      e <- function(a, b) { t <- th; t[i] <- t[i] + a * h[i]; t[k] <- t[k] + b * h[k]; ll(full(t)) }
      H[i, k] <- (e(1, 1) - e(1, -1) - e(-1, 1) + e(-1, -1)) / (4 * h[i] * h[k])
    }
    A <- solve(-H)
    # nlme's ML Var(beta) uses RSS/(N-p): scale C accordingly so the SE matches gls
    sc <- if (method == "ML") N / (N - p) else 1
    C0 <- C(full(th)) * sc
    a <- c("apim", "--input", f, "--dyad", "dyad", "--y", "y", "--x", "x1", "--covariate", "z", "--method", tolower(method),
           "--df", "satterthwaite", if (dist) c("--role", "role", "--roles", "M,F") else c("--role", "role", "--indistinguishable"))
    j <- dyadkit_json(a)
    if (length(j) == 0) { cat("DYADKIT FAILED", cs$id, attr(j, "stderr"), "\n"); next }
    for (k in 1:p) {
      l <- rep(0, p); l[k] <- 1
      gr <- sapply(1:m, function(i) { tp <- th; tm <- th; tp[i] <- tp[i] + h[i]; tm[i] <- tm[i] - h[i]
        (sum(l * (C(full(tp)) %*% l)) - sum(l * (C(full(tm)) %*% l))) * sc / (2 * h[i]) })
      v <- sum(l * (C0 %*% l)); nu <- 2 * v^2 / as.numeric(t(gr) %*% A %*% gr)
      check(paste(cs$id, method), paste("satterthwaite df", j$coefficients[[k]]$term), j$coefficients[[k]]$df, nu, 1e-3)
      check(paste(cs$id, method), paste("se", j$coefficients[[k]]$term), j$coefficients[[k]]$se, sqrt(v), 1e-5)
    }
  }
}
finish("satterthwaite")
