# Goldens for dyadkit mediation (single-level OLS mediation and the APIMeM).
# Run from this folder: Rscript make_goldens.R
# Reads acitelli_individual.csv (CC0, KKC/dyadr example data); writes sim_mediation.csv (seeded simulated
# couples with missing values), mediation_goldens.csv (case,quantity,value), the bootstrap frequency arrays
# boot_freq_<case>.csv.gz (one row per resample, one column per unit) and VERSIONS.txt / SHA256SUMS.
suppressPackageStartupMessages({
  library(nlme)
  library(boot)
})
options(digits = 17)

out <- data.frame(case = character(), quantity = character(), value = numeric())
put <- function(case, q, v) out[nrow(out) + 1, ] <<- list(case, q, as.numeric(v))

aci <- read.csv("acitelli_individual.csv")

# ---------------------------------------------------------------- simulated couples with missing values
set.seed(20261126)
n <- 200
w <- rnorm(2 * n, 0, 1)                           # person-level covariate
xm <- rnorm(n, 3, 0.8); xw <- 0.3 * xm + rnorm(n, 2.1, 0.7)
mm <- 1 - 0.45 * xm - 0.20 * xw + 0.1 * w[c(TRUE, FALSE)] + rnorm(n, 0, 0.9)
mw <- 2 - 0.30 * xw - 0.25 * xm + 0.1 * w[c(FALSE, TRUE)] + rnorm(n, 0, 1.1)
e <- matrix(rnorm(2 * n), n) %*% chol(matrix(c(1, 0.4 * 1.3, 0.4 * 1.3, 1.3^2), 2))
ym <- 3 + 0.25 * xm + 0.10 * xw - 0.40 * mm - 0.15 * mw + 0.2 * w[c(TRUE, FALSE)] + e[, 1]
yw <- 2 + 0.20 * xw + 0.15 * xm - 0.35 * mw - 0.20 * mm + 0.2 * w[c(FALSE, TRUE)] + e[, 2]
sim <- data.frame(couple = rep(sprintf("c%03d", 1:n), each = 2), role = rep(c("man", "woman"), n),
                  x = as.vector(rbind(xm, xw)), m = as.vector(rbind(mm, mw)), y = as.vector(rbind(ym, yw)),
                  w = w)
sim <- sim[-sample(nrow(sim), 14), ]               # 14 dyads lose a member
sim$m[sample(nrow(sim), 9)] <- NA
sim$y[sample(nrow(sim), 9)] <- NA
sim$x[sample(nrow(sim), 5)] <- NA
sim$w[sample(nrow(sim), 4)] <- NA
write.csv(sim, "sim_mediation.csv", row.names = FALSE, na = "")
sim <- read.csv("sim_mediation.csv")               # the values exactly as the Java tests read them

# ---------------------------------------------------------------- single-level mediation (lm)
paths <- function(d, x, m, y, cov = character()) {
  rhs <- paste(c(x, cov), collapse = " + ")
  fa <- lm(as.formula(paste(m, "~", rhs)), d)
  fb <- lm(as.formula(paste(y, "~", rhs, "+", m)), d)
  fc <- lm(as.formula(paste(y, "~", rhs)), d)
  list(a = coef(summary(fa))[x, ], b = coef(summary(fb))[m, ], cp = coef(summary(fb))[x, ],
       c = coef(summary(fc))[x, ], df_a = fa$df.residual, df_b = fb$df.residual, df_c = fc$df.residual)
}

