#!/usr/bin/env bash
# The whole-process figures of BENCHMARKS.md in one run, every comparison interleaved (interleave.py):
# scoring 1M rows against R (fread + fwrite, base R), APIM on 20,000 couples against nlme::gls, start-up
# against a bare JVM, reliability against psych::alpha and score. Peak memory of score at 100k and 1M rows.
#   benchmarks/quiet_window.sh [WORK]      (WORK keeps the generated files between runs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="${1:-/tmp/dyadkit-quiet}"
mkdir -p "$work"
cd "$root"
jar="$root/cli/target/dyadkit.jar"
[[ -f "$jar" ]] || mvn -B -q -o -DskipTests -pl cli -am package
./dyadkit --version > /dev/null   # the launcher's class-data archive, built once
[[ -f "$work/scs_big.csv" ]] || Rscript benchmarks/batch/generate_scs.R 1000000 "$work/scs_big.csv" 20261125
[[ -f "$work/scs_small.csv" ]] || Rscript benchmarks/batch/generate_scs.R 100000 "$work/scs_small.csv" 20261125
[[ -f "$work/couples_20000.csv" ]] || Rscript benchmarks/apim/make_data.R 20000 2026 "$work/couples_20000.csv"
sha256sum "$work/scs_big.csv" "$work/couples_20000.csv"
java -version 2>&1 | head -1; R --version | head -1
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== start-up"
python3 benchmarks/interleave.py --rounds 15 --warmup 2 \
  "java -version=java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version" \
  "./dyadkit --version=./dyadkit --version" \
  "./dyadkit instruments=./dyadkit instruments" \
  "java -jar (CDS archive) --version=java -XX:SharedArchiveFile=cli/target/dyadkit.jsa -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar --version" \
  "java -jar (CDS archive) instruments=java -XX:SharedArchiveFile=cli/target/dyadkit.jsa -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar instruments"

echo "== APIM, 20,000 couples"
python3 benchmarks/interleave.py --rounds 10 \
  "./dyadkit apim=./dyadkit apim --input $work/couples_20000.csv --dyad couple --role role --y y --x x" \
  "Rscript read.csv + nlme::gls=Rscript benchmarks/apim/gls_apim.R $work/couples_20000.csv"

echo "== score, 1,000,000 SCS-26 rows"
dk="./dyadkit score --instrument scs --min-answered 0.8 --total mean-of-subscales"
python3 benchmarks/interleave.py --rounds 5 \
  "./dyadkit score=$dk --input $work/scs_big.csv --output $work/dyadkit.csv" \
  "./dyadkit score 100k rows=$dk --input $work/scs_small.csv --output $work/dyadkit_small.csv" \
  "R fread + base R + fwrite=Rscript benchmarks/batch/score_datatable.R $work/scs_big.csv $work/r_dt.csv" \
  "R read.csv + base R + write.csv=Rscript benchmarks/batch/score_base.R $work/scs_big.csv $work/r_base.csv"
Rscript benchmarks/batch/compare_outputs.R "$work/dyadkit.csv" "$work/r_dt.csv"
for f in small big; do
  /usr/bin/time -v $dk --input "$work/scs_$f.csv" --output "$work/rss.csv" 2> "$work/time.txt" > /dev/null
  echo "peak RSS, score, $f file: $(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.txt") KB"
done

echo "== reliability"
WORK="$work" benchmarks/reliability/run.sh 5 2
echo "machine after: load $(cut -d' ' -f1-3 /proc/loadavg)"
