# Golden for the six-group omega hierarchical on one-factor data, where a six-factor minres solution is
# misspecified and its fit runs through a flat valley: 2,000 rows of the benchmark generator
# (benchmarks/batch/generate_scs.R, seed 20261125: every SCS-26 item loads 0.9 on one normal factor, about 5%
# blank cells), keyed, and psych::omega with 6 and with 1 factor on them, with psych's warnings and the
# L-BFGS-B runs behind its minres fits (par, value, counts, convergence, message of each optim call).
# Run from this folder: Rscript make_onefactor_golden.R   (R and package versions: VERSIONS.txt)
suppressPackageStartupMessages({ library(psych); library(jsonlite) })
options(warn = 1)

# ---- the data: the generator's code, 2,000 rows ----
n <- 2000L
set.seed(20261125L)
reversed <- c(1, 2, 4, 6, 8, 11, 13, 16, 18, 20, 21, 24, 25)
theta <- rnorm(n)
cols <- vector("list", 27)
cols[[1]] <- sprintf("p%07d", seq_len(n))
for (j in 1:26) {
  sgn <- if (j %in% reversed) -1 else 1
  x <- as.integer(pmin(5, pmax(1, round(3 + sgn * 0.9 * theta + rnorm(n, 0, 0.9)))))
  x[runif(n) < 0.05] <- NA
  cols[[j + 1]] <- x
}
names(cols) <- c("id", paste0("scs", 1:26))
d <- as.data.frame(cols)
write.csv(d, "onefactor2000.csv", row.names = FALSE, na = "")

# ---- psych on the keyed items (the SCS-26 key, as dyadkit keys them: 6 - x) ----
key <- c(1, 8, 11, 16, 21, 4, 13, 18, 25, 2, 6, 20, 24)
k <- d[, paste0("scs", 1:26)]
k[, key] <- 6 - k[, key]

runs <- list()
trace("optim", exit = quote(runs[[length(runs) + 1]] <<- returnValue()[c("par", "value", "counts", "convergence",
                                                                         "message")]),
      print = FALSE, where = asNamespace("stats"))
omega_run <- function(x, nf) {
  runs <<- list()
  warnings <- character()
  o <- withCallingHandlers(suppressMessages(psych::omega(x, nfactors = nf, plot = FALSE)),
                           warning = function(w) { warnings <<- c(warnings, conditionMessage(w))
                                                   invokeRestart("muffleWarning") })
  sl <- o$schmid$sl
  out <- list(use = "pairwise", nfactors = nf, omega_h = o$omega_h, omega_tot = o$omega.tot,
              omega_lim = o$omega.lim, ecv = unname(o$ECV), g = unname(sl[, 1]), h2 = unname(sl[, "h2"]),
              warnings = warnings,
              optim = lapply(runs, function(r) list(par = unname(r$par), value = r$value,
                                                    counts = unname(r$counts), convergence = r$convergence,
                                                    message = r$message)))
  if (nf > 1) {
    out$group <- unname(sl[, 2:(nf + 1)])
    out$omega_group <- lapply(seq_len(nrow(o$omega.group)), function(i) as.list(o$omega.group[i, ]))
  }
  out
}
g <- list(reversed = key, omega6_pairwise = omega_run(k, 6), omega1_pairwise = omega_run(k, 1))
writeLines(toJSON(g, auto_unbox = TRUE, digits = NA, na = "null"), "onefactor2000.json")
# the input's checksum joins the other inputs' in SHA256SUMS (make_goldens.R writes the others)
sums <- grep("onefactor2000.csv", readLines("SHA256SUMS"), fixed = TRUE, invert = TRUE, value = TRUE)
writeLines(c(sums, paste0(strsplit(system2("sha256sum", "onefactor2000.csv", stdout = TRUE), " ")[[1]][1],
                          "  onefactor2000.csv")), "SHA256SUMS")