single <- function(case, d, x, m, y, cov, unit, B, seed, bigB) {
  d <- d[complete.cases(d[, c(x, m, y, cov, unit)]), ]
  p <- paths(d, x, m, y, cov)
  put(case, "n", nrow(d))
  for (nm in c("a", "b", "cp", "c")) {
    q <- if (nm == "cp") "c_prime" else nm
    put(case, paste0("estimate:", q), p[[nm]][1]); put(case, paste0("se:", q), p[[nm]][2])
    put(case, paste0("t:", q), p[[nm]][3]); put(case, paste0("p:", q), p[[nm]][4])
  }
  put(case, "df:a", p$df_a); put(case, "df:b", p$df_b); put(case, "df:c", p$df_c)
  a <- p$a[1]; b <- p$b[1]; sa <- p$a[2]; sb <- p$b[2]
  ab <- a * b; se <- sqrt(a^2 * sb^2 + b^2 * sa^2); z <- ab / se
  put(case, "indirect", ab); put(case, "sobel_se", se); put(case, "sobel_z", z)
  put(case, "sobel_p", 2 * pnorm(-abs(z)))
  # bootstrap over units (persons, or whole dyads)
  units <- unique(d[[unit]])
  rows <- split(seq_len(nrow(d)), factor(d[[unit]], levels = units))
  stat <- function(u, i) {
    s <- d[unlist(rows[i], use.names = FALSE), ]
    fa <- lm.fit(cbind(1, as.matrix(s[, c(x, cov)])), s[[m]])
    fb <- lm.fit(cbind(1, as.matrix(s[, c(x, cov, m)])), s[[y]])
    unname(fa$coefficients[2] * fb$coefficients[length(fb$coefficients)])
  }
  jack <- function(bo) {
    L <- empinf(bo, type = "jack")
    tj <- sapply(seq_along(units), function(j) stat(units, seq_along(units)[-j]))
    L2 <- (length(units) - 1) * (bo$t0 - tj)
    stopifnot(isTRUE(all.equal(L, L2)))
    L
  }
  set.seed(seed)
  bo <- boot(units, stat, R = B)
  con <- gzfile(paste0("boot_freq_", case, ".csv.gz"), "w")
  write.table(boot.array(bo), con, sep = ",", row.names = FALSE, col.names = FALSE)
  close(con)
  L <- jack(bo)
  put(case, "acceleration", sum(L^3) / (6 * sum(L^2)^1.5))
  ci <- boot.ci(bo, conf = 0.95, type = c("perc", "bca"), L = L)
  put(case, "perc_lower", ci$percent[4]); put(case, "perc_upper", ci$percent[5])
  put(case, "bca_lower", ci$bca[4]); put(case, "bca_upper", ci$bca[5])
  if (bigB > 0) {
    set.seed(seed + 1)
    bb <- boot(units, stat, R = bigB)
    cb <- boot.ci(bb, conf = 0.95, type = c("perc", "bca"), L = L)
    put(case, "big_b", bigB)
    put(case, "big_perc_lower", cb$percent[4]); put(case, "big_perc_upper", cb$percent[5])
    put(case, "big_bca_lower", cb$bca[4]); put(case, "big_bca_upper", cb$bca[5])
    put(case, "big_boot_sd", sd(bb$t[, 1]))
  }
}

aci$person <- seq_len(nrow(aci))
single("sl_aci_person", aci, "other_pos", "tension", "satisfaction", character(), "person", 999, 101, 0)
single("sl_sim_dyad", sim, "x", "m", "y", "w", "couple", 999, 202, 20000)

# ---------------------------------------------------------------- APIMeM: three gls fits per model
# person-level rows with the partner's values (_P); a person without a partner has NA partner values
pairwise <- function(d, id, role, vars) {
  key <- paste(d[[id]], d[[role]])
  partner <- sapply(seq_len(nrow(d)), function(i) {
    j <- which(d[[id]] == d[[id]][i] & seq_len(nrow(d)) != i)
    if (length(j) == 0) NA else j
  })
  for (v in vars) d[[paste0(v, "_P")]] <- d[[v]][partner]
  d
}

coefrow <- function(fit, parts) {
  tt <- summary(fit)$tTable
  hit <- sapply(strsplit(rownames(tt), ":"), function(s) setequal(s, parts))
  stopifnot(sum(hit) == 1)
  tt[hit, 1:2]
}

