# Golden for the scaled correlations (issue 18): partner r of x with one cell of 1e200, and of the same
# data multiplied by 1e150. R accumulates sums of squares in long double, so 1e200^2 does not overflow.
# Run: Rscript huge_cell.R  (writes huge_cell.json)
library(jsonlite)
d <- read.csv("huge-cell.csv")
a <- d[d$role == "A", ]
b <- d[d$role == "B", ]
w <- merge(a, b, by = "d", suffixes = c("_A", "_B"))
t1 <- cor.test(w$x_A, w$x_B)
t2 <- cor.test(w$y_A * 1e150, w$y_B * 1e150)
t0 <- cor.test(w$y_A, w$y_B)
cw <- cor.test(w$x_A, w$y_B)
out <- list(
  r_version = R.version.string,
  input_md5 = unname(tools::md5sum("huge-cell.csv")),
  x_r = unname(t1$estimate), x_t = unname(t1$statistic), x_p = t1$p.value,
  x_ci = unname(t1$conf.int[1:2]),
  y_r = unname(t0$estimate), y_r_times_1e150 = unname(t2$estimate),
  x_A_with_y_B_r = unname(cw$estimate), x_A_with_y_B_p = cw$p.value,
  sd_B = sd(w$x_B), mean_B = mean(w$x_B))
write(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "huge_cell.json")
