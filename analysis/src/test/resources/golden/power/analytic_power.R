# Reference values for dyadkit's analytic APIM power (org.dyadkit.power.ApimPower), written independently
# from the same model: per-role regressions of Y on own and partner's X with correlated predictors and errors.
# Closed forms for complete dyads (OLS per role / sum and difference regressions), the GLS information for
# designs with singles; power from R's noncentral t (pt with ncp, Lenth's AS 243) or the normal.
# Run: Rscript analytic_power.R > analytic_power.csv
conv <- function(es, a, p, q_own, q_other, rx, N) {
  if (es == "beta") { s2 <- 1 - a^2 - p^2 - 2*a*p*rx; return(c(a, p, sqrt(s2))) }
  if (es == "r") { A <- sign(a)*sqrt(a^2/(1-a^2)/(1-rx^2)); P <- sign(p)*sqrt(p^2/(1-p^2)/(1-rx^2)) }
  if (es == "d") { f <- N/(N-1); A <- a*sqrt(q_own*(1-q_own)*f); P <- p*sqrt(q_other*(1-q_other)*f) }
  s2 <- 1/(1 + A^2 + P^2 + 2*A*P*rx); s <- sqrt(s2); c(A*s, P*s, s)
}
pw_t <- function(ncp, df, alpha) { tc <- qt(1-alpha/2, df); 1 - pt(tc, df, ncp) + pt(-tc, df, ncp) }
pw_z <- function(ncp, alpha) { zc <- qnorm(1-alpha/2); pnorm(zc - ncp, lower.tail=FALSE) + pnorm(-zc - ncp) }
out <- list()
add <- function(case, effect, power, ncp, df) out[[length(out)+1]] <<- data.frame(case=case, effect=effect,
  power=sprintf("%.17g", power), ncp=sprintf("%.17g", ncp), df=ifelse(is.na(df), "", sprintf("%.17g", df)))
