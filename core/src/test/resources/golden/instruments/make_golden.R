# Golden scores for every bundled instrument other than the SCS-26 (which has golden/scs), base R only.
# Run from this folder:  Rscript make_golden.R
# The keys below are typed in independently from the research notes (item numbers, reverse-keyed items,
# per-item ranges, subscale direction and aggregation); they are not read from dyadkit's JSON files.
# For each instrument: <id>.csv holds simulated answers (column <id>_<n> for item n, columns in a
# scrambled order, missing cells empty). golden.csv holds the expected scores in long form for two
# missing-data rules (all-required; min-answered-fraction 0.75) and every total method.
set.seed(20261126)
n <- 200
ALL4 <- c("mean-of-subscales", "item-mean", "sum-of-subscales", "item-sum")
defs <- list(
  "scs-sf" = list(k = 12, lo = 1, hi = 5, rev = c(1, 4, 8, 9, 11, 12), agg = "mean", totals = ALL4,
    subs = list(self_kindness = c(2, 6), self_judgment = c(11, 12), common_humanity = c(5, 10),
                isolation = c(4, 8), mindfulness = c(3, 7), over_identification = c(1, 9)),
    neg = c("self_judgment", "isolation", "over_identification")),
  "sscs-l" = list(k = 18, lo = 1, hi = 5, rev = seq(2, 18, 2), agg = "mean", totals = ALL4,
    subs = list(self_kindness = c(1, 7, 13), self_judgment = c(4, 10, 16), common_humanity = c(3, 9, 15),
                isolation = c(6, 12, 18), mindfulness = c(5, 11, 17), over_identification = c(2, 8, 14)),
    neg = c("self_judgment", "isolation", "over_identification")),
  "sscs-s" = list(k = 6, lo = 1, hi = 5, rev = c(2, 4, 5), agg = "mean", totals = c("item-mean", "item-sum"),
    subs = list(), neg = character(0)),
  "scs-y" = list(k = 17, lo = 1, hi = 5, rev = c(2, 3, 5, 7, 10, 12, 14, 16), agg = "mean", totals = ALL4,
    subs = list(self_kindness = c(1, 9, 15), self_judgment = c(3, 7, 12), common_humanity = c(4, 8, 13),
                isolation = c(2, 10, 16), mindfulness = c(6, 11, 17), over_identification = c(5, 14)),
    neg = c("self_judgment", "isolation", "over_identification")),
  "authenticity" = list(k = 12, lo = 1, hi = 7, rev = c(2, 3, 4, 5, 6, 7, 10, 12), agg = "sum", totals = character(0),
    subs = list(authentic_living = c(1, 8, 9, 11), accepting_external_influence = c(3, 4, 5, 6),
                self_alienation = c(2, 7, 10, 12)),
    neg = c("accepting_external_influence", "self_alienation")),
  "ras" = list(k = 7, lo = 1, hi = 5, rev = c(4, 7), agg = "mean", totals = c("item-mean", "item-sum"),
    subs = list(), neg = character(0)),
  "csi-4" = list(k = 4, lo = c(0, 0, 0, 0), hi = c(6, 5, 5, 5), rev = integer(0), agg = "mean",
    totals = c("item-sum"), subs = list(), neg = character(0)),
  "csi-16" = list(k = 16, lo = rep(0, 16), hi = c(6, rep(5, 15)), rev = integer(0), agg = "mean",
    totals = c("item-sum"), subs = list(), neg = character(0)),
  "prqc" = list(k = 18, lo = 1, hi = 7, rev = integer(0), agg = "mean", totals = ALL4,
    subs = list(satisfaction = 1:3, commitment = 4:6, intimacy = 7:9, trust = 10:12, passion = 13:15,
                love = 16:18), neg = character(0)),
  "ecr-s" = list(k = 12, lo = 1, hi = 7, rev = c(1, 5, 8, 9), agg = "mean", totals = character(0),
    subs = list(anxiety = c(2, 4, 6, 8, 10, 12), avoidance = c(1, 3, 5, 7, 9, 11)), neg = character(0))
)

# ceiling(f * k) for f = 0.75 in integer arithmetic; all-required needs k.
need_for <- function(rule) {
  if (rule == "all-required") function(k) k else function(k) (3L * k + 3L) %/% 4L
}

