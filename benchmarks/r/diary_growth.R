# Whole-process reference for the dyadic growth curve: read.csv + nlme::lme, as dyadkit growth.
# Rscript benchmarks/r/diary_growth.R data-samples/diary_couples.csv
suppressPackageStartupMessages(library(nlme))
d <- read.csv(commandArgs(TRUE)[1])
d$man <- as.numeric(d$gender == "man"); d$woman <- 1 - d$man
m <- lme(closeness ~ 0 + man + woman + man:time + woman:time,
         random = ~ 0 + man + woman + man:time + woman:time | couple,
         correlation = corCompSymm(form = ~ 1 | couple/day), weights = varIdent(form = ~ 1 | gender),
         data = d, method = "REML", na.action = na.omit)
print(summary(m)$tTable); print(logLik(m))
