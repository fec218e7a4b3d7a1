# Reliability: dyadkit reliability vs psych::alpha and psych::omega on simulated item data.
# Run: Rscript verification/reliability/compare_reliability.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
suppressPackageStartupMessages({ library(psych); library(GPArotation) })
od <- outdir("reliability")
TOL <- 1e-8; TOL_OMEGA <- 1e-3

# ordinal items from a bifactor model: general factor + one group factor per subscale
sim_items <- function(seed, n, groups, rev, min, max, lg = 0.5, ls = 0.45, pmiss = 0.05) {
  set.seed(seed)
  k <- max(unlist(groups)); g <- rnorm(n); x <- matrix(NA_real_, n, k)
  for (s in seq_along(groups)) {
    f <- rnorm(n)
    for (i in groups[[s]]) {
      lat <- lg * g + ls * f + sqrt(1 - lg^2 - ls^2) * rnorm(n)
      if (i %in% rev) lat <- -lat
      x[, i] <- pmin(max, pmax(min, round((min + max) / 2 + lat * (max - min) / 4)))
    }
  }
  x[matrix(runif(n * k) < pmiss, n)] <- NA
  x
}
insts <- list(
  list(id = "scs", seed = 501, n = 350, min = 1, max = 5, rev = c(1, 2, 4, 6, 8, 11, 13, 16, 18, 20, 21, 24, 25),
       groups = list(c(5, 12, 19, 23, 26), c(1, 8, 11, 16, 21), c(3, 7, 10, 15), c(4, 13, 18, 25), c(9, 14, 17, 22), c(2, 6, 20, 24))),
  list(id = "ecr-s", seed = 502, n = 220, min = 1, max = 7, rev = c(1, 5, 8, 9),
       groups = list(c(2, 4, 6, 8, 10, 12), c(1, 3, 5, 7, 9, 11))),
  list(id = "ras", seed = 503, n = 120, min = 1, max = 5, rev = c(4, 7), groups = list(1:7)),
  list(id = "scs-sf", seed = 504, n = 500, min = 1, max = 5, rev = c(1, 4, 8, 9, 11, 12),
       groups = list(c(2, 6), c(11, 12), c(5, 10), c(4, 8), c(3, 7), c(1, 9)))
)

