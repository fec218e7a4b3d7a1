# Goldens for org.dyadkit.nonindependence: seeded simulated couples, distinguishable and
# indistinguishable, with dyads missing a member and missing values; statistics computed in base R
# (cor.test, t.test, anova(lm)) and from the double-entry correlation matrix (Griffin & Gonzalez 1995).
# Run from this folder:  Rscript make_golden.R
# Writes the inputs dist_couples.csv and indist_couples.csv (individual layout, with dyads missing a member and
# missing values), dist_complete.csv and indist_complete.csv (the same couples before anything was removed),
# dist_couples_dyad.csv (dist_couples made wide by R's reshape), the expected values *_expected.json,
# VERSIONS.txt and SHA256SUMS.
suppressPackageStartupMessages(library(jsonlite))

set.seed(20261125)

# ---------------------------------------------------------------- distinguishable couples
n <- 80
vars <- c("self_compassion", "caring", "control", "acceptance")
# 8 scores per couple: man's 4 variables then woman's 4
S <- matrix(0.25, 8, 8)
diag(S) <- 1
S[1:4, 1:4] <- 0.35; S[5:8, 5:8] <- 0.30          # within person
S[cbind(1:4, 5:8)] <- c(0.45, 0.30, -0.20, 0.10)  # partner correlations
S[cbind(5:8, 1:4)] <- S[cbind(1:4, 5:8)]
S[1, 6] <- S[6, 1] <- 0.40                         # man's self-compassion with woman's caring
S[5, 2] <- S[2, 5] <- 0.15
diag(S) <- 1
sds <- c(0.60, 0.70, 0.50, 0.80, 0.75, 0.65, 0.55, 0.90)
Sigma <- diag(sds) %*% S %*% diag(sds)
Z <- matrix(rnorm(n * 8), n) %*% chol(Sigma)
means <- c(3.2, 3.9, 2.1, 3.5, 3.0, 4.0, 2.2, 3.6)
W <- round(sweep(Z, 2, means, "+"), 3)
man <- data.frame(couple = 100 + 1:n, gender = "man", W[, 1:4])
woman <- data.frame(couple = 100 + 1:n, gender = "woman", W[, 5:8])
names(man)[3:6] <- vars
names(woman)[3:6] <- vars
man$years <- woman$years <- round(runif(n, 1, 30))
long <- rbind(man, woman)
full <- long[sample(nrow(long)), c("couple", "years", "gender", vars)]
# dyads with one member: 6 without the woman, 4 without the man
drop_w <- sample(1:n, 6)
drop_m <- sample(setdiff(1:n, drop_w), 4)
long <- long[!(long$gender == "woman" & long$couple %in% (100 + drop_w)) &
             !(long$gender == "man" & long$couple %in% (100 + drop_m)), ]
# missing values in 10 random cells
for (k in 1:10) long[sample(nrow(long), 1), sample(vars, 1)] <- NA
# rows in an arbitrary order (couples and roles shuffled)
long <- long[sample(nrow(long)), c("couple", "years", "gender", vars)]
write.csv(long, "dist_couples.csv", row.names = FALSE, na = "")

wide <- reshape(long, idvar = c("couple", "years"), timevar = "gender", direction = "wide", sep = "_")
write.csv(wide, "dist_couples_dyad.csv", row.names = FALSE, na = "")

cortest <- function(x, y) {
  ok <- complete.cases(x, y)
  ct <- cor.test(x[ok], y[ok])
  list(n = sum(ok), r = unname(ct$estimate), ci_lower = ct$conf.int[1], ci_upper = ct$conf.int[2],
       t = unname(ct$statistic), df = unname(ct$parameter), p = ct$p.value)
}

