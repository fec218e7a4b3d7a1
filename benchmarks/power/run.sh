#!/usr/bin/env bash
# Power simulation: dyadkit against the same loop in R (nlme::gls), whole process, interleaved runs.
# Usage (from the repository root): benchmarks/power/run.sh [RUNS] [OUTDIR]   (defaults 3, /tmp/dyadkit-power-bench)
# R's 10-point curve costs minutes per run; R_CURVE_REPS (default 100) sets its replicates per point, and its
# time is scaled to 1,000 replicates (the loop is linear in the replicates).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
out="${2:-/tmp/dyadkit-power-bench}"
rcurve="${R_CURVE_REPS:-100}"
mkdir -p "$out"
cd "$root"
./dyadkit --version > /dev/null   # builds the jar and the launcher's class-data archive
one="power simulate --distinguishable --dyads 100 --replicates 1000 --seed 1 --format csv"
curve="power simulate --distinguishable --dyads 50:500:50 --replicates 1000 --seed 1 --format csv"
t() { local s e; s=$(date +%s.%N); "$@" > "$out/last.out" 2>/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
: > "$out/times.tsv"
for i in $(seq "$runs"); do
  echo -e "dyadkit_one\t$(t ./dyadkit $one)" >> "$out/times.tsv"
  echo -e "r_one\t$(t Rscript benchmarks/power/sim_gls.R 1000 1 100)" >> "$out/times.tsv"
  echo -e "dyadkit_curve\t$(t ./dyadkit $curve)" >> "$out/times.tsv"
  echo -e "r_curve_${rcurve}\t$(t Rscript benchmarks/power/sim_gls.R "$rcurve" 1 50 100 150 200 250 300 350 400 450 500)" >> "$out/times.tsv"
done
./dyadkit $one > "$out/dyadkit_one.csv"
Rscript benchmarks/power/sim_gls.R 1000 1 100 > "$out/r_one.txt"
uptime > "$out/load.txt"
Rscript -e 'd <- read.table(commandArgs(TRUE)[1], sep="\t"); for (k in unique(d$V1)) { v <- d$V2[d$V1 == k];
  cat(sprintf("%-16s min %8.2f  median %8.2f  max %8.2f s (%d runs)\n", k, min(v), median(v), max(v), length(v))) }' \
  "$out/times.tsv"
cat "$out/load.txt"
