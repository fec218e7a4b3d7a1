# Produces the reliability goldens: seeded simulated item data with missing cells (input CSVs) and
# psych::alpha / psych::omega results on them (JSON, full precision).
# Run from this folder: Rscript make_goldens.R   (R and package versions: VERSIONS.txt)
suppressPackageStartupMessages({ library(psych); library(jsonlite) })
options(warn = 1)

likert <- function(y, cuts = c(-1.5, -0.5, 0.5, 1.5)) findInterval(y, cuts) + 1L

# reverse-keyed items are reversed with the item range (min + max - x), as dyadkit does, before psych sees them
keyed <- function(x, rev, min = 1, max = 5) { x[, rev] <- min + max - x[, rev]; x }

alpha_json <- function(x, use) {
  a <- if (use == "listwise") psych::alpha(na.omit(x), warnings = FALSE) else psych::alpha(x, warnings = FALSE)
  list(
    use = use,
    total = as.list(a$total),
    var_r = a$var.r,
    feldt = list(lower = a$feldt$lower.ci[[1]], upper = a$feldt$upper.ci[[1]]),
    drop = lapply(seq_len(nrow(a$alpha.drop)), function(i) as.list(a$alpha.drop[i, ])),
    items = lapply(seq_len(nrow(a$item.stats)), function(i) as.list(a$item.stats[i, ])),
    item_names = rownames(a$item.stats))
}

omega_json <- function(x, nf, use) {
  d <- if (use == "listwise") na.omit(x) else x
  o <- suppressMessages(suppressWarnings(psych::omega(d, nfactors = nf, plot = FALSE)))
  sl <- o$schmid$sl
  out <- list(use = use, nfactors = nf, omega_h = o$omega_h, omega_tot = o$omega.tot, omega_lim = o$omega.lim,
              ecv = unname(o$ECV), g = unname(sl[, 1]), h2 = unname(sl[, "h2"]))
  if (nf > 1) {
    out$group <- unname(sl[, 2:(nf + 1)])
    out$omega_group <- lapply(seq_len(nrow(o$omega.group)), function(i) as.list(o$omega.group[i, ]))
  }
  out
}

write_input <- function(df, file) write.csv(df, file, row.names = FALSE, na = "")

# ---- data set 1: a 6-item scale, 1-5, item 4 reverse-keyed, ~8% missing cells, one all-missing row ----
set.seed(20261125)
n <- 240
f <- rnorm(n)
lam <- c(0.7, 0.6, 0.65, -0.55, 0.5, 0.45)
y <- sapply(lam, function(l) l * f + sqrt(1 - l^2) * rnorm(n))
x1 <- matrix(likert(y), n)
colnames(x1) <- paste0("it", 1:6)
x1[matrix(runif(n * 6) < 0.08, n)] <- NA
x1[17, ] <- NA
x1 <- as.data.frame(x1)
x1$role <- rep(c("partner_a", "partner_b"), length.out = n)
x1$site <- rep(c("north", "south", "east"), length.out = n)
write_input(x1, "scale6.csv")
k1 <- keyed(x1[, 1:6], 4)
g1 <- list(
  pairwise = alpha_json(k1, "pairwise"),
  listwise = alpha_json(k1, "listwise"),
  omega_pairwise = omega_json(k1, 1, "pairwise"),
  omega_listwise = omega_json(k1, 1, "listwise"),
  by_role = lapply(split(k1, x1$role), function(d) list(alpha = alpha_json(d, "pairwise"),
                                                        omega = omega_json(d, 1, "pairwise"))),
  two_items = alpha_json(k1[, c(1, 2)], "pairwise"),
  three_items = alpha_json(k1[, c(1, 3, 4)], "pairwise"))
writeLines(toJSON(g1, auto_unbox = TRUE, digits = NA, na = "null"), "scale6.json")

# ---- data set 2: an SCS-like 26-item, 6-factor instrument (SCS-26 key), bifactor data, ~5% missing ----
set.seed(7)
n <- 500
sub <- list(self_kindness = c(5, 12, 19, 23, 26), self_judgment = c(1, 8, 11, 16, 21),
            common_humanity = c(3, 7, 10, 15), isolation = c(4, 13, 18, 25),
            mindfulness = c(9, 14, 17, 22), over_identification = c(2, 6, 20, 24))