apimem <- function(case, d, id, role, x, m, y, cov, roles) {
  d <- pairwise(d, id, role, c(x, m))
  dist <- !is.null(roles)
  covs <- if (length(cov)) paste("+", paste(cov, collapse = " + ")) else ""
  if (dist) {
    d$R <- factor(d[[role]], levels = roles)
    rt <- function(v) paste0(v, ":R", collapse = " + ")
    f2 <- paste(m, "~ R +", rt(c(x, paste0(x, "_P"), cov)), "- 1")
    f3 <- paste(y, "~ R +", rt(c(x, paste0(x, "_P"), m, paste0(m, "_P"), cov)), "- 1")
    f1 <- paste(y, "~ R +", rt(c(x, paste0(x, "_P"), cov)), "- 1")
    fit <- function(f) gls(as.formula(f), data = d, correlation = corCompSymm(form = as.formula(paste("~1|", id))),
                           weights = varIdent(form = ~1 | R), na.action = na.omit, method = "REML")
    get <- function(ft, v, r) coefrow(ft, c(v, paste0("R", r)))
    rl <- roles
  } else {
    f2 <- paste(m, "~", x, "+", paste0(x, "_P"), covs)
    f3 <- paste(y, "~", x, "+", paste0(x, "_P"), "+", m, "+", paste0(m, "_P"), covs)
    f1 <- paste(y, "~", x, "+", paste0(x, "_P"), covs)
    fit <- function(f) gls(as.formula(f), data = d, correlation = corCompSymm(form = as.formula(paste("~1|", id))),
                           na.action = na.omit, method = "REML")
    get <- function(ft, v, r) coefrow(ft, v)
    rl <- "all"
  }
  m2 <- fit(f2); m3 <- fit(f3); m1 <- fit(f1)
  put(case, "n_obs:a", length(fitted(m2))); put(case, "n_obs:b", length(fitted(m3)))
  put(case, "n_obs:c", length(fitted(m1)))
  P <- list()
  for (r in rl) {
    P[[paste0("a:actor:", r)]] <- get(m2, x, r); P[[paste0("a:partner:", r)]] <- get(m2, paste0(x, "_P"), r)
    P[[paste0("b:actor:", r)]] <- get(m3, m, r); P[[paste0("b:partner:", r)]] <- get(m3, paste0(m, "_P"), r)
    P[[paste0("c_prime:actor:", r)]] <- get(m3, x, r)
    P[[paste0("c_prime:partner:", r)]] <- get(m3, paste0(x, "_P"), r)
    P[[paste0("c:actor:", r)]] <- get(m1, x, r); P[[paste0("c:partner:", r)]] <- get(m1, paste0(x, "_P"), r)
  }
  for (k in names(P)) {
    put(case, paste0("estimate:", k), P[[k]][1]); put(case, paste0("se:", k), P[[k]][2])
  }
  ind <- function(name, r, ak, bk) {
    a <- P[[ak]][1]; sa <- P[[ak]][2]; b <- P[[bk]][1]; sb <- P[[bk]][2]
    ab <- a * b; se <- sqrt(a^2 * sb^2 + b^2 * sa^2); z <- ab / se
    put(case, paste0("indirect:", name, ":", r), ab)
    put(case, paste0("sobel_se:", name, ":", r), se)
    put(case, paste0("sobel_z:", name, ":", r), z)
    put(case, paste0("sobel_p:", name, ":", r), 2 * pnorm(-abs(z)))
    ab
  }
  for (r in rl) {
    o <- if (dist) setdiff(rl, r) else r   # the other member (indistinguishable: same effects)
    aa <- ind("actor_actor", r, paste0("a:actor:", r), paste0("b:actor:", r))
    pp <- ind("partner_partner", r, paste0("a:partner:", o), paste0("b:partner:", r))
    ap <- ind("actor_partner", r, paste0("a:actor:", o), paste0("b:partner:", r))
    pa <- ind("partner_actor", r, paste0("a:partner:", r), paste0("b:actor:", r))
    ta <- aa + pp; tp <- ap + pa
    put(case, paste0("total_indirect:actor:", r), ta); put(case, paste0("total_indirect:partner:", r), tp)
    tea <- ta + P[[paste0("c_prime:actor:", r)]][1]; tep <- tp + P[[paste0("c_prime:partner:", r)]][1]
    put(case, paste0("total:actor:", r), tea); put(case, paste0("total:partner:", r), tep)
    put(case, paste0("percent_mediated:actor:", r), 100 * ta / tea)
    put(case, paste0("percent_mediated:partner:", r), 100 * tp / tep)
  }
}

apimem("apimem_aci_dist", aci, "cuplid", "gender", "other_pos", "tension", "satisfaction", character(),
       c("1", "-1"))
apimem("apimem_aci_indist", aci, "cuplid", "gender", "other_pos", "tension", "satisfaction", character(), NULL)
apimem("apimem_sim_dist", sim, "couple", "role", "x", "m", "y", "w", c("man", "woman"))
apimem("apimem_sim_indist", sim, "couple", "role", "x", "m", "y", "w", NULL)

# Complete dyads with the same regressors for both roles: the two-intercept REML fit equals per-role OLS
# (SUR with identical regressors; Sigma = E'E/(N - p)), so lm gives the exact REML standard errors. nlme stops
# about 3e-7 (relative) short of them; these are the exact values for the Acitelli distinguishable model.
ap <- pairwise(aci, "cuplid", "gender", c("other_pos", "tension"))
for (r in c("1", "-1")) {
  s <- ap[as.character(ap$gender) == r, ]
  fa <- coef(summary(lm(tension ~ other_pos + other_pos_P, s)))
  fb <- coef(summary(lm(satisfaction ~ other_pos + other_pos_P + tension + tension_P, s)))
  put("exact_aci_dist", paste0("se:a:actor:", r), fa["other_pos", 2])
  put("exact_aci_dist", paste0("se:a:partner:", r), fa["other_pos_P", 2])
  put("exact_aci_dist", paste0("se:b:actor:", r), fb["tension", 2])
  put("exact_aci_dist", paste0("se:b:partner:", r), fb["tension_P", 2])
  put("exact_aci_dist", paste0("se:c_prime:actor:", r), fb["other_pos", 2])
  put("exact_aci_dist", paste0("se:c_prime:partner:", r), fb["other_pos_P", 2])
  if (r == "1") {
    a <- fa["other_pos", 1]; sa <- fa["other_pos", 2]; b <- fb["tension", 1]; sb <- fb["tension", 2]
    z <- a * b / sqrt(a^2 * sb^2 + b^2 * sa^2)
    put("exact_aci_dist", "sobel_z:actor_actor:1", z)
    put("exact_aci_dist", "sobel_p:actor_actor:1", 2 * pnorm(-abs(z)))
  }
}

write.csv(out, "mediation_goldens.csv", row.names = FALSE)
writeLines(c(R.version.string, paste("nlme", packageVersion("nlme")), paste("boot", packageVersion("boot"))),
           "VERSIONS.txt")
files <- c("acitelli_individual.csv", "sim_mediation.csv", "make_goldens.R")
sums <- sapply(files, function(f) system(paste("sha256sum", shQuote(f)), intern = TRUE))
writeLines(sums, "SHA256SUMS")
