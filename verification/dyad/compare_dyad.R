# Nonindependence and cross-partner correlations: dyadkit vs base R, from the individual, dyad and
# pairwise layouts. Run: Rscript verification/dyad/compare_dyad.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
source(file.path(vroot, "apim", "gen_apim.R"))
od <- outdir("dyad")
TOL <- 1e-8
vars <- c("y", "x1", "x2")
cases <- list(
  list(id = "n5_dist", seed = 201, n = 5, gen = list(dist = TRUE, rho = 0.5)),
  list(id = "n40_dist_negrho", seed = 202, n = 40, gen = list(dist = TRUE, rho = -0.6)),
  list(id = "n90_dist_missing", seed = 203, n = 90, gen = list(dist = TRUE, rho = 0.4, drop_member = 8, miss_y = 7, miss_x = 6)),
  list(id = "n30_indist_negicc", seed = 204, n = 30, gen = list(dist = FALSE, rho = -0.7)),
  list(id = "n250_indist_missing", seed = 205, n = 250, gen = list(dist = FALSE, rho = 0.5, drop_member = 15, miss_y = 12, miss_x = 9)),
  list(id = "n7_indist", seed = 206, n = 7, gen = list(dist = FALSE, rho = 0.3))
)

# wide data (one row per dyad) with V_M/V_F or V_1/V_2 (members numbered in order of appearance)
to_wide <- function(g, dist) {
  if (!dist) g$role <- ave(seq_len(nrow(g)), g$dyad, FUN = function(i) as.character(seq_along(i)))
  ids <- unique(g$dyad); rl <- if (dist) c("M", "F") else c("1", "2")
  w <- data.frame(dyad = ids, stringsAsFactors = FALSE)
  for (r in rl) for (v in vars) w[[paste0(v, "_", r)]] <- g[[v]][match(paste(ids, r), paste(g$dyad, g$role))]
  list(w = w, roles = rl, ind = g)
}
to_pairwise <- function(g, dist) {
  p <- add_partner(g, vars)
  out <- data.frame(dyad = p$dyad, stringsAsFactors = FALSE)
  if (dist) out$role <- p$role
  for (v in vars) { out[[paste0(v, "_A")]] <- p[[v]]; out[[paste0(v, "_P")]] <- p[[paste0(v, "_p")]] }
  out
}

anova_icc <- function(a, b) {      # KKC (2006) pp. 34-35, by hand, complete dyads
  ok <- !is.na(a) & !is.na(b); a <- a[ok]; b <- b[ok]; N <- length(a)
  m <- (a + b) / 2; M <- mean(c(a, b))
  msb <- 2 * sum((m - M)^2) / (N - 1); msw <- sum((a - b)^2) / (2 * N)
  r <- (msb - msw) / (msb + msw)
  if (r >= 0) { f <- msb / msw; d1 <- N - 1; d2 <- N } else { f <- msw / msb; d1 <- N; d2 <- N - 1 }
  list(N = N, r = r, msb = msb, msw = msw, f = f, df1 = d1, df2 = d2, p = min(1, 2 * pf(f, d1, d2, lower.tail = FALSE)))
}
pairwise_r <- function(a, b) {     # double-entry Pearson r over complete dyads
  ok <- !is.na(a) & !is.na(b); cor(c(a[ok], b[ok]), c(b[ok], a[ok]))
}

