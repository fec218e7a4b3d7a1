# Observed-score "population" values of the simulated couple survey: scores a large clean run with the
# instruments' standard conventions and prints the statistics quoted in docs/samples.md.
# Make the input first, from the repository root:
#   mvn -q -pl examples -am process-classes -Psimulate \
#     -Dexec.args="--couples 100000 --clean --output /tmp/sim100k.csv --latent /tmp/sim100k_latent.csv"
#   Rscript data-samples/simulated_couples_population.R /tmp/sim100k.csv /tmp/sim100k_latent.csv
# (R 4.2.2, base R only; the conflict-style part was added with the cs1..cs30 columns)
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
lat <- read.csv(args[2])
m <- function(cols) rowMeans(d[, cols])
it <- function(prefix, n) paste0(prefix, n)
sk <- m(it("scs", c(5, 12, 19, 23, 26))); sj <- m(it("scs", c(1, 8, 11, 16, 21)))
ch <- m(it("scs", c(3, 7, 10, 15)));      is <- m(it("scs", c(4, 13, 18, 25)))
mi <- m(it("scs", c(9, 14, 17, 22)));     oi <- m(it("scs", c(2, 6, 20, 24)))
d$scs_total <- (sk + (6 - sj) + ch + (6 - is) + mi + (6 - oi)) / 6
d$as_al <- rowSums(d[, it("as", c(1, 8, 9, 11))])
d$as_aei <- rowSums(d[, it("as", c(3, 4, 5, 6))])
d$as_sa <- rowSums(d[, it("as", c(2, 7, 10, 12))])
r <- d[, it("ras", 1:7)]; r$ras4 <- 6 - r$ras4; r$ras7 <- 6 - r$ras7
d$ras_total <- rowMeans(r)
d$caring <- m(it("pb", 1:3)); d$controlling <- m(it("pb", 4:6)); d$accepting <- m(it("pb", 7:9))
man <- d[d$role == "man", ]; wom <- d[d$role == "woman", ]
stopifnot(all(man$couple_id == wom$couple_id))
lm_ <- lat[lat$role == "man", ]; lw <- lat[lat$role == "woman", ]
f <- function(x) formatC(x, digits = 3, format = "f")
cat("n_couples", nrow(man), "\n")
cat("latent: cor(eta_m, eta_w) =", f(cor(lm_$self_compassion, lw$self_compassion)),
    " mean diff =", f(mean(lm_$self_compassion) - mean(lw$self_compassion)), "\n")
cat("latent APIM (pooled): ", f(coef(lm(c(lm_$satisfaction, lw$satisfaction) ~
    c(lm_$self_compassion, lw$self_compassion) + c(lw$self_compassion, lm_$self_compassion)))), "\n")
cat("scs_total mean man/woman:", f(mean(man$scs_total)), f(mean(wom$scs_total)),
    " sd:", f(sd(man$scs_total)), f(sd(wom$scs_total)),
    " d:", f((mean(man$scs_total) - mean(wom$scs_total)) / sqrt((var(man$scs_total) + var(wom$scs_total)) / 2)), "\n")
for (v in c("scs_total", "as_al", "as_aei", "as_sa", "ras_total", "caring", "controlling", "accepting"))
  cat(sprintf("%-12s mean %s sd %s  partner r %s\n", v, f(mean(d[[v]])), f(sd(d[[v]])), f(cor(man[[v]], wom[[v]]))))
cat("cor(own scs_total, own AS):", f(cor(d$scs_total, d$as_al)), f(cor(d$scs_total, d$as_aei)), f(cor(d$scs_total, d$as_sa)), "\n")
# a person's self-compassion against the partner's ratings of that person (the partner's pb columns)
cat("cor(scs_total, behaviour as rated by partner) caring/controlling/accepting:",
    f(cor(c(man$scs_total, wom$scs_total), c(wom$caring, man$caring))),
    f(cor(c(man$scs_total, wom$scs_total), c(wom$controlling, man$controlling))),
    f(cor(c(man$scs_total, wom$scs_total), c(wom$accepting, man$accepting))), "\n")
