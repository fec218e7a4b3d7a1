# Whole-process reference for the distinguishable longitudinal APIM: read.csv + centring by hand + nlme::lme,
# as dyadkit longitudinal-apim --y closeness --x stress. Rscript benchmarks/r/diary_lapim.R data-samples/diary_couples.csv
suppressPackageStartupMessages(library(nlme))
d <- read.csv(commandArgs(TRUE)[1])
d$man <- as.numeric(d$gender == "man"); d$woman <- 1 - d$man
d$xb <- ave(d$stress, d$person, FUN = function(v) mean(v, na.rm = TRUE))
d$xw <- d$stress - d$xb
p <- match(paste(d$couple, d$day, ifelse(d$man == 1, "woman", "man")), paste(d$couple, d$day, d$gender))
d$pxw <- d$xw[p]; d$pxb <- d$xb[p]
m <- lme(closeness ~ 0 + man + woman + man:xw + woman:xw + man:pxw + woman:pxw + man:xb + woman:xb +
           man:pxb + woman:pxb, random = ~ 0 + man + woman | couple,
         correlation = corCompSymm(form = ~ 1 | couple/day), weights = varIdent(form = ~ 1 | gender),
         data = d, method = "REML", na.action = na.omit)
print(summary(m)$tTable); print(logLik(m))