rev <- c(sub$self_judgment, sub$isolation, sub$over_identification)
g <- rnorm(n)
s <- matrix(rnorm(n * 6), n)
y <- matrix(0, n, 26)
for (j in seq_along(sub)) for (i in sub[[j]]) {
  lg <- runif(1, 0.45, 0.7); ls <- runif(1, 0.35, 0.6)
  y[, i] <- lg * g + ls * s[, j] + sqrt(max(0.1, 1 - lg^2 - ls^2)) * rnorm(n)
  if (i %in% rev) y[, i] <- -y[, i]
}
x2 <- matrix(likert(y), n)
colnames(x2) <- paste0("scs", 1:26)
x2[matrix(runif(n * 26) < 0.05, n)] <- NA
x2 <- as.data.frame(x2)
x2$couple <- rep(seq_len(n / 2), each = 2)
x2$role <- rep(c("wife", "husband"), n / 2)
write_input(x2, "scs26.csv")
k2 <- keyed(x2[, 1:26], rev)
g2 <- list(
  reversed = rev,
  total_pairwise = alpha_json(k2, "pairwise"),
  total_listwise = alpha_json(k2, "listwise"),
  omega6_pairwise = omega_json(k2, 6, "pairwise"),
  omega6_listwise = omega_json(k2, 6, "listwise"),
  omega3_pairwise = omega_json(k2[, c(sub$self_kindness, sub$self_judgment, sub$common_humanity)], 3, "pairwise"),
  omega2_pairwise = omega_json(k2[, c(sub$self_kindness, sub$self_judgment)], 2, "pairwise"),
  omega1_pairwise = omega_json(k2, 1, "pairwise"),
  subscales = lapply(sub, function(items) list(alpha = alpha_json(k2[, items], "pairwise"),
                                               omega = omega_json(k2[, items], 1, "pairwise"))),
  by_role = lapply(split(k2, x2$role), function(d) list(alpha = alpha_json(d, "pairwise"),
                                                        omega6 = omega_json(d, 6, "pairwise"))))
writeLines(toJSON(g2, auto_unbox = TRUE, digits = NA, na = "null"), "scs26.json")

# ---- data set 3: a Heywood case (one item's communality above 1 in the one-factor minres solution) ----
set.seed(3)
n <- 300
g <- rnorm(n); h <- 0.4 * g + sqrt(1 - 0.16) * rnorm(n)
x3 <- cbind(h1 = round(g + h + 0.3 * rnorm(n), 1), h2 = round(g + 0.5 * rnorm(n), 1),
            h3 = round(h + 0.5 * rnorm(n), 1), h4 = round(0.3 * g + 0.3 * h + rnorm(n), 1))
x3[sample(length(x3), 40)] <- NA
write_input(as.data.frame(x3), "heywood.csv")
g3 <- list(alpha = alpha_json(as.data.frame(x3), "pairwise"), omega = omega_json(as.data.frame(x3), 1, "pairwise"))
writeLines(toJSON(g3, auto_unbox = TRUE, digits = NA, na = "null"), "heywood.json")

# ---- data set 4: heavy missingness (25% of cells), answers 0-6, items 2 and 7 reverse-keyed ----
set.seed(44)
n <- 200
f <- rnorm(n)
lam <- c(0.6, -0.5, 0.7, 0.55, 0.65, 0.5, -0.6, 0.45)
y <- sapply(lam, function(l) l * f + sqrt(1 - l^2) * rnorm(n))
x4 <- matrix(findInterval(y, c(-1.6, -0.9, -0.3, 0.3, 0.9, 1.6)), n)
colnames(x4) <- paste0("m", 1:8)
x4[matrix(runif(n * 8) < 0.25, n)] <- NA
write_input(as.data.frame(x4), "sparse8.csv")
k4 <- keyed(as.data.frame(x4), c(2, 7), min = 0, max = 6)
g4 <- list(pairwise = alpha_json(k4, "pairwise"), listwise = alpha_json(k4, "listwise"),
           omega_pairwise = omega_json(k4, 1, "pairwise"), omega2_pairwise = omega_json(k4, 2, "pairwise"))
writeLines(toJSON(g4, auto_unbox = TRUE, digits = NA, na = "null"), "sparse8.json")

writeLines(c(R.version.string, paste("psych", packageVersion("psych")),
             paste("GPArotation", packageVersion("GPArotation")), paste("jsonlite", packageVersion("jsonlite"))),
           "VERSIONS.txt")
inputs <- c("scale6.csv", "scs26.csv", "heywood.csv", "sparse8.csv")
writeLines(paste(sapply(inputs, function(f) strsplit(system2("sha256sum", f, stdout = TRUE), " ")[[1]][1]), inputs, sep = "  "), "SHA256SUMS")
