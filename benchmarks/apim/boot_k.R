# Bootstrap CI of k (indistinguishable REML APIM) resampling whole couples with boot, refitting gls:
# Rscript boot_k.R FILE R SEED
suppressPackageStartupMessages({library(nlme); library(boot)})
a <- commandArgs(trailingOnly = TRUE)
d <- read.csv(a[1]); R <- as.integer(a[2]); set.seed(as.integer(a[3]))
p <- d[, c("couple", "role", "x")]; names(p) <- c("couple", "role_P", "x_P")
d <- merge(d, p, by = "couple"); d <- d[d$role != d$role_P, ]
ids <- unique(d$couple)
byc <- split(d, d$couple)
kfun <- function(idx, i) {
  b <- do.call(rbind, lapply(seq_along(i), function(j) { r <- byc[[i[j]]]; r$g <- j; r }))
  f <- gls(y ~ x + x_P, data = b, correlation = corCompSymm(form = ~ 1 | g), method = "REML")
  cf <- coef(f); cf[["x_P"]] / cf[["x"]]
}
bt <- boot(seq_along(ids), kfun, R = R)
print(bt$t0)
print(boot.ci(bt, type = "perc"))