dist_expected <- function(long, out) {
  get <- function(v, role) {
    d <- long[long$gender == role, ]
    d[match(100 + 1:n, d$couple), v]
  }
  dist <- list()
  for (v in vars) {
    m <- get(v, "man"); w <- get(v, "woman")
    ok <- complete.cases(m, w)
    ct <- cortest(m, w)
    # Pitman-Morgan: the test of r(sum, difference) = 0 is the test of equal variances
    pm <- cor.test((m + w)[ok], (m - w)[ok])
    pt <- t.test(m[ok], w[ok], paired = TRUE)
    d <- m[ok] - w[ok]
    dist[[v]] <- list(
      variable = v, n_dyads = ct$n, pearson_r = ct$r, fisher_ci_lower = ct$ci_lower, fisher_ci_upper = ct$ci_upper,
      t = ct$t, df = ct$df, p = ct$p,
      pitman_morgan = list(sd1 = sd(m[ok]), sd2 = sd(w[ok]), t = unname(pm$statistic), df = unname(pm$parameter),
                           p = pm$p.value),
      roles = list(list(role = "man", n = sum(!is.na(m)), mean = mean(m, na.rm = TRUE), sd = sd(m, na.rm = TRUE)),
                   list(role = "woman", n = sum(!is.na(w)), mean = mean(w, na.rm = TRUE), sd = sd(w, na.rm = TRUE))),
      mean_difference = list(n = sum(ok), mean1 = mean(m[ok]), mean2 = mean(w[ok]), sd1 = sd(m[ok]),
                             sd2 = sd(w[ok]), mean_difference = unname(pt$estimate), sd_difference = sd(d),
                             t = unname(pt$statistic), df = unname(pt$parameter), p = pt$p.value,
                             d = mean(d) / sd(d), d_av = mean(d) / sqrt((var(m[ok]) + var(w[ok])) / 2)))
  }
  rows <- list()
  add <- function(x, xr, y, yr, type) {
    ct <- cortest(get(x, xr), get(y, yr))
    rows[[length(rows) + 1]] <<- c(list(x = x, x_role = xr, y = y, y_role = yr, type = type), ct)
  }
  for (v in vars) add(v, "man", v, "woman", "cross_partner")
  for (i in 1:(length(vars) - 1)) for (j in (i + 1):length(vars)) {
    add(vars[i], "man", vars[j], "man", "within_person")
    add(vars[i], "woman", vars[j], "woman", "within_person")
    add(vars[i], "man", vars[j], "woman", "cross_partner")
    add(vars[i], "woman", vars[j], "man", "cross_partner")
  }
  n_dyads <- length(unique(long$couple))
  writeLines(toJSON(list(roles = c("man", "woman"), n_dyads = n_dyads,
                         n_singletons = sum(table(long$couple) == 1), nonindependence = unname(dist),
                         correlations = rows), auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
}
write.csv(full, "dist_complete.csv", row.names = FALSE, na = "")
dist_expected(long, "dist_expected.json")
dist_expected(full, "dist_complete_expected.json")

# ---------------------------------------------------------------- indistinguishable dyads
n2 <- 70
ivars <- c("x", "y", "w")
shared <- rnorm(n2)
a <- data.frame(pair = sprintf("P%03d", 1:n2))
b <- a
a$x <- round(5 + shared + rnorm(n2), 3);         b$x <- round(5 + shared + rnorm(n2), 3)
a$y <- round(2 + 0.5 * a$x + 0.4 * b$x + rnorm(n2), 3)
b$y <- round(2 + 0.5 * b$x + 0.4 * a$x + rnorm(n2), 3)
tot <- rnorm(n2, 10, 1)                          # w: shares of a couple total, negative ICC
a$w <- round(tot / 2 + rnorm(n2, 0, 1.5), 3);    b$w <- round(tot - a$w + rnorm(n2, 0, 0.3), 3)
ilong <- rbind(a, b)
ilong$member <- rep(1:2, each = n2)
ifull <- ilong[sample(nrow(ilong)), c("pair", ivars)]
drop <- sample(1:n2, 5)                          # five dyads with one member
ilong <- ilong[!(ilong$pair %in% a$pair[drop] & ilong$member == sample(1:2, nrow(ilong), TRUE)), ]
ilong <- ilong[!duplicated(ilong[, c("pair", "member")]), ]
for (k in 1:6) ilong[sample(nrow(ilong), 1), sample(ivars, 1)] <- NA
ilong <- ilong[sample(nrow(ilong)), c("pair", ivars)]
write.csv(ilong, "indist_couples.csv", row.names = FALSE, na = "")

# members in order of appearance in the file, as dyadkit numbers them
indist_expected <- function(ilong, out) {
ilong$pos <- ave(seq_len(nrow(ilong)), ilong$pair, FUN = seq_along)
ids <- unique(ilong$pair)
iget <- function(v, pos) {
  d <- ilong[ilong$pos == pos, ]
  d[match(ids, d$pair), v]
}
indist <- list()
for (v in ivars) {
  x1 <- iget(v, 1); x2 <- iget(v, 2)
  ok <- complete.cases(x1, x2)
  k <- sum(ok)
  dd <- data.frame(dyad = factor(rep(which(ok), 2)), x = c(x1[ok], x2[ok]))
  av <- anova(lm(x ~ dyad, data = dd))
  msb <- av[1, "Mean Sq"]; msw <- av[2, "Mean Sq"]
  icc <- (msb - msw) / (msb + msw)
  if (icc >= 0) { f <- msb / msw; df1 <- k - 1; df2 <- k } else { f <- msw / msb; df1 <- k; df2 <- k - 1 }
  rp <- cor(c(x1[ok], x2[ok]), c(x2[ok], x1[ok]))
  indist[[v]] <- list(variable = v, n_dyads = k, anova_icc = icc, ms_between = msb, ms_within = msw, f = f,
                      df1 = df1, df2 = df2, p = min(1, 2 * pf(f, df1, df2, lower.tail = FALSE)),
                      pairwise_r = rp, z = rp * sqrt(k), pairwise_p = 2 * pnorm(-abs(rp * sqrt(k))))
}
pairs <- list()
for (i in 1:(length(ivars) - 1)) for (j in (i + 1):length(ivars)) {
  X <- ivars[i]; Y <- ivars[j]
  x1 <- iget(X, 1); x2 <- iget(X, 2); y1 <- iget(Y, 1); y2 <- iget(Y, 2)
  ok <- complete.cases(x1, x2, y1, y2)
  k <- sum(ok)
  m <- cbind(c(x1[ok], x2[ok]), c(y1[ok], y2[ok]), c(x2[ok], x1[ok]), c(y2[ok], y1[ok]))
  cr <- cor(m)
  rxx <- cr[1, 3]; ryy <- cr[2, 4]; rxy <- cr[1, 2]; rxyp <- cr[1, 4]
  ns <- 2 * k / (1 + rxx * ryy + rxyp^2)
  nsc <- 2 * k / (1 + rxx * ryy + rxy^2)
  ind <- (rxy - rxyp) / sqrt((1 - rxx) * (1 - ryy))
  ti <- if (abs(ind) < 1) ind * sqrt(k - 1) / sqrt(1 - ind^2) else NA
  dr <- if (rxx > 0 && ryy > 0) rxyp / sqrt(rxx * ryy) else NA
  dz <- if (rxx > 0 && ryy > 0) dr * sqrt(nsc * rxx * ryy) else NA
  pairs[[length(pairs) + 1]] <- list(x = X, y = Y, n = k, r_xx = rxx, r_yy = ryy,
    overall_r = rxy, overall_z = rxy * sqrt(ns), overall_p = 2 * pnorm(-abs(rxy * sqrt(ns))),
    cross_r = rxyp, cross_z = rxyp * sqrt(nsc), cross_p = 2 * pnorm(-abs(rxyp * sqrt(nsc))),
    individual_r = ind, individual_t = ti, individual_df = k - 1,
    individual_p = if (is.na(ti)) NA else 2 * pt(-abs(ti), k - 1),
    dyad_r = dr, dyad_z = dz, dyad_p = if (is.na(dz)) NA else 2 * pnorm(-abs(dz)))
}
writeLines(toJSON(list(n_dyads = length(ids), n_singletons = sum(table(ilong$pair) == 1), nonindependence = unname(indist), pairs = pairs),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), out)
}
write.csv(ifull, "indist_complete.csv", row.names = FALSE, na = "")
indist_expected(ilong, "indist_expected.json")
indist_expected(ifull, "indist_complete_expected.json")

writeLines(c(R.version.string, paste("jsonlite", packageVersion("jsonlite")),
             "base R only otherwise (stats: cor.test, t.test, lm, anova, pf, pt, pnorm)"), "VERSIONS.txt")
inputs <- c("dist_couples.csv", "dist_couples_dyad.csv", "dist_complete.csv", "indist_couples.csv",
            "indist_complete.csv")
sums <- system2("sha256sum", inputs, stdout = TRUE)
writeLines(sums, "SHA256SUMS")