simulate <- function(d) {
  lo <- rep_len(d$lo, d$k); hi <- rep_len(d$hi, d$k)
  X <- sapply(1:d$k, function(j) sample(lo[j]:hi[j], n, replace = TRUE))
  miss <- matrix(runif(n * d$k) < 0.08, n, d$k)
  for (i in sample(n, 10)) miss[i, sample(d$k, sample(1:d$k, 1))] <- TRUE
  X[miss] <- NA
  X
}

# Mean or sum of a block of answers; a sum with missing answers is prorated (mean * k).
aggregate_block <- function(block, agg, need) {
  answered <- rowSums(!is.na(block))
  m <- rowMeans(block, na.rm = TRUE)
  v <- if (agg == "mean") m else m * ncol(block)
  ifelse(answered >= need(ncol(block)), v, NA_real_)
}

fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
rows <- list()
emit <- function(id, rule, method, ids, score, values) {
  rows[[length(rows) + 1]] <<- data.frame(instrument = id, rule = rule, total_method = method, id = ids,
                                          score = score, value = fmt(values))
}

for (id in names(defs)) {
  d <- defs[[id]]
  X <- simulate(d)
  lo <- rep_len(d$lo, d$k); hi <- rep_len(d$hi, d$k)
  Xrev <- X
  for (j in d$rev) Xrev[, j] <- lo[j] + hi[j] - X[, j]
  ids <- sprintf("r%03d", 1:n)
  prefix <- gsub("-", "_", id)
  input <- data.frame(id = ids)
  for (j in sample(d$k)) input[[paste0(prefix, "_", j)]] <- X[, j]
  write.csv(input, paste0(id, ".csv"), row.names = FALSE, na = "", quote = FALSE)

  for (rule in c("all-required", "min-answered-fraction 0.75")) {
    need <- need_for(rule)
    reported <- list(); in_total <- list()
    for (s in names(d$subs)) {
      items <- d$subs[[s]]
      # positive subscales use reversed answers; negative subscales are reported as answered
      own <- if (s %in% d$neg) X else Xrev
      reported[[s]] <- aggregate_block(own[, items, drop = FALSE], d$agg, need)
      in_total[[s]] <- aggregate_block(Xrev[, items, drop = FALSE], d$agg, need)
      emit(id, rule, "", ids, s, reported[[s]])
    }
    for (method in d$totals) {
      if (method %in% c("mean-of-subscales", "sum-of-subscales")) {
        S <- do.call(cbind, in_total)
        ok <- rowSums(is.na(S)) == 0
        v <- if (method == "mean-of-subscales") rowMeans(S) else rowSums(S)
        v <- ifelse(ok, v, NA_real_)
      } else {
        v <- aggregate_block(Xrev, if (method == "item-mean") "mean" else "sum", need)
      }
      emit(id, rule, method, ids, "total", v)
    }
  }
}

# Conflict resolution: one categorical answer (1 subordinate, 2 self_prioritize, 3 compromise) per context.
cr <- matrix(sample(1:3, n * 4, replace = TRUE), n, 4)
cr[matrix(runif(n * 4) < 0.1, n, 4)] <- NA
ids <- sprintf("r%03d", 1:n)
input <- data.frame(id = ids)
for (j in c(3, 1, 4, 2)) input[[paste0("conflict_resolution_", j)]] <- cr[, j]
write.csv(input, "conflict-resolution.csv", row.names = FALSE, na = "", quote = FALSE)
answered <- rowSums(!is.na(cr))
for (rule in c("all-required", "min-answered-fraction 0.75")) {
  ok <- answered >= need_for(rule)(4L)
  for (code in 1:3) {
    name <- c("subordinate", "self_prioritize", "compromise")[code]
    count <- rowSums(cr == code, na.rm = TRUE)
    emit("conflict-resolution", rule, "", ids, paste0(name, "_count"), ifelse(ok, count, NA_real_))
    emit("conflict-resolution", rule, "", ids, paste0(name, "_proportion"), ifelse(ok, count / answered, NA_real_))
  }
}

write.csv(do.call(rbind, rows), "golden.csv", row.names = FALSE, quote = FALSE)
writeLines(c(R.version.string, "packages: base R only (stats, utils)"), "VERSIONS.txt")
