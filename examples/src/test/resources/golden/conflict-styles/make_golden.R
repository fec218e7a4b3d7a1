# Goldens for the conflict-style part of the simulated couple survey, typed independently of dyadkit:
#  1. per row of data-samples/simulated_couples.csv: the SCS-26 total (Neff 2003 key; mean of the six
#     subscale means after reversing the negative subscales' items, 6 - x) and the six conflict-style
#     means (cs1..cs30 in blocks of five: compromise 1-5, domination 6-10, submission 11-15,
#     avoidance 16-20, separation 21-25, interactional reactivity 26-30), each under the 80 % rule of
#     data-samples/run.sh (a score over k items needs ceiling(0.8 k) valid answers; a cell is valid when it
#     is a whole number in 1..5);
#  2. the APIM of compromise and of submission on the SCS totals, distinguishable dyads (man, woman),
#     two-intercept parameterisation, nlme::gls with compound symmetry within couples and role-specific
#     variances (varIdent), REML; a person enters when their outcome and both partners' SCS totals exist.
# Run from the repository root:
#   Rscript examples/src/test/resources/golden/conflict-styles/make_golden.R
suppressPackageStartupMessages(library(nlme))
out <- "examples/src/test/resources/golden/conflict-styles"
raw <- read.csv("data-samples/simulated_couples.csv", colClasses = "character")
valid <- function(col) {
  v <- suppressWarnings(as.numeric(col))
  ifelse(!is.na(v) & v == round(v) & v >= 1 & v <= 5, v, NA_real_)
}
items <- function(prefix, n) sapply(n, function(i) valid(raw[[paste0(prefix, i)]]))
need <- function(k) ceiling(0.8 * k - 1e-9)
mean_rule <- function(M) {
  M <- as.matrix(M)
  ifelse(rowSums(!is.na(M)) >= need(ncol(M)), rowMeans(M, na.rm = TRUE), NA_real_)
}
scs <- items("scs", 1:26)
neg <- c(1, 2, 4, 6, 8, 11, 13, 16, 18, 20, 21, 24, 25)
scs[, neg] <- 6 - scs[, neg]
scs_key <- list(c(5, 12, 19, 23, 26), c(1, 8, 11, 16, 21), c(3, 7, 10, 15), c(4, 13, 18, 25),
                c(9, 14, 17, 22), c(2, 6, 20, 24))
sub <- sapply(scs_key, function(k) mean_rule(scs[, k, drop = FALSE]))
scs_total <- ifelse(rowSums(is.na(sub)) == 0, rowMeans(sub), NA_real_)
styles <- c("compromise", "domination", "submission", "avoidance", "separation", "interactional_reactivity")
cs <- items("cs", 1:30)
sty <- sapply(seq_along(styles), function(k) mean_rule(cs[, (5 * k - 4):(5 * k), drop = FALSE]))
colnames(sty) <- styles
fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
scores <- data.frame(line = seq_len(nrow(raw)), couple_id = raw$couple_id, role = raw$role,
                     scs_total = fmt(scs_total))
for (s in styles) scores[[s]] <- fmt(sty[, s])
write.csv(scores, file.path(out, "scores_golden.csv"), row.names = FALSE, quote = FALSE)

d <- data.frame(grp = raw$couple_id, role = raw$role, x = scs_total, sty)
partner <- function(v) {
  key <- paste(d$grp, ifelse(d$role == "man", "woman", "man"))
  v[match(key, paste(d$grp, d$role))]
}
d$x_P <- partner(d$x)
d$A <- as.numeric(d$role == "man"); d$B <- as.numeric(d$role == "woman")
rows <- list()
for (y in c("compromise", "submission")) {
  dd <- d[!is.na(d[[y]]) & !is.na(d$x) & !is.na(d$x_P), ]
  dd$y <- dd[[y]]
  f <- gls(y ~ A + B + x:A + x:B + x_P:A + x_P:B - 1, data = dd,
           correlation = corCompSymm(form = ~ 1 | grp), weights = varIdent(form = ~ 1 | role), method = "REML")
  tt <- summary(f)$tTable
  terms <- c("intercept:man", "intercept:woman", "actor:man", "actor:woman", "partner:man", "partner:woman")
  rows[[y]] <- data.frame(outcome = y, term = terms, estimate = fmt(tt[, 1]), se = fmt(tt[, 2]),
                          n_obs = nrow(dd), n_dyads = length(unique(dd$grp)), loglik = fmt(as.numeric(logLik(f))))
}
write.csv(do.call(rbind, rows), file.path(out, "apim_golden.csv"), row.names = FALSE, quote = FALSE)
writeLines(c(R.version.string, paste("nlme", packageVersion("nlme")),
             paste("input data-samples/simulated_couples.csv sha256",
                   system("sha256sum data-samples/simulated_couples.csv | cut -d' ' -f1", intern = TRUE))),
           file.path(out, "VERSIONS.txt"))
