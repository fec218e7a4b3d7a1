# Shared helpers of the verification harness (run by hand; see README.md).
suppressPackageStartupMessages({ library(jsonlite) })

vroot <- local({
  a <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", a[grep("^--file=", a)])
  d <- if (length(f)) dirname(normalizePath(f[1])) else getwd()
  while (!file.exists(file.path(d, "common.R")) && d != "/") d <- dirname(d)
  d
})
repo <- dirname(vroot)
outdir <- function(topic) { d <- file.path(vroot, "out", topic); dir.create(d, showWarnings = FALSE, recursive = TRUE); d }

# Runs ./dyadkit with args; returns list(status, stdout, stderr).
dyadkit <- function(args) {
  so <- tempfile(); se <- tempfile()
  st <- system2(file.path(repo, "dyadkit"), shQuote(args), stdout = so, stderr = se)
  r <- list(status = st, stdout = paste(readLines(so, warn = FALSE), collapse = "\n"),
            stderr = paste(readLines(se, warn = FALSE), collapse = "\n"))
  unlink(c(so, se)); r
}
dyadkit_json <- function(args) {
  r <- dyadkit(c(args, "--format", "json"))
  if (r$status != 0) return(structure(list(), status = r$status, stderr = r$stderr))
  fromJSON(r$stdout, simplifyVector = FALSE)
}

# The row of a JSON array of per-role rows (residual sd, pseudo_r2, k) with this role.
by_role <- function(rows, role) {
  for (r in rows) if (identical(as.character(r$role), as.character(role))) return(r)
  stop("no row for role ", role)
}

# Comparison log: every check is one row; mismatches are printed as they happen.
.log <- new.env(); .log$rows <- list()
check <- function(case, what, dk, r, tol, rel = TRUE) {
  dk <- if (is.null(dk)) NA_real_ else as.numeric(dk)
  r <- as.numeric(r)
  if (rel) err <- abs(dk - r) / pmax(abs(r), 1e-300) else err <- abs(dk - r)
  # an absolute floor for values that are essentially 0
  if (rel) err <- ifelse(abs(r) < 1e-10, abs(dk - r), err)
  ok <- !is.na(err) && err <= tol
  if (is.na(dk) && is.na(r)) ok <- TRUE
  .log$rows[[length(.log$rows) + 1]] <- data.frame(case = case, what = what, dyadkit = dk, R = r,
                                                   err = err, tol = tol, ok = ok)
  if (!ok) cat(sprintf("MISMATCH %-28s %-34s dyadkit=%.12g R=%.12g err=%.3g\n", case, what, dk, r, err))
  invisible(ok)
}
check_eq <- function(case, what, dk, r) {
  ok <- identical(dk, r)
  .log$rows[[length(.log$rows) + 1]] <- data.frame(case = case, what = what, dyadkit = as.character(dk)[1],
                                                   R = as.character(r)[1], err = NA, tol = 0, ok = ok)
  if (!ok) cat(sprintf("MISMATCH %-28s %-34s dyadkit=%s R=%s\n", case, what,
                       paste(format(dk), collapse = ","), paste(format(r), collapse = ",")))
  invisible(ok)
}
finish <- function(topic) {
  df <- do.call(rbind, lapply(.log$rows, function(r) { r$dyadkit <- as.character(r$dyadkit); r$R <- as.character(r$R); r }))
  f <- file.path(outdir(topic), "comparison.csv")
  write.csv(df, f, row.names = FALSE)
  cat(sprintf("\n%s: %d checks, %d mismatches (details: %s)\n", topic, nrow(df), sum(!df$ok), f))
  invisible(df)
}
versions <- function() {
  cat("R", R.version$major, ".", R.version$minor, "\n", sep = "")
  for (p in c("nlme", "lavaan", "psych", "jsonlite", "boot", "data.table", "GPArotation"))
    if (requireNamespace(p, quietly = TRUE)) cat(p, as.character(packageVersion(p)), "\n")
}
`%||%` <- function(a, b) if (is.null(a)) b else a
