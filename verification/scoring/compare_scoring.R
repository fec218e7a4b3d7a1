# Scoring: dyadkit score vs base-R scoring from the keys in /work/shared/research/instruments.md.
# Run: Rscript verification/scoring/compare_scoring.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
od <- outdir("scoring")
TOL <- 1e-12

# keys written out from instruments.md (not read from the bundled JSON)
keys <- list(
  "scs" = list(k = 26, min = 1, max = 5, rev = c(1, 2, 4, 6, 8, 11, 13, 16, 18, 20, 21, 24, 25), agg = "mean",
    sub = list(self_kindness = c(5, 12, 19, 23, 26), self_judgment = c(1, 8, 11, 16, 21), common_humanity = c(3, 7, 10, 15),
               isolation = c(4, 13, 18, 25), mindfulness = c(9, 14, 17, 22), over_identification = c(2, 6, 20, 24)),
    neg = c("self_judgment", "isolation", "over_identification"),
    totals = c("mean-of-subscales", "item-mean", "sum-of-subscales", "item-sum"), default = "mean-of-subscales"),
  "scs-sf" = list(k = 12, min = 1, max = 5, rev = c(1, 4, 8, 9, 11, 12), agg = "mean",
    sub = list(self_kindness = c(2, 6), self_judgment = c(11, 12), common_humanity = c(5, 10), isolation = c(4, 8),
               mindfulness = c(3, 7), over_identification = c(1, 9)),
    neg = c("self_judgment", "isolation", "over_identification"),
    totals = c("mean-of-subscales", "item-mean", "sum-of-subscales", "item-sum"), default = "item-mean"),
  "authenticity" = list(k = 12, min = 1, max = 7, rev = integer(0), agg = "sum",
    sub = list(authentic_living = c(1, 8, 9, 11), accepting_external_influence = c(3, 4, 5, 6), self_alienation = c(2, 7, 10, 12)),
    neg = character(0), totals = character(0)),
  "ras" = list(k = 7, min = 1, max = 5, rev = c(4, 7), sub = list(), totals = c("item-mean", "item-sum"), default = "item-mean"),
  "ecr-s" = list(k = 12, min = 1, max = 7, rev = c(1, 5, 8, 9), agg = "mean",
    sub = list(anxiety = c(2, 4, 6, 8, 10, 12), avoidance = c(1, 3, 5, 7, 9, 11)), neg = character(0), totals = character(0)),
  "csi-16" = list(k = 16, min = 0, max = 5, max1 = 6, rev = integer(0), sub = list(), totals = "item-sum", default = "item-sum")
)
need <- function(f, k) if (f >= 1) k else ceiling(round(f * k, 9))   # ceil(F k) in exact arithmetic

score_r <- function(x, key, f, total) {   # x: n x k matrix of responses (NA missing)
  revx <- x; rv <- key$rev
  if (length(rv)) revx[, rv] <- key$min + key$max - x[, rv]
  aggr <- function(m, items, agg) {
    sub <- m[, items, drop = FALSE]; ans <- rowSums(!is.na(sub)); k <- length(items)
    v <- if (agg == "mean") rowMeans(sub, na.rm = TRUE) else rowMeans(sub, na.rm = TRUE) * k
    v[ans < need(f, k)] <- NA; v
  }
  out <- list()
  for (s in names(key$sub)) {
    # negative subscales: reported in the direction of their own items (un-reversed)
    m <- if (s %in% key$neg) x else revx
    out[[s]] <- aggr(m, key$sub[[s]], key$agg)
  }
  if (length(key$totals)) {
    tm <- if (is.null(total)) key$default else total
    if (tm %in% c("item-mean", "item-sum")) out$total <- aggr(revx, seq_len(key$k), if (tm == "item-mean") "mean" else "sum")
    else {
      ss <- sapply(names(key$sub), function(s) aggr(revx, key$sub[[s]], key$agg))
      if (!is.matrix(ss)) ss <- matrix(ss, nrow = 1)
      out$total <- if (tm == "mean-of-subscales") rowMeans(ss) else rowSums(ss)
    }
  }
  out
}

gen_items <- function(seed, n, key, pmiss = 0.12) {
  set.seed(seed)
  x <- matrix(sample(key$min:key$max, n * key$k, TRUE), n, key$k)
  if (!is.null(key$max1)) x[, 1] <- sample(key$min:key$max1, n, TRUE)
  x[matrix(runif(n * key$k) < pmiss, n)] <- NA
  x[1, ] <- NA                                                   # a row with nothing answered
  x[2, ] <- x[2, ]; x[2, is.na(x[2, ])] <- key$min               # a complete row
  x
}

seed <- 300
for (id in names(keys)) {
  key <- keys[[id]]; seed <- seed + 1
  n <- 400
  x <- gen_items(seed, n, key)
  pre <- gsub("-", "_", id)
  d <- data.frame(pid = sprintf("p%04d", 1:n), note = sample(c("a", "b b", "c,d", ""), n, TRUE), stringsAsFactors = FALSE)
  for (i in seq_len(key$k)) d[[paste0("Q", i)]] <- x[, i]
  d$age <- round(runif(n, 18, 80))
  f <- file.path(od, paste0(id, ".csv")); write.csv(d, f, row.names = FALSE, na = "")
  totals <- if (length(key$totals)) key$totals else list(NULL)
  for (fr in c(1, 0.8, 0.6, 0.5, 0.75)) for (tm in totals) {
    label <- paste(id, "seed", seed, "min", fr, "total", if (is.null(tm)) "-" else tm)
    o <- file.path(od, paste0(id, "_scored.csv"))
    a <- c("score", "--instrument", id, "--input", f, "--output", o, "--id", "pid", "--items", "Q{n}",
           "--min-answered", fr)
    if (!is.null(tm)) a <- c(a, "--total", tm)
    r <- dyadkit(a)
    if (r$status != 0) { cat("DYADKIT FAILED", label, r$stderr, "\n"); check(label, "ran", r$status, 0, 0); next }
    s <- read.csv(o, stringsAsFactors = FALSE, colClasses = "character", na.strings = NULL)
    inp <- read.csv(f, stringsAsFactors = FALSE, colClasses = "character", na.strings = NULL)
    check_eq(label, "input columns unchanged", identical(s[, names(inp)], inp), TRUE)
    ref <- score_r(x, key, fr, tm)
    for (sc in names(ref)) {
      cn <- paste0(pre, "_", sc)
      if (!cn %in% names(s)) { check_eq(label, paste("column", cn), FALSE, TRUE); next }
      dk <- suppressWarnings(as.numeric(s[[cn]]))
      blank_ok <- all(is.na(dk) == is.na(ref[[sc]])) && all(s[[cn]][is.na(dk)] == "")
      check_eq(label, paste(sc, "missing pattern"), blank_ok, TRUE)
      e <- abs(dk - ref[[sc]]); e[is.na(e)] <- 0
      w <- which.max(e)
      check(label, paste(sc, "max abs error (row", w, ")"), dk[w], ref[[sc]][w], TOL)
    }
    extra <- setdiff(names(s), c(names(inp), paste0(pre, "_", names(ref)), paste0(pre, "_problems")))
    check_eq(label, "no unexpected columns", paste(extra, collapse = ","), "")
  }
}
finish("scoring")