dist <- function(case, es, a1, a2, p1, p2, q1, q2, rx, re, vx, ve, alpha, N, s1=0, s2=0) {
  b1 <- conv(es, a1, p1, q1, q2, rx, N); b2 <- conv(es, a2, p2, q2, q1, rx, N)
  sdx <- if (es == "d") sqrt(c(q1*(1-q1), q2*(1-q2))*N/(N-1)) else c(1, sqrt(vx))
  sdy <- c(1, sqrt(ve)*b1[3]/b2[3])
  th <- c(b1[1]*sdy[1]/sdx[1], b1[2]*sdy[1]/sdx[2], b2[1]*sdy[2]/sdx[2], b2[2]*sdy[2]/sdx[1])
  se <- c(b1[3]*sdy[1], b2[3]*sdy[2])
  if (s1 == 0 && s2 == 0) {
    K <- N - 3; d <- K*(1-rx^2)
    V <- matrix(0, 4, 4)
    V[1,1] <- se[1]^2/(d*sdx[1]^2); V[2,2] <- se[1]^2/(d*sdx[2]^2)
    V[3,3] <- se[2]^2/(d*sdx[2]^2); V[4,4] <- se[2]^2/(d*sdx[1]^2)
    V[1,3] <- V[3,1] <- -rx*re*se[1]*se[2]/(d*sdx[1]*sdx[2])
    V[2,4] <- V[4,2] <- -rx*re*se[1]*se[2]/(d*sdx[1]*sdx[2])
    V[1,2] <- V[2,1] <- -rx*se[1]^2/(d*sdx[1]*sdx[2]); V[3,4] <- V[4,3] <- -rx*se[2]^2/(d*sdx[1]*sdx[2])
    # Cov(b1, b2) = s12 (X'X)^-1 in the common (x1, x2) coordinates: a1 ~ x1, p1 ~ x2, a2 ~ x2, p2 ~ x1
    V[1,4] <- V[4,1] <- re*se[1]*se[2]/(d*sdx[1]^2); V[2,3] <- V[3,2] <- re*se[1]*se[2]/(d*sdx[2]^2)
  } else {
    # GLS information: persons' regressors z1 = (x1, x2) for role 1, z2 = (x2, x1) for role 2
    Cx <- matrix(c(sdx[1]^2, rx*sdx[1]*sdx[2], rx*sdx[1]*sdx[2], sdx[2]^2), 2)
    S <- matrix(c(se[1]^2, re*se[1]*se[2], re*se[1]*se[2], se[2]^2), 2); W <- solve(S)
    Pm <- matrix(c(0,1,1,0), 2)
    E <- list(list(Cx, Cx %*% Pm), list(Pm %*% Cx, Pm %*% Cx %*% Pm))
    I <- matrix(0, 4, 4)
    for (j in 1:2) for (l in 1:2) I[(2*j-1):(2*j), (2*l-1):(2*l)] <- N*W[j,l]*E[[j]][[l]]
    I[1:2,1:2] <- I[1:2,1:2] + s1*Cx/se[1]^2
    I[3:4,3:4] <- I[3:4,3:4] + s2*(Pm %*% Cx %*% Pm)/se[2]^2
    n <- 2*N + s1 + s2; V <- n/(n-6)*solve(I)
  }
  L <- rbind(c(1,0,0,0), c(0,0,1,0), c(0,1,0,0), c(0,0,0,1), c(1,0,-1,0), c(0,1,0,-1), c(.5,0,.5,0), c(0,.5,0,.5))
  nm <- c("actor_person1","actor_person2","partner_person1","partner_person2","actor_difference",
          "partner_difference","actor_average","partner_average")
  dfs <- c(N+s1-3, N+s2-3, N+s1-3, N+s2-3, NA, NA, NA, NA)
  for (k in 1:8) {
    ncp <- sum(L[k,]*th)/sqrt(drop(t(L[k,]) %*% V %*% L[k,]))
    add(case, nm[k], if (is.na(dfs[k])) pw_z(ncp, alpha) else pw_t(ncp, dfs[k], alpha), ncp, dfs[k])
  }
}
indist <- function(case, es, a, p, q, rx, re, alpha, N, s=0) {
  b <- conv(es, a, p, q, q, rx, N)
  sdx <- if (es == "d") sqrt(q*(1-q)*N/(N-1)) else 1
  th <- c(b[1], b[2]) / sdx; sig <- b[3]
  if (s == 0) {
    K <- N - 1.5
    va <- sig^2/4*((1+re)/(K*(1+rx)) + (1-re)/(K*(1-rx)))/sdx^2   # Var(a) = Var(p) from the sum and difference regressions
    vs <- (1+re)/((1+rx)*(N-2)); vd <- (1-re)/((1-rx)*(N-1))
    df <- (vs+vd)^2/(vs^2/(N-2) + vd^2/(N-1))
    for (k in 1:2) { ncp <- th[k]/sqrt(va); add(case, c("actor","partner")[k], pw_t(ncp, df, alpha), ncp, df) }
  } else {
    Cx <- sdx^2*matrix(c(1, rx, rx, 1), 2); S <- sig^2*matrix(c(1, re, re, 1), 2); W <- solve(S)
    Pm <- matrix(c(0,1,1,0), 2)
    I <- N*(W[1,1]*Cx + W[1,2]*Cx %*% Pm + W[2,1]*Pm %*% Cx + W[2,2]*Pm %*% Cx %*% Pm) + s*Cx/sig^2
    n <- 2*N + s; V <- n/(n-3)*solve(I); df <- n - 3
    for (k in 1:2) { ncp <- th[k]/sqrt(V[k,k]); add(case, c("actor","partner")[k], pw_t(ncp, df, alpha), ncp, df) }
  }
}
dist("d1", "beta", .25, .25, .15, .15, .5, .5, .3, .3, 1, 1, .05, 100)
dist("d2", "beta", .30, .10, .20, -.05, .5, .5, .45, -.2, 2, .5, .05, 57)
dist("d3", "r", .20, .15, .10, .05, .5, .5, .1, .5, 1, 1.5, .01, 240)
dist("d4", "d", .186, .3, .26, .1, .5, .3, .3, .3, 1, 1, .10, 200)
dist("d5", "beta", .25, .20, .15, .10, .5, .5, .3, .4, 1.3, .8, .05, 120, 15, 6)
indist("i1", "beta", .25, .15, .5, .3, .3, .05, 100)
indist("i2", "beta", .10, .30, .5, -.25, .6, .05, 33)
indist("i3", "r", .20, .12, .5, .5, .1, .01, 300)
indist("i4", "d", .40, .25, .35, .2, .4, .05, 80)
indist("i5", "beta", .20, .10, .5, .3, .2, .05, 150, 25)
res <- do.call(rbind, out)
cat("# R", R.version$major, ".", R.version$minor, "; base stats only\n", sep="")
write.csv(res, stdout(), row.names=FALSE, quote=FALSE)
