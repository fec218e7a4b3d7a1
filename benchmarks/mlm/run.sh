#!/usr/bin/env bash
# The over-time benchmarks of BENCHMARKS.md (issue 13), in one run from the repository root:
#   benchmarks/mlm/run.sh [ROUNDS] [R_POWER_REPLICATES]
# 1. whole process, interleaved (benchmarks/interleave.py): dyadkit growth and longitudinal-apim against
#    Rscript with read.csv + lme on data-samples/diary_couples.csv;
# 2. in process after warm-up: JMH MlmBenchmark against benchmarks/r/diary_{growth,lapim}_fit.R;
# 3. longitudinal APIM power, 1,000 replicates at 100 couples x 14 days, whole process, against the same
#    loop in R (benchmarks/r/lapim_power.R, R_POWER_REPLICATES replicates, scaled to 1,000).
# Needs cli/target/dyadkit.jar (./dyadkit builds it) and benchmarks/target/benchmarks.jar
# (mvn -q -o -DskipTests -pl benchmarks -am package).
set -euo pipefail
rounds="${1:-5}"
rpower="${2:-20}"
f=data-samples/diary_couples.csv
common="--input $f --dyad couple --role gender --person person --occasion day"
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)  $(date -u +%FT%TZ)"
./dyadkit growth $common --y closeness --time time >/dev/null   # builds the jar and the CDS archive if needed
echo "== 1. whole process"
python3 benchmarks/interleave.py --rounds "$rounds" \
  "dyadkit growth=./dyadkit growth $common --y closeness --time time" \
  "Rscript lme growth=Rscript benchmarks/r/diary_growth.R $f"
python3 benchmarks/interleave.py --rounds "$rounds" \
  "dyadkit longitudinal-apim=./dyadkit longitudinal-apim $common --y closeness --x stress" \
  "Rscript lme L-APIM=Rscript benchmarks/r/diary_lapim.R $f"
echo "== 2. in process"
java -jar benchmarks/target/benchmarks.jar 'MlmBenchmark.(growthCurve|longitudinalApim)$' -wi 3 -i 5 -w 1 -r 1 -f 1 \
  2>&1 | grep -E '^Benchmark|^MlmBenchmark'
Rscript benchmarks/r/diary_growth_fit.R $f
Rscript benchmarks/r/diary_lapim_fit.R $f
echo "== 3. power, 1,000 replicates, 100 couples x 14 days"
python3 benchmarks/interleave.py --rounds 2 --warmup 0 \
  "dyadkit power=./dyadkit power simulate --model longitudinal-apim --roles man,woman --dyads 100 --occasions 14 --replicates 1000 --seed 1 --format csv"
Rscript benchmarks/r/lapim_power.R "$rpower" 1
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)  $(date -u +%FT%TZ)"
