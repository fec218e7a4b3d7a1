# In-process time of one nlme::lme dyadic growth fit (after a warm-up fit), for BENCHMARKS.md.
# Rscript benchmarks/r/diary_growth_fit.R data-samples/diary_couples.csv
suppressPackageStartupMessages(library(nlme))
d <- read.csv(commandArgs(TRUE)[1])
d$man <- as.numeric(d$gender == "man"); d$woman <- 1 - d$man
fit <- function() lme(closeness ~ 0 + man + woman + man:time + woman:time,
         random = ~ 0 + man + woman + man:time + woman:time | couple,
         correlation = corCompSymm(form = ~ 1 | couple/day), weights = varIdent(form = ~ 1 | gender),
         data = d, method = "REML", na.action = na.omit)
invisible(fit())
for (i in 1:5) cat(sprintf("lme fit %.3f s\n", system.time(fit())[["elapsed"]]))
