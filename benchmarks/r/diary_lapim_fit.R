# In-process time of one nlme::lme distinguishable longitudinal APIM (after a warm-up fit), for BENCHMARKS.md.
# Rscript benchmarks/r/diary_lapim_fit.R data-samples/diary_couples.csv
# The same model as dyadkit longitudinal-apim --y closeness --x stress (person-mean centring by hand).
suppressPackageStartupMessages(library(nlme))
d <- read.csv(commandArgs(TRUE)[1])
d$man <- as.numeric(d$gender == "man"); d$woman <- 1 - d$man
d$xb <- ave(d$stress, d$person, FUN = function(v) mean(v, na.rm = TRUE))
d$xw <- d$stress - d$xb
key <- paste(d$couple, d$day)
p <- match(paste(d$couple, d$day, ifelse(d$man == 1, "woman", "man")), paste(key, d$gender))
d$pxw <- d$xw[p]; d$pxb <- d$xb[p]
fit <- function() lme(closeness ~ 0 + man + woman + man:xw + woman:xw + man:pxw + woman:pxw + man:xb + woman:xb +
                        man:pxb + woman:pxb,
         random = ~ 0 + man + woman | couple,
         correlation = corCompSymm(form = ~ 1 | couple/day), weights = varIdent(form = ~ 1 | gender),
         data = d, method = "REML", na.action = na.omit)
f <- fit()
cat(sprintf("logLik %.10f\n", as.numeric(logLik(f))))
for (i in 1:5) cat(sprintf("lme fit %.3f s\n", system.time(fit())[["elapsed"]]))
