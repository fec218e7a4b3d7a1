#!/usr/bin/env bash
# Whole-process side-by-side runs for the fast resampling fits (issues 16 and 12), from the repository root:
#   benchmarks/mediation/fastfit.sh BEFORE_JAR [OUTDIR]
# BEFORE_JAR is the command-line jar of the implementation before (for example built from commit 9efc14f:
#   git archive 9efc14f | tar -x -C /tmp/before && (cd /tmp/before && mvn -q -o -DskipTests -pl cli -am package)).
# Both jars run with the launcher's JVM options (C1 only, serial collector) and the JDK's default class-data
# archive, so that they differ only in the code; ./dyadkit (with its own archive) is the figure users see.
#  1. apimem on the Acitelli couples, --bootstrap 5000 (--mc 0: no Monte Carlo draws, as lavaan's run),
#     1 and 2 threads, against lavaan's se = "bootstrap" (benchmarks/mediation/apimem_lavaan.R; one core);
#     one interleaved round with lavaan (minutes a run), then 5 rounds of dyadkit before and after alone.
#  2. power simulate: 1,000 replicates of the distinguishable APIM at 100 dyads and a 10-point curve (50-500 dyads,
#     1,000 replicates each), against the nlme::gls loop in R for one N (benchmarks/power/sim_gls.R); 3 rounds.
set -euo pipefail
cd "$(dirname "$0")/../.."
before="${1:?usage: fastfit.sh BEFORE_JAR [OUTDIR]}"
out="${2:-/tmp/dyadkit-fastfit-bench}"
mkdir -p "$out"
./dyadkit --version > /dev/null
J="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar"
P="power simulate --distinguishable --dyads 100 --replicates 1000 --seed 1 --format csv"
C="power simulate --distinguishable --dyads 50:500:50 --replicates 1000 --seed 1 --format csv"
./dyadkit $P > "$out/power_after.csv"
$J "$before" $P > "$out/power_before.csv"
if cmp -s "$out/power_after.csv" "$out/power_before.csv"; then echo "power: identical output before and after"; else echo "power: OUTPUT DIFFERS"; fi
python3 benchmarks/interleave.py --rounds 3 --warmup 0 --json "$out/power.json" \
  "dyadkit power 1000 x 100 dyads=./dyadkit $P" \
  "before jar, the same=$J $before $P" \
  "R gls loop 1000 x 100 dyads=Rscript benchmarks/power/sim_gls.R 1000 1 100" \
  "dyadkit 10-point curve=./dyadkit $C" \
  "before jar, the curve=$J $before $C" \
  | tee "$out/power.md"
A="apimem --input data-samples/acitelli_individual.csv --dyad cuplid --role gender --roles 1,-1 --x other_pos --m tension --y satisfaction --mc 0 --bootstrap 5000 --seed 1"
sha256sum data-samples/acitelli_individual.csv > "$out/inputs.sha256"
# the same numbers before and after, on 1 and 2 threads
$J cli/target/dyadkit.jar $A --threads 1 > "$out/apimem_after_1.txt"
$J cli/target/dyadkit.jar $A --threads 2 > "$out/apimem_after_2.txt"
$J "$before" $A --threads 2 > "$out/apimem_before_2.txt"
if cmp -s "$out/apimem_after_1.txt" "$out/apimem_after_2.txt" && cmp -s "$out/apimem_after_1.txt" "$out/apimem_before_2.txt"; then
  echo "apimem: identical output before and after, 1 and 2 threads"; else echo "apimem: OUTPUT DIFFERS"; fi
# lavaan takes minutes a run: one round with everything, then 5 rounds of the dyadkit commands alone
python3 benchmarks/interleave.py --rounds "${LAVAAN_ROUNDS:-1}" --warmup 0 --json "$out/apimem.json" \
  "dyadkit apimem 5000, 2 threads=./dyadkit $A --threads 2" \
  "dyadkit apimem 5000, 1 thread=./dyadkit $A --threads 1" \
  "lavaan se=bootstrap 5000=Rscript benchmarks/mediation/apimem_lavaan.R data-samples/acitelli_individual.csv 5000 1" \
  | tee "$out/apimem.md"
python3 benchmarks/interleave.py --rounds 5 --warmup 1 --json "$out/apimem_dyadkit.json" \
  "dyadkit apimem 5000, 2 threads=./dyadkit $A --threads 2" \
  "dyadkit apimem 5000, 1 thread=./dyadkit $A --threads 1" \
  "after jar, 2 threads=$J cli/target/dyadkit.jar $A --threads 2" \
  "before jar, 2 threads=$J $before $A --threads 2" \
  "before jar, 1 thread=$J $before $A --threads 1" \
  | tee "$out/apimem_dyadkit.md"
uptime | tee "$out/load.txt"