cat("cor(scs_total, own ratings of partner) caring:", f(cor(d$scs_total, d$caring)), "\n")
ras <- c(man$ras_total, wom$ras_total); act <- c(man$scs_total, wom$scs_total); par <- c(wom$scs_total, man$scs_total)
cat("observed APIM pooled ras_total ~ actor + partner:", f(coef(lm(ras ~ act + par))), "\n")
cat("observed APIM man:", f(coef(lm(man$ras_total ~ man$scs_total + wom$scs_total))),
    " woman:", f(coef(lm(wom$ras_total ~ wom$scs_total + man$scs_total))), "\n")
# Cronbach's alpha (base R), negative items reversed first
alpha <- function(x) { k <- ncol(x); k / (k - 1) * (1 - sum(apply(x, 2, var)) / var(rowSums(x))) }
s <- d[, it("scs", 1:26)]; neg <- c(1, 2, 4, 6, 8, 11, 13, 16, 18, 20, 21, 24, 25); s[, neg] <- 6 - s[, neg]
cat("alpha SCS-26:", f(alpha(s)),
    " AS AL/AEI/SA:", f(alpha(d[, it("as", c(1, 8, 9, 11))])), f(alpha(d[, it("as", c(3, 4, 5, 6))])),
    f(alpha(d[, it("as", c(2, 7, 10, 12))])), " RAS:", f(alpha(r)),
    " caring/controlling/accepting:", f(alpha(d[, it("pb", 1:3)])), f(alpha(d[, it("pb", 4:6)])),
    f(alpha(d[, it("pb", 7:9)])), "\n")
# Conflict styles (cs1..cs30, five items each in blocks, no reversal): means of their items
styles <- c("compromise", "domination", "submission", "avoidance", "separation", "interactional_reactivity")
for (k in seq_along(styles)) d[[styles[k]]] <- m(it("cs", (5 * k - 4):(5 * k)))
man <- d[d$role == "man", ]; wom <- d[d$role == "woman", ]
cat("latent style partner r:", sapply(styles, function(s) f(cor(lm_[[s]], lw[[s]]))), "\n")
cat("latent cor(eta, style):", sapply(styles, function(s) f(cor(c(lm_$self_compassion, lw$self_compassion),
    c(lm_[[s]], lw[[s]])))), "\n")
for (s in styles)
  cat(sprintf("%-25s mean %s sd %s  partner r %s  alpha %s  cor(own scs_total) %s\n", s, f(mean(d[[s]])),
      f(sd(d[[s]])), f(cor(man[[s]], wom[[s]])), f(alpha(d[, it("cs", (5 * match(s, styles) - 4):(5 * match(s, styles)))])),
      f(cor(d$scs_total, d[[s]]))))
for (s in c("compromise", "submission")) {
  y <- c(man[[s]], wom[[s]])
  cat("observed APIM pooled", s, "~ actor + partner scs_total:", f(coef(lm(y ~ act + par))), "\n")
  cat("observed APIM", s, "man:", f(coef(lm(man[[s]] ~ man$scs_total + wom$scs_total))),
      " woman:", f(coef(lm(wom[[s]] ~ wom$scs_total + man$scs_total))), "\n")
}
# APIMeM (pooled): compromise as mediator of self-compassion -> satisfaction
comp <- c(man$compromise, wom$compromise); pcomp <- c(wom$compromise, man$compromise)
a <- coef(lm(comp ~ act + par))
b <- coef(lm(ras ~ act + par + comp + pcomp))
cat("APIMeM a paths (actor, partner):", f(a[2:3]), " b paths (actor, partner):", f(b[4:5]),
    " direct (actor, partner):", f(b[2:3]), "\n")
cat("APIMeM indirect effects: actor-actor", f(a[2] * b[4]), " actor-partner (own scs -> own compromise -> partner ras)",
    f(a[2] * b[5]), "\n")
