# Seeded random couple data for the APIM comparisons (individual layout, one row per person).
# gen_apim(seed, n, ...) returns a data.frame with dyad, role, x1, x2, z, y; rows shuffled.
gen_apim <- function(seed, n, dist = TRUE, rho = 0.4, sds = c(1, 1.6), drop_member = 0, miss_y = 0,
                     miss_x = 0, miss_z = 0, beta = NULL, roles = c("M", "F"), dyad_w = FALSE) {
  set.seed(seed)
  ids <- sprintf("c%03d", sample(1000, n))                         # dyad ids in random order, not sorted
  d <- data.frame(dyad = rep(ids, each = 2), role = rep(roles, n), stringsAsFactors = FALSE)
  d$x1 <- round(rnorm(2 * n, 3, 1), 3)
  d$x2 <- round(rnorm(2 * n, 0, 2) + 0.3 * d$x1, 3)
  d$z <- round(runif(2 * n, -1, 1), 3)
  pi <- rep(c(2, 1), n) + rep(0:(n - 1) * 2, each = 2)            # partner row
  e <- MASS_mvr(n, rho, if (dist) sds else c(1.3, 1.3))
  b0 <- if (dist) c(1, 2) else c(1.5, 1.5)
  r <- rep(1:2, n)
  d$y <- round(b0[r] + 0.5 * d$x1 + 0.25 * d$x1[pi] - 0.2 * d$x2 + 0.1 * d$x2[pi] + 0.3 * d$z +
                 0.4 * d$x1 * d$z + e, 4)
  if (drop_member > 0) d <- d[-sample(seq_len(nrow(d)), drop_member), ]  # dyads missing one member
  if (miss_y > 0) d$y[sample(nrow(d), miss_y)] <- NA
  if (miss_x > 0) d$x1[sample(nrow(d), miss_x)] <- NA
  if (miss_z > 0) d$z[sample(nrow(d), miss_z)] <- NA
  d <- d[sample(nrow(d)), ]                                           # persons in random order
  rownames(d) <- NULL
  if (dyad_w) {                                   # a dyad-level (between-dyad) variable, e.g. years together
    set.seed(seed + 1); u <- unique(d$dyad); wv <- round(runif(length(u), 0, 20), 1)
    d$w <- wv[match(d$dyad, u)]
    d$y <- round(d$y + 0.05 * d$w + 0.03 * d$x1 * d$w, 4)
  }
  d
}
MASS_mvr <- function(n, rho, sds) {
  z1 <- rnorm(n); z2 <- rho * z1 + sqrt(1 - rho^2) * rnorm(n)
  as.vector(rbind(sds[1] * z1, sds[2] * z2))
}
# adds partner columns V_p for the named variables
add_partner <- function(d, vars) {
  key <- paste(d$dyad, d$role)
  other <- tapply(d$role, d$dyad, function(r) r)
  for (v in vars) {
    pv <- rep(NA_real_, nrow(d))
    for (i in seq_len(nrow(d))) {
      j <- which(d$dyad == d$dyad[i] & seq_len(nrow(d)) != i)
      if (length(j) == 1) pv[i] <- d[[v]][j]
    }
    d[[paste0(v, "_p")]] <- pv
  }
  d
}
