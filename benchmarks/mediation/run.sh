#!/usr/bin/env bash
# Wall-clock figures for dyadkit mediate and dyadkit apimem (hyperfine), from the repository root:
#   bash benchmarks/mediation/run.sh
# Writes the table to /tmp/mediation-hyperfine.md; the figures are copied into benchmarks/results/mediation.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
./dyadkit --version >/dev/null
J="java -jar cli/target/dyadkit.jar"
A=data-samples/acitelli_individual.csv
S=analysis/src/test/resources/golden/mediation/sim_mediation.csv
hyperfine --warmup 1 --runs 3 --export-markdown /tmp/mediation-hyperfine.md \
  -n "mediate, Acitelli, 5000 dyad resamples, BCa, 1 thread" \
  "$J mediate --input $A --x other_pos --m tension --y satisfaction --dyad cuplid --bootstrap 5000 --seed 1 --ci bca --threads 1" \
  -n "apimem, Acitelli distinguishable, Sobel + 40000 MC draws" \
  "$J apimem --input $A --dyad cuplid --role gender --roles 1,-1 --x other_pos --m tension --y satisfaction" \
  -n "apimem, Acitelli distinguishable, 2000 dyad resamples, 1 thread" \
  "$J apimem --input $A --dyad cuplid --role gender --roles 1,-1 --x other_pos --m tension --y satisfaction --bootstrap 2000 --seed 1 --threads 1" \
  -n "apimem, 200 simulated couples with missing values (iterative REML), 200 resamples, 1 thread" \
  "$J apimem --input $S --dyad couple --role role --x x --m m --y y --covariate w --bootstrap 200 --seed 1 --threads 1"
