# The simulated diary sample data-samples/diary_couples.csv: 100 couples x 14 days, both partners.
# Run: Rscript make_diary_couples.R   (seeded; R 4.2 base only)
# Generating model, per couple i, partner r in {man, woman}, day t = 1..14, time = t - 1:
#   stress_rit  = s_ri + u_rit, s_ri ~ N(0, 0.8^2) (person level), u_rit ~ N(0, 1)
#   closeness_rit = b0_r + b0_ri + (b1_r + b1_ri) time
#                   - 0.30 (stress_rit - s_ri) - 0.15 (stress_r'it - s_r'i)      (within: actor, partner)
#                   - 0.20 s_ri - 0.10 s_r'i + e_rit                             (between: actor, partner)
#   b0 = (5.0, 5.3), b1 = (-0.02, -0.03); (b0_mi, b0_wi, b1_mi, b1_wi) ~ N(0, G) with
#   G = [0.60 0.30 -0.01 0.005; 0.30 0.70 0.005 -0.01; -0.01 0.005 0.0030 0.001; 0.005 -0.01 0.001 0.0040]
#   (e_mit, e_wit) ~ N(0, [0.7^2, 0.3*0.7*0.9; ., 0.9^2]) independent over days
# Missing data: each person-day is missing with probability 0.08 (row dropped); 4 couples have one
# partner who stops after day 5; 2% of closeness cells are blank.
set.seed(20261202)
n <- 100; days <- 14
G <- matrix(c(0.60, 0.30, -0.01, 0.005, 0.30, 0.70, 0.005, -0.01, -0.01, 0.005, 0.0030, 0.001,
              0.005, -0.01, 0.001, 0.0040), 4, 4)
S <- matrix(c(0.49, 0.3 * 0.7 * 0.9, 0.3 * 0.7 * 0.9, 0.81), 2, 2)
rows <- list()
for (i in seq_len(n)) {
  b <- as.vector(rnorm(4) %*% chol(G))
  s <- rnorm(2, 0, 0.8)
  for (t in seq_len(days)) {
    u <- rnorm(2); x <- s + u
    e <- as.vector(rnorm(2) %*% chol(S))
    time <- t - 1
    y <- c(5.0, 5.3) + b[1:2] + (c(-0.02, -0.03) + b[3:4]) * time - 0.30 * u - 0.15 * rev(u) -
      0.20 * s - 0.10 * rev(s) + e
    for (r in 1:2) {
      rows[[length(rows) + 1]] <- data.frame(couple = sprintf("C%03d", i),
        person = sprintf("C%03d%s", i, c("M", "W")[r]), gender = c("man", "woman")[r], day = t, time = time,
        stress = round(x[r], 3), closeness = round(y[r], 3))
    }
  }
}
d <- do.call(rbind, rows)
d <- d[runif(nrow(d)) > 0.08, ]
stop_persons <- sprintf("C%03d%s", sample(n, 4), sample(c("M", "W"), 4, replace = TRUE))
d <- d[!(d$person %in% stop_persons & d$day > 5), ]
d$closeness[runif(nrow(d)) < 0.02] <- NA
write.csv(d, "diary_couples.csv", row.names = FALSE, na = "")
