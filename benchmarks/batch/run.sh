#!/usr/bin/env bash
# Whole-process comparison of `dyadkit score` with R on the same seeded SCS-26 file, and peak memory.
#   benchmarks/batch/run.sh [ROWS] [RUNS]      (defaults: 1000000 rows, 5 runs)
# Needs R with data.table, hyperfine and GNU time. Writes into $WORK (default: a new temporary folder).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
runs="${2:-5}"
work="${WORK:-$(mktemp -d -t dyadkit-batch-bench.XXXXXX)}"
mkdir -p "$work"
echo "work folder: $work" >&2

(cd "$root" && mvn -B -q -DskipTests -pl cli -am package >&2)
small=$((rows / 10))
Rscript "$here/generate_scs.R" "$rows" "$work/scs_big.csv" 20261125
Rscript "$here/generate_scs.R" "$small" "$work/scs_small.csv" 20261125
sha256sum "$work/scs_big.csv" >&2

dk="$root/dyadkit score --instrument scs --min-answered 0.8 --total mean-of-subscales"
hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/hyperfine.md" --export-json "$work/hyperfine.json" \
  -n "dyadkit score" "$dk --input $work/scs_big.csv --output $work/dyadkit.csv" \
  -n "dyadkit score --id id" "$dk --id id --input $work/scs_big.csv --output $work/dyadkit_id.csv" \
  -n "R read.csv + base R + write.csv" "Rscript $here/score_base.R $work/scs_big.csv $work/r_base.csv" \
  -n "R fread + base R + fwrite" "Rscript $here/score_datatable.R $work/scs_big.csv $work/r_dt.csv"

Rscript "$here/compare_outputs.R" "$work/dyadkit.csv" "$work/r_dt.csv"
Rscript "$here/compare_outputs.R" "$work/dyadkit.csv" "$work/r_base.csv"

for f in small big; do
  for id in "" "--id id"; do
    /usr/bin/time -v $dk $id --input "$work/scs_$f.csv" --output "$work/rss.csv" 2> "$work/time.txt" >/dev/null
    rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.txt")
    echo "peak RSS, $f file ($(($(wc -l < "$work/scs_$f.csv") - 1)) rows) ${id:-without --id}: $rss KB"
  done
done
cat "$work/hyperfine.md"
echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
R --version | head -1
