# Golden of lmerTest's Satterthwaite df for org.dyadkit.mlm (DfRule.SATTERTHWAITE), on the simulated diary
# couples of ../mlm/make_goldens.R (copied here: sim_diary_balanced.csv, sim_diary_unbalanced.csv).
# Only models lme4 can express: random effects per couple (unstructured), no CS/AR(1) residual structure,
# one residual variance. lme4's default optimiser stops about 1e-6 short of the maximum (logLik), so bobyqa is
# run to rhoend = 1e-12. Run from this folder: Rscript make_lmertest.R
# (writes lmertest_goldens.json, VERSIONS.txt, SHA256SUMS)
suppressPackageStartupMessages({ library(lmerTest); library(jsonlite) })

prep <- function(file) {
  d <- read.csv(file)
  d$man <- as.numeric(d$gender == "man"); d$woman <- 1 - d$man
  d
}

models <- list(
  list(name = "growth_4x4_reml", data = "sim_diary_balanced.csv", reml = TRUE,
       lmer = "y ~ 0 + man + woman + man:time + woman:time + (0 + man + woman + man:time + woman:time | couple)",
       fixed = "y ~ 0 + man + woman + man:time + woman:time",
       random = "~ 0 + man + woman + man:time + woman:time | couple"),
  list(name = "intercept_slope_unbalanced_reml", data = "sim_diary_unbalanced.csv", reml = TRUE,
       lmer = "y ~ x + time + (1 + time | couple)",
       fixed = "y ~ x + time", random = "~ 1 + time | couple"),
  list(name = "intercept_slope_unbalanced_ml", data = "sim_diary_unbalanced.csv", reml = FALSE,
       lmer = "y ~ x + time + (1 + time | couple)",
       fixed = "y ~ x + time", random = "~ 1 + time | couple")
)

out <- lapply(models, function(m) {
  d <- prep(m$data)
  fit <- lmer(as.formula(m$lmer), data = d, REML = m$reml,
              control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e6),
                                    check.conv.grad = .makeCC("warning", tol = 1e-6, relTol = NULL)))
  s <- summary(fit, ddf = "Satterthwaite")$coefficients
  list(name = m$name, data = m$data, method = if (m$reml) "reml" else "ml",
       r_call = paste0("lmer(", m$lmer, ", REML = ", m$reml, "); summary(fit, ddf = 'Satterthwaite')"),
       java = list(fixed = m$fixed, random = m$random, within = "none", ar = "none", covariance = "unstructured"),
       terms = rownames(s), estimate = unname(s[, "Estimate"]), se = unname(s[, "Std. Error"]),
       df = unname(s[, "df"]), log_lik = as.numeric(logLik(fit)))
})
write_json(out, "lmertest_goldens.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
writeLines(c(R.version.string, paste("lme4", packageVersion("lme4")), paste("lmerTest", packageVersion("lmerTest")),
             paste("numDeriv", packageVersion("numDeriv")), paste("jsonlite", packageVersion("jsonlite"))),
           "VERSIONS.txt")
files <- c("sim_diary_balanced.csv", "sim_diary_unbalanced.csv", "lmertest_goldens.json", "make_lmertest.R")
writeLines(paste(sapply(files, function(f) digest_sha <- system2("sha256sum", f, stdout = TRUE))), "SHA256SUMS")
