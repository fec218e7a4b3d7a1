# The APIMeM of the Acitelli couples (distinguishable; X other_pos, M tension, Y satisfaction) with a
# dyad bootstrap, as researchers fit it in lavaan (Ledermann, Macho and Kenny 2011, the SEM version):
# couples in the wide layout, M1 M2 on X1 X2, Y1 Y2 on M1 M2 X1 X2, the partners' residuals of M and of Y
# correlated; the eight simple indirect effects defined as products of paths; se = "bootstrap" refits the
# model on every resample of couples (one core). The model is saturated, so its ML estimates are the
# per-role least-squares estimates that `dyadkit apimem` reports for distinguishable complete dyads.
# Usage: Rscript apimem_lavaan.R DATA.csv BOOTSTRAP SEED
suppressMessages(library(lavaan))
args <- commandArgs(TRUE)
d <- read.csv(args[1]); B <- as.integer(args[2]); set.seed(as.integer(args[3]))
w1 <- d[d$gender == 1, c("cuplid", "other_pos", "tension", "satisfaction")]
w2 <- d[d$gender == -1, c("cuplid", "other_pos", "tension", "satisfaction")]
names(w1) <- c("cuplid", "X1", "M1", "Y1"); names(w2) <- c("cuplid", "X2", "M2", "Y2")
w <- merge(w1, w2, by = "cuplid")
model <- '
  M1 ~ aA1*X1 + aP1*X2
  M2 ~ aA2*X2 + aP2*X1
  Y1 ~ bA1*M1 + bP1*M2 + cA1*X1 + cP1*X2
  Y2 ~ bA2*M2 + bP2*M1 + cA2*X2 + cP2*X1
  M1 ~~ M2
  Y1 ~~ Y2
  aa1 := aA1*bA1
  pp1 := aP2*bP1
  ap1 := aA2*bP1
  pa1 := aP1*bA1
  aa2 := aA2*bA2
  pp2 := aP1*bP2
  ap2 := aA1*bP2
  pa2 := aP2*bA2
  ind_actor1 := aa1 + pp1
  ind_partner1 := ap1 + pa1
  ind_actor2 := aa2 + pp2
  ind_partner2 := ap2 + pa2
'
t0 <- proc.time()[["elapsed"]]
fit <- sem(model, data = w, se = "bootstrap", bootstrap = B)
t1 <- proc.time()[["elapsed"]]
pe <- suppressWarnings(parameterEstimates(fit, boot.ci.type = "bca.simple"))
pe <- pe[pe$op == ":=", c("label", "est", "ci.lower", "ci.upper")]
pe[, -1] <- round(pe[, -1], 6); print(pe, row.names = FALSE)
cat(sprintf("bootstrap of %d couples, %d draws: %.2f s, %.2f ms a draw\n", nrow(w), B, t1 - t0, 1000 * (t1 - t0) / B))