for (ins in insts) {
  x <- sim_items(ins$seed, ins$n, ins$groups, ins$rev, ins$min, ins$max)
  d <- data.frame(id = seq_len(ins$n), x); names(d) <- c("id", paste0("I", seq_len(ncol(x))))
  f <- file.path(od, paste0(ins$id, ".csv")); write.csv(d, f, row.names = FALSE, na = "")
  for (use in c("pairwise", "listwise")) {
    j <- dyadkit_json(c("reliability", "--instrument", ins$id, "--input", f, "--items", "I{n}", "--use", use))
    label0 <- paste(ins$id, "seed", ins$seed, use)
    if (length(j) == 0) { cat("DYADKIT FAILED", label0, attr(j, "stderr"), "\n"); check(label0, "ran", 1, 0, 0); next }
    for (sc in j$scales) {
      label <- paste(label0, sc$scale)
      cols <- unlist(sc$items); nums <- unlist(sc$item_numbers)
      m <- as.matrix(d[, cols, drop = FALSE])
      rv <- intersect(nums, ins$rev)
      # negative subscales are reported in their own direction; dyadkit lists what it reversed
      rcols <- unlist(sc$reversed)
      if (length(rcols)) m[, rcols] <- ins$min + ins$max - m[, rcols]
      if (use == "listwise") m <- m[complete.cases(m), , drop = FALSE]
      a <- suppressWarnings(suppressMessages(psych::alpha(m, check.keys = FALSE, warnings = FALSE)))
      t <- a$total
      check(label, "n_respondents", sc$n_respondents, if (use == "listwise") nrow(m) else ins$n, 0)
      al <- sc$alpha
      check(label, "raw_alpha", al$raw_alpha, t$raw_alpha, TOL)
      check(label, "std_alpha", al$std_alpha, t$std.alpha, TOL)
      check(label, "G6(smc)", al$g6_smc, t$`G6(smc)`, TOL)
      check(label, "average_r", al$average_r, t$average_r, TOL)
      check(label, "median_r", al$median_r, t$median_r, TOL)
      check(label, "S/N", al$signal_noise, t$`S/N`, TOL)
      check(label, "alpha se", al$alpha_se, t$ase, TOL)
      check(label, "scale mean", al$scale_mean, t$mean, TOL)
      check(label, "scale sd", al$scale_sd, t$sd, TOL)
      # psych reports var.r only per dropped item; for the whole scale it is var of the lower triangle of
      # cov2cor(cov(x, use = "pairwise")), the matrix psych::alpha works from
      r <- cov2cor(cov(m, use = "pairwise")); check(label, "var_r", al$var_r, var(r[lower.tri(r)]), TOL)
      check(label, "feldt lower", al$feldt$lower, a$feldt$lower.ci[[1]], 1e-8)
      check(label, "feldt upper", al$feldt$upper, a$feldt$upper.ci[[1]], 1e-8)
      is <- a$item.stats; dr <- a$alpha.drop
      for (k in seq_along(sc$item_statistics)) {
        it <- sc$item_statistics[[k]]; nm <- it$item
        check(label, paste(nm, "n"), it$n, is[nm, "n"], 0)
        check(label, paste(nm, "mean"), it$mean, is[nm, "mean"], TOL)
        check(label, paste(nm, "sd"), it$sd, is[nm, "sd"], TOL)
        check(label, paste(nm, "raw.r"), it$raw_r, is[nm, "raw.r"], TOL)
        check(label, paste(nm, "std.r"), it$std_r, is[nm, "std.r"], TOL)
        check(label, paste(nm, "r.cor"), it$r_cor, is[nm, "r.cor"], TOL)
        check(label, paste(nm, "r.drop"), it$r_drop, is[nm, "r.drop"], TOL)
        check(label, paste(nm, "alpha if dropped"), it$if_dropped$raw_alpha, dr[nm, "raw_alpha"], TOL)
        check(label, paste(nm, "std alpha if dropped"), it$if_dropped$std_alpha, dr[nm, "std.alpha"], TOL)
        check(label, paste(nm, "G6 if dropped"), it$if_dropped$g6_smc, dr[nm, "G6(smc)"], TOL)
        check(label, paste(nm, "var.r if dropped"), it$if_dropped$var_r, dr[nm, "var.r"], TOL)
        check(label, paste(nm, "med.r if dropped"), it$if_dropped$median_r, dr[nm, "med.r"], TOL)
      }
      if (!is.null(sc$omega_total)) {
        o1 <- tryCatch(suppressWarnings(suppressMessages(psych::omega(m, nfactors = 1, plot = FALSE))), error = function(e) e)
        if (!inherits(o1, "error")) check(label, "omega total (1 factor)", sc$omega_total$omega_total, o1$omega.tot, TOL_OMEGA)
      }
      if (!is.null(sc$omega_hierarchical)) {
        nf <- sc$omega_hierarchical$n_factors
        o <- tryCatch(suppressWarnings(suppressMessages(psych::omega(m, nfactors = nf, plot = FALSE))), error = function(e) e)
        if (!inherits(o, "error")) {
          check(label, "omega_h", sc$omega_hierarchical$omega_h, o$omega_h, TOL_OMEGA)
          check(label, "omega total (SL)", sc$omega_hierarchical$omega_total, o$omega.tot, TOL_OMEGA)
          check(label, "omega_limit", sc$omega_hierarchical$omega_limit, o$omega.lim, TOL_OMEGA)
          check(label, "ECV", sc$omega_hierarchical$ecv, o$ECV, TOL_OMEGA)
        } else cat("R omega failed", label, conditionMessage(o), "\n")
      }
    }
  }
}
finish("reliability")

