# Goldens for dyadkit's simple slopes, Johnson-Neyman bounds and interaction-plot data.
# Run from this folder: Rscript make_slopes.R
# Input: ../apim/acitelli_individual.csv (sha256 in SHA256SUMS). Writes acitelli_centred.csv (tension and
# other_pos grand-mean centred by hand, as in the Garcia workshop's moderation handout) and
# slopes_goldens.csv (case,quantity,value); versions appended to VERSIONS.txt by make_goldens.R's run.
# Model (the workshop's moderated APIM): satisfaction on actor and partner other-positivity, actor and
# partner tension, actor x actor and partner x partner interactions; REML gls, CS (indistinguishable) or
# two-intercept with varIdent (distinguishable). Slopes by hand from vcov(), checked against emmeans::emtrends.
suppressPackageStartupMessages({ library(nlme); library(emmeans) })
options(digits = 17)
aci <- read.csv("../apim/acitelli_individual.csv")
cen <- aci
cen$other_pos <- aci$other_pos - mean(aci$other_pos); cen$tension <- aci$tension - mean(aci$tension)
write.csv(cen, "acitelli_centred.csv", row.names = FALSE)
cen$role <- ifelse(cen$gender == 1, "husband", "wife")
p <- cen[, c("cuplid", "other_pos", "tension", "role")]; names(p) <- c("cuplid", "XP", "TP", "role_P")
d <- merge(cen, p, by = "cuplid"); d <- d[d$role != d$role_P, ]
d$XA <- d$other_pos; d$TA <- d$tension; d$grp <- factor(d$cuplid)
d$r0 <- as.numeric(d$role == "husband"); d$r1 <- 1 - d$r0
out <- data.frame(case = character(), quantity = character(), value = numeric())
put <- function(case, q, v) out[nrow(out) + 1, ] <<- list(case, q, v)

slopes <- function(tag, fit, l1, l3, mod, foc, dfv) {
  b <- coef(fit); V <- vcov(fit)
  m0 <- mean(mod); s0 <- sd(mod)
  at <- c(m0 - s0, m0, m0 + s0)
  for (i in 1:3) {
    L <- l1 + at[i] * l3
    est <- sum(L * b); se <- sqrt(as.numeric(t(L) %*% V %*% L))
    put(paste(tag, i, sep = "/"), "at", at[i]); put(paste(tag, i, sep = "/"), "estimate", est)
    put(paste(tag, i, sep = "/"), "se", se); put(paste(tag, i, sep = "/"), "t", est / se)
    put(paste(tag, i, sep = "/"), "p", 2 * pt(abs(est / se), dfv, lower.tail = FALSE))
  }
  # Johnson-Neyman bounds
  tc <- qt(0.975, dfv)
  b1 <- sum(l1 * b); b3 <- sum(l3 * b)
  v11 <- as.numeric(t(l1) %*% V %*% l1); v13 <- as.numeric(t(l1) %*% V %*% l3); v33 <- as.numeric(t(l3) %*% V %*% l3)
  A <- b3^2 - tc^2 * v33; B <- 2 * (b1 * b3 - tc^2 * v13); C <- b1^2 - tc^2 * v11
  disc <- B^2 - 4 * A * C
  if (disc > 0) {
    r <- sort(c((-B - sqrt(disc)) / (2 * A), (-B + sqrt(disc)) / (2 * A)))
    put(paste(tag, "jn", sep = "/"), "lower", r[1]); put(paste(tag, "jn", sep = "/"), "upper", r[2])
  }
  put(paste(tag, "jn", sep = "/"), "a_coef", A)
  invisible(at)
}

# indistinguishable
fi <- gls(satisfaction ~ XA + XP + TA + TP + XA:TA + XP:TP, data = d, correlation = corCompSymm(form = ~ 1 | grp))
nm <- names(coef(fi))  # (Intercept) XA XP TA TP XA:TA XP:TP
e <- function(k) as.numeric(nm == k)
at <- slopes("indist/actor|tension", fi, e("XA"), e("XA:TA"), d$TA, d$XA, nrow(d) - length(nm))
# emmeans check of the estimates and SEs (its df differ: it is not the residual df)
em <- summary(emtrends(fi, ~ TA, var = "XA", at = list(TA = at, TP = 0, XP = 0), data = d, mode = "df.error"))
stopifnot(max(abs(em$XA.trend - out$value[grepl("^indist/actor\\|tension/[123]$", out$case) & out$quantity == "estimate"])) < 1e-8)
stopifnot(max(abs(em$SE - out$value[grepl("^indist/actor\\|tension/[123]$", out$case) & out$quantity == "se"])) < 1e-8)
slopes("indist/partner|partner.tension", fi, e("XP"), e("XP:TP"), d$TP, d$XP, nrow(d) - length(nm))
# plot points for actor|tension: focal at mean -/+ 1 SD, moderator at its three values, others at means
b <- coef(fi)
mx <- mean(d$XA); sx <- sd(d$XA)
for (i in 1:3) for (j in 1:2) {
  x <- c(mx - sx, mx + sx)[j]; m <- at[i]
  row <- c(1, x, mean(d$XP), m, mean(d$TP), x * m, mean(d$XP) * mean(d$TP))
  put(paste("indist/actor|tension/plot", i, j, sep = "/"), "predicted", sum(row * b))
}

# distinguishable two-intercept
fd <- gls(satisfaction ~ r0 + r1 + XA:r0 + XA:r1 + XP:r0 + XP:r1 + TA:r0 + TA:r1 + TP:r0 + TP:r1 +
            XA:TA:r0 + XA:TA:r1 + XP:TP:r0 + XP:TP:r1 - 1, data = d,
          correlation = corCompSymm(form = ~ 1 | grp), weights = varIdent(form = ~ 1 | role))
nm <- names(coef(fd))
e <- function(k) as.numeric(nm == k)
for (r in c("r0", "r1")) {
  role <- if (r == "r0") "husband" else "wife"
  sub <- d[d[[r]] == 1, ]
  slopes(paste("dist/actor|tension", role, sep = "/"), fd, e(paste0(r, ":XA")), e(paste0(r, ":XA:TA")), sub$TA,
         sub$XA, nrow(d) - length(nm))
}
write.csv(out, "slopes_goldens.csv", row.names = FALSE)