for (cs in cases) {
  dist <- isTRUE(cs$gen$dist)
  g <- do.call(gen_apim, c(list(seed = cs$seed, n = cs$n), cs$gen))
  g <- g[, c("dyad", "role", vars)]
  wd <- to_wide(g, dist); w <- wd$w; rl <- wd$roles
  files <- list(individual = file.path(od, paste0(cs$id, "_individual.csv")),
                dyad = file.path(od, paste0(cs$id, "_dyad.csv")),
                pairwise = file.path(od, paste0(cs$id, "_pairwise.csv")))
  gi <- g; if (!dist) gi$role <- NULL
  write.csv(gi, files$individual, row.names = FALSE, na = "")
  write.csv(w, files$dyad, row.names = FALSE, na = "")
  write.csv(to_pairwise(g, dist), files$pairwise, row.names = FALSE, na = "")
  for (lay in names(files)) {
    base <- c("--input", files[[lay]], "--layout", lay, "--dyad", "dyad")
    if (dist) base <- c(base, if (lay == "dyad") c("--roles", "M,F") else c("--role", "role", "--roles", "M,F"))
    else if (lay == "dyad") base <- c(base, "--roles", "1,2", "--indistinguishable")
    label <- paste(cs$id, lay)
    a <- c("nonindependence", base); for (v in vars) a <- c(a, "--var", v)
    j <- dyadkit_json(a)
    if (length(j) == 0) { cat("DYADKIT FAILED", label, attr(j, "stderr"), "\n"); check(label, "ran", 0, 1, 0); next }
    for (k in seq_along(vars)) {
      v <- vars[k]; jv <- j$variables[[k]]; check_eq(label, "variable", jv$variable, v)
      a1 <- w[[paste0(v, "_", rl[1])]]; a2 <- w[[paste0(v, "_", rl[2])]]
      cc <- !is.na(a1) & !is.na(a2); N <- sum(cc)
      check(label, paste(v, "n_dyads"), jv$n_dyads, N, 0)
      if (dist) {
        ct <- cor.test(a1, a2)
        check(label, paste(v, "pearson_r"), jv$pearson_r, ct$estimate, TOL)
        check(label, paste(v, "fisher_ci_lower"), jv$fisher_ci_lower, ct$conf.int[1], TOL)
        check(label, paste(v, "fisher_ci_upper"), jv$fisher_ci_upper, ct$conf.int[2], TOL)
        check(label, paste(v, "t"), jv$t, ct$statistic, TOL)
        check(label, paste(v, "df"), jv$df, ct$parameter, 0)
        check(label, paste(v, "p"), jv$p, ct$p.value, 1e-7)
        # Pitman-Morgan as the test of r(sum, difference)
        pm <- cor.test(a1 + a2, a1 - a2)
        check(label, paste(v, "pitman_morgan t"), jv$pitman_morgan$t, pm$statistic, 1e-7)
        check(label, paste(v, "pitman_morgan p"), jv$pitman_morgan$p, pm$p.value, 1e-7)
        for (r in 1:2) {
          xv <- g[[v]][g$role == rl[r]]
          check(label, paste(v, "role n", rl[r]), jv$role_summaries[[r]]$n, sum(!is.na(xv)), 0)
          check(label, paste(v, "role mean", rl[r]), jv$role_summaries[[r]]$mean, mean(xv, na.rm = TRUE), TOL)
          check(label, paste(v, "role sd", rl[r]), jv$role_summaries[[r]]$sd, sd(xv, na.rm = TRUE), TOL)
        }
        tt <- t.test(a1, a2, paired = TRUE); dd <- (a1 - a2)[cc]
        md <- jv$mean_difference
        check(label, paste(v, "paired t"), md$t, tt$statistic, TOL)
        check(label, paste(v, "paired p"), md$p, tt$p.value, 1e-7)
        check(label, paste(v, "mean_difference"), md$mean_difference, mean(dd), TOL)
        check(label, paste(v, "sd_difference"), md$sd_difference, sd(dd), TOL)
        check(label, paste(v, "d_z"), md$d, mean(dd) / sd(dd), TOL)
        check(label, paste(v, "d_av"), md$d_av, mean(dd) / sqrt((var(a1[cc]) + var(a2[cc])) / 2), TOL)
      } else {
        ai <- anova_icc(a1, a2)
        check(label, paste(v, "anova_icc"), jv$anova_icc, ai$r, TOL)
        check(label, paste(v, "ms_between"), jv$ms_between, ai$msb, TOL)
        check(label, paste(v, "ms_within"), jv$ms_within, ai$msw, TOL)
        check(label, paste(v, "f"), jv$f, ai$f, TOL)
        check(label, paste(v, "df1"), jv$df1, ai$df1, 0)
        check(label, paste(v, "df2"), jv$df2, ai$df2, 0)
        check(label, paste(v, "p"), jv$p, ai$p, 1e-7)
        # cross-check the ANOVA ICC with anova(lm) on the individual data
        long <- data.frame(v = c(a1[cc], a2[cc]), d = factor(rep(which(cc), 2)))
        ms <- anova(lm(v ~ d, long))[["Mean Sq"]]
        check(label, paste(v, "anova_icc via anova(lm)"), jv$anova_icc, (ms[1] - ms[2]) / (ms[1] + ms[2]), TOL)
        pr <- pairwise_r(a1, a2)
        check(label, paste(v, "pairwise_r"), jv$pairwise_r, pr, TOL)
        check(label, paste(v, "z"), jv$z, pr * sqrt(N), TOL)
        check(label, paste(v, "pairwise_p"), jv$pairwise_p, 2 * pnorm(-abs(pr * sqrt(N))), 1e-7)
      }
    }
    # correlate
    a <- c("correlate", base, "--vars", paste(vars, collapse = ","))
    j <- dyadkit_json(a)
    if (length(j) == 0) { cat("DYADKIT FAILED correlate", label, attr(j, "stderr"), "\n"); check(label, "correlate ran", 0, 1, 0); next }
    col <- function(v, r) w[[paste0(v, "_", r)]]
    if (dist) {
      for (row in j$rows) {
        xa <- col(row$x, row$x_role); ya <- col(row$y, row$y_role)
        # within-person rows use every person with both values (singletons too): from the individual data
        if (row$type == "within_person") { xa <- g[[row$x]][g$role == row$x_role]; ya <- g[[row$y]][g$role == row$y_role] }
        ct <- cor.test(xa, ya); n <- sum(!is.na(xa) & !is.na(ya))
        nm <- paste("corr", row$type, row$x, row$x_role, row$y, row$y_role)
        check(label, paste(nm, "n"), row$n, n, 0)
        check(label, paste(nm, "r"), row$r, ct$estimate, TOL)
        check(label, paste(nm, "ci_lower"), row$ci_lower, if (n > 3) ct$conf.int[1] else -1, TOL)
        check(label, paste(nm, "t"), row$t, ct$statistic, TOL)
        check(label, paste(nm, "p"), row$p, ct$p.value, 1e-7)
      }
      # every pair, both within-person and both cross-partner directions, must be present
      check(label, "correlate row count", length(j$rows), length(vars) + 4 * choose(length(vars), 2), 0)
    } else {
      for (pr in j$pairs) {
        x1 <- col(pr$x, "1"); x2 <- col(pr$x, "2"); y1 <- col(pr$y, "1"); y2 <- col(pr$y, "2")
        cc <- !is.na(x1) & !is.na(x2) & !is.na(y1) & !is.na(y2); N <- sum(cc)
        X <- c(x1[cc], x2[cc]); Xp <- c(x2[cc], x1[cc]); Y <- c(y1[cc], y2[cc]); Yp <- c(y2[cc], y1[cc])
        rxx <- cor(X, Xp); ryy <- cor(Y, Yp)
        # Griffin & Gonzalez (1995) double-entry correlations
        sx <- sqrt(sum((X - mean(X))^2)); sy <- sqrt(sum((Y - mean(Y))^2))
        rxy <- sum((X - mean(X)) * (Y - mean(Y))) / (sx * sy)
        rxyp <- sum((X - mean(X)) * (Yp - mean(Y))) / (sx * sy)
        ns <- 2 * N / (1 + rxx * ryy + rxyp^2); nsc <- 2 * N / (1 + rxx * ryy + rxy^2)
        nm <- paste("gg", pr$x, pr$y)
        check(label, paste(nm, "n"), pr$n, N, 0)
        check(label, paste(nm, "r_xx"), pr$r_xx, rxx, TOL)
        check(label, paste(nm, "r_yy"), pr$r_yy, ryy, TOL)
        check(label, paste(nm, "overall_r"), pr$overall_r, rxy, TOL)
        check(label, paste(nm, "overall_z"), pr$overall_z, rxy * sqrt(ns), TOL)
        check(label, paste(nm, "cross_r"), pr$cross_r, rxyp, TOL)
        check(label, paste(nm, "cross_z"), pr$cross_z, rxyp * sqrt(nsc), TOL)
        ind <- (rxy - rxyp) / sqrt((1 - rxx) * (1 - ryy))
        check(label, paste(nm, "individual_r"), pr$individual_r, ind, TOL)
        dr <- if (rxx > 0 && ryy > 0) rxyp / sqrt(rxx * ryy) else NA
        check(label, paste(nm, "dyad_r"), pr$dyad_r, dr, TOL)
      }
      for (ic in j$intraclass) {
        a1 <- col(ic$variable, "1"); a2 <- col(ic$variable, "2")
        check(label, paste("gg intraclass", ic$variable), ic$r, pairwise_r(a1, a2), TOL)
      }
    }
  }
}
finish("dyad")