# --by COL (each group separately) and --item-set, on the SCS-SF data with a group column
.log$rows <- list()
ins <- insts[[4]]
x <- sim_items(ins$seed, ins$n, ins$groups, ins$rev, ins$min, ins$max)
set.seed(505); grp <- sample(c("wife", "husband"), ins$n, TRUE)
d <- data.frame(id = seq_len(ins$n), role = grp, x); names(d) <- c("id", "role", paste0("I", 1:12))
f <- file.path(od, "scs-sf_by.csv"); write.csv(d, f, row.names = FALSE, na = "")
j <- dyadkit_json(c("reliability", "--instrument", "scs-sf", "--input", f, "--items", "I{n}", "--by", "role", "--subscale", "total"))
for (sc in j$scales) {
  m <- as.matrix(d[d$role == sc$group, unlist(sc$items)]); rc <- unlist(sc$reversed); m[, rc] <- 6 - m[, rc]
  a <- suppressWarnings(psych::alpha(m, check.keys = FALSE, warnings = FALSE))
  check(paste("scs-sf by", sc$group), "raw_alpha", sc$alpha$raw_alpha, a$total$raw_alpha, TOL)
  check(paste("scs-sf by", sc$group), "std_alpha", sc$alpha$std_alpha, a$total$std.alpha, TOL)
  check(paste("scs-sf by", sc$group), "n_respondents", sc$n_respondents, nrow(m), 0)
}
check("scs-sf by", "groups reported", length(j$scales), 2, 0)
j <- dyadkit_json(c("reliability", "--instrument", "scs-sf", "--input", f, "--items", "I{n}", "--item-set", "1,4,8-9,12"))
for (sc in j$scales) {
  m <- as.matrix(d[, unlist(sc$items)]); rc <- unlist(sc$reversed); m[, rc] <- 6 - m[, rc]
  check_eq("scs-sf item-set", "items", unlist(sc$item_numbers), c(1L, 4L, 8L, 9L, 12L))
  check_eq("scs-sf item-set", "reversed", sort(rc), sort(paste0("I", c(1, 4, 8, 9, 12))))
  a <- suppressWarnings(psych::alpha(m, check.keys = FALSE, warnings = FALSE))
  check("scs-sf item-set", "raw_alpha", sc$alpha$raw_alpha, a$total$raw_alpha, TOL)
}
finish("reliability_by")

# a Qualtrics export (two extra header rows) into reliability: reliability has no --qualtrics option,
# so the two rows should not count as respondents (needs scoring/dirty_inputs.R to have written the file)
.log$rows <- list()
fq <- file.path(vroot, "out", "scoring_dirty", "survey_qualtrics.csv"); fc <- file.path(vroot, "out", "scoring_dirty", "survey_clean.csv")
if (file.exists(fq)) {
  jq <- dyadkit_json(c("reliability", "--instrument", "scs-sf", "--input", fq, "--items", "SCSF_{n}", "--subscale", "total"))
  jc <- dyadkit_json(c("reliability", "--instrument", "scs-sf", "--input", fc, "--items", "SCSF_{n}", "--subscale", "total"))
  m <- as.matrix(read.csv(fc)[, paste0("SCSF_", 1:12)]); rc <- c(1, 4, 8, 9, 11, 12); m[, rc] <- 6 - m[, rc]
  a <- suppressWarnings(psych::alpha(m, check.keys = FALSE, warnings = FALSE))
  check("qualtrics export", "n_respondents", jq$scales[[1]]$n_respondents, 60, 0)
  check("qualtrics export", "alpha_se", jq$scales[[1]]$alpha$alpha_se, a$total$ase, 1e-8)
  check("qualtrics export", "feldt lower", jq$scales[[1]]$alpha$feldt$lower, a$feldt$lower.ci[[1]], 1e-8)
  check("clean export", "alpha_se", jc$scales[[1]]$alpha$alpha_se, a$total$ase, 1e-8)
  finish("reliability_qualtrics")
}
