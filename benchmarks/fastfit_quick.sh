#!/usr/bin/env bash
# quick quiet-machine measurement of the fast resampling fits (fewer R draws, scaled per draw)
set -euo pipefail
cd "$(dirname "$0")/.."
./dyadkit --version >/dev/null
P="power simulate --distinguishable --dyads 100 --replicates 1000 --seed 1 --format csv"
C="power simulate --distinguishable --dyads 50:500:50 --replicates 1000 --seed 1 --format csv"
A="apimem --input data-samples/acitelli_individual.csv --dyad cuplid --role gender --roles 1,-1 --x other_pos --m tension --y satisfaction --mc 0 --bootstrap 5000 --seed 1"
python3 benchmarks/interleave.py --rounds 3 --warmup 1 \
  "dyadkit power 1000 x 100 dyads=./dyadkit $P" \
  "dyadkit 10-point curve 1000 each=./dyadkit $C" \
  "dyadkit apimem bootstrap 5000 (2 threads)=./dyadkit $A --threads 2" \
  "dyadkit apimem bootstrap 5000 (1 thread)=./dyadkit $A --threads 1" \
  "R gls loop 50 x 100 dyads=Rscript benchmarks/power/sim_gls.R 50 1 100" \
  "R gls loop 250 x 100 dyads=Rscript benchmarks/power/sim_gls.R 250 1 100" \
  "lavaan bootstrap 100=Rscript benchmarks/mediation/apimem_lavaan.R data-samples/acitelli_individual.csv 100 1" \
  "lavaan bootstrap 300=Rscript benchmarks/mediation/apimem_lavaan.R data-samples/acitelli_individual.csv 300 1"
