# Goldens for dyadkit's APIMeM delta-method SEs (total indirect, total effects, proportion mediated).
# Run from this folder: Rscript make_goldens.R. Input ../apim/acitelli_individual.csv (sha256 in SHA256SUMS).
# Distinguishable APIMeM of other_pos -> tension -> satisfaction as three REML gls fits (two-intercept,
# varIdent), as dyadkit fits it; gradients written out by hand (sums of products a*b, plus c'), the a paths
# independent of the b and c' paths (separate models), the b and c' paths with their joint vcov.
suppressPackageStartupMessages(library(nlme))
options(digits = 17)
aci <- read.csv("../apim/acitelli_individual.csv")
aci$role <- ifelse(aci$gender == 1, "H", "W")
p <- aci[, c("cuplid", "other_pos", "tension", "role")]; names(p) <- c("cuplid", "XP", "MP", "role_P")
d <- merge(aci, p, by = "cuplid"); d <- d[d$role != d$role_P, ]
d$XA <- d$other_pos; d$MA <- d$tension; d$grp <- factor(d$cuplid)
d$H <- as.numeric(d$role == "H"); d$W <- 1 - d$H
g <- function(f) gls(f, data = d, correlation = corCompSymm(form = ~ 1 | grp), weights = varIdent(form = ~ 1 | role))
fa <- g(tension ~ H + W + XA:H + XA:W + XP:H + XP:W - 1)
fb <- g(satisfaction ~ H + W + MA:H + MA:W + MP:H + MP:W + XA:H + XA:W + XP:H + XP:W - 1)
a <- coef(fa); Va <- vcov(fa); b <- coef(fb); Vb <- vcov(fb)
# a paths: actor a_r = XA:r, partner a_r = XP:r (partner effect on r's mediator); b: MA:r, MP:r; c': XA:r, XP:r
A <- function(k, r) paste0(r, ":", k); nmA <- names(a); nmB <- names(b)
ix <- function(nm, key) { i <- which(nm == key); if (!length(i)) i <- which(nm == sub("^(.):(.*)$", "\\2:\\1", key)); i }
out <- data.frame(case = character(), quantity = character(), value = numeric())
put <- function(case, q, v) out[nrow(out) + 1, ] <<- list(case, q, v)
roles <- c("H", "W")
for (r in roles) {
  o <- setdiff(roles, r)
  for (eff in c("actor", "partner")) {
    ga <- setNames(numeric(length(a)), nmA); gb <- setNames(numeric(length(b)), nmB)
    if (eff == "actor") {
      # a_A(r) b_A(r) + a_P(o) b_P(r): X_r -> M_r -> Y_r and X_r -> M_o -> Y_r
      terms <- list(c(ix(nmA, A("XA", r)), ix(nmB, A("MA", r))), c(ix(nmA, A("XP", o)), ix(nmB, A("MP", r))))
      cp <- ix(nmB, A("XA", r))
    } else {
      # a_A(o) b_P(r) + a_P(r) b_A(r): X_o -> M_o -> Y_r and X_o -> M_r -> Y_r
      terms <- list(c(ix(nmA, A("XA", o)), ix(nmB, A("MP", r))), c(ix(nmA, A("XP", r)), ix(nmB, A("MA", r))))
      cp <- ix(nmB, A("XP", r))
    }
    ind <- 0
    for (t in terms) { ind <- ind + a[t[1]] * b[t[2]]; ga[t[1]] <- ga[t[1]] + b[t[2]]; gb[t[2]] <- gb[t[2]] + a[t[1]] }
    vi <- as.numeric(t(ga) %*% Va %*% ga + t(gb) %*% Vb %*% gb)
    gbt <- gb; gbt[cp] <- gbt[cp] + 1
    tot <- ind + b[cp]
    vt <- as.numeric(t(ga) %*% Va %*% ga + t(gbt) %*% Vb %*% gbt)
    # proportion ind / tot: gradient (g_ind tot - ind g_tot) / tot^2
    gpa <- (ga * tot - ind * ga) / tot^2; gpb <- (gb * tot - ind * gbt) / tot^2
    vp <- as.numeric(t(gpa) %*% Va %*% gpa + t(gpb) %*% Vb %*% gpb)
    case <- paste(eff, r, sep = "/")
    put(case, "total_indirect", ind); put(case, "total_indirect_se", sqrt(vi))
    put(case, "total", tot); put(case, "total_se", sqrt(vt))
    put(case, "proportion", ind / tot); put(case, "proportion_se", sqrt(vp))
  }
}
write.csv(out, "delta_goldens.csv", row.names = FALSE)
writeLines(c(R.version.string, paste("nlme", packageVersion("nlme"))), "VERSIONS.txt")
