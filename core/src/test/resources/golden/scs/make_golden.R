# Golden values for the SCS-26 scorer, base R only.
# Run from this folder:  Rscript make_golden.R
# Writes scs_input.csv (simulated answers with missing cells, item columns in a scrambled order),
# scs_golden.csv (expected scores), VERSIONS.txt and scs_input.sha256.
set.seed(20261125)
n <- 300
key <- list(
  self_kindness       = c(5, 12, 19, 23, 26),
  self_judgment       = c(1, 8, 11, 16, 21),
  common_humanity     = c(3, 7, 10, 15),
  isolation           = c(4, 13, 18, 25),
  mindfulness         = c(9, 14, 17, 22),
  over_identification = c(2, 6, 20, 24))
reversed <- c(1, 2, 4, 6, 8, 11, 13, 16, 18, 20, 21, 24, 25)

# Simulated answers: one latent trait, reverse-keyed items load negatively, rounded to 1..5.
theta <- rnorm(n)
X <- matrix(NA_integer_, n, 26)
for (j in 1:26) {
  sgn <- if (j %in% reversed) -1 else 1
  z <- 3 + sgn * 0.9 * theta + rnorm(n, 0, 0.9)
  X[, j] <- as.integer(pmin(5, pmax(1, round(z))))
}
# Missing cells: 6% at random, 20 rows with heavy missingness, one row with nothing answered.
miss <- matrix(runif(n * 26) < 0.06, n, 26)
for (i in sample(n, 20)) miss[i, sample(26, sample(3:20, 1))] <- TRUE
miss[sample(n, 1), ] <- TRUE
X[miss] <- NA

# The 80% rule: a score over k items needs ceiling(0.8 * k) answered, in integer arithmetic.
need <- function(k) (8L * k + 9L) %/% 10L

Xrev <- X
Xrev[, reversed] <- 6L - X[, reversed]   # reversal min + max - x on 1..5

score_subscales <- function(M) {
  sapply(key, function(items) {
    block <- M[, items, drop = FALSE]
    answered <- rowSums(!is.na(block))
    m <- rowMeans(block, na.rm = TRUE)
    ifelse(answered >= need(length(items)), m, NA_real_)
  })
}
sub_reported <- score_subscales(X)      # negative subscales reported un-reversed
sub_in_total <- score_subscales(Xrev)   # every subscale in the total's direction

all_present <- rowSums(is.na(sub_in_total)) == 0
total_mean_of_subscales <- ifelse(all_present, rowMeans(sub_in_total), NA_real_)
total_sum_of_subscales  <- ifelse(all_present, rowSums(sub_in_total), NA_real_)
answered_all <- rowSums(!is.na(X))
item_mean <- rowMeans(Xrev, na.rm = TRUE)
total_item_mean <- ifelse(answered_all >= need(26L), item_mean, NA_real_)
total_item_sum  <- ifelse(answered_all >= need(26L), item_mean * 26, NA_real_)   # prorated sum

# Input file: id first, item columns scs1..scs26 in a scrambled order (scoring must go by name).
order <- sample(26)
input <- data.frame(id = sprintf("p%03d", 1:n))
for (j in order) input[[paste0("scs", j)]] <- X[, j]
write.csv(input, "scs_input.csv", row.names = FALSE, na = "", quote = FALSE)

fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
golden <- data.frame(id = input$id)
for (s in names(key)) golden[[s]] <- fmt(sub_reported[, s])
golden$total_mean_of_subscales <- fmt(total_mean_of_subscales)
golden$total_item_mean <- fmt(total_item_mean)
golden$total_sum_of_subscales <- fmt(total_sum_of_subscales)
golden$total_item_sum <- fmt(total_item_sum)
golden$answered_all <- answered_all
write.csv(golden, "scs_golden.csv", row.names = FALSE, quote = FALSE)

writeLines(c(R.version.string, "packages: base R only (stats, utils)"), "VERSIONS.txt")
