# The same distinguishable REML APIM as `dyadkit apim --role role --y y --x x` (two-intercept):
# Rscript gls_apim.R FILE
suppressPackageStartupMessages(library(nlme))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1])
p <- d[, c("couple", "role", "x")]; names(p) <- c("couple", "role_P", "x_P")
d <- merge(d, p, by = "couple"); d <- d[d$role != d$role_P, ]
d$H <- as.numeric(d$role == "H"); d$W <- 1 - d$H
f <- gls(y ~ H + W + x:H + x:W + x_P:H + x_P:W - 1, data = d,
         correlation = corCompSymm(form = ~ 1 | couple), weights = varIdent(form = ~ 1 | role), method = "REML")
print(summary(f)$tTable)
print(logLik(f))
