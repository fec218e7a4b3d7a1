#!/usr/bin/env bash
# reliability on the seeded 1,000,000-row SCS-26 file against psych::alpha and against `score` on the same
# file, whole process, interleaved (benchmarks/interleave.py); peak memory at 100,000 and 1,000,000 rows.
#   benchmarks/reliability/run.sh [ROUNDS] [R_ROUNDS]   (defaults 5 and 2; WORK=folder keeps the files)
# psych::alpha takes about a minute of CPU on the 1M-row file, so it gets fewer rounds and no warm-up;
# the numbers are checked against psych on the 100,000-row file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-5}"
r_rounds="${2:-2}"
work="${WORK:-$(mktemp -d -t dyadkit-rel-bench.XXXXXX)}"
mkdir -p "$work"
jar="${JAR:-$root/cli/target/dyadkit.jar}"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -o -DskipTests -pl cli -am package >&2)
[[ -f "$work/scs_big.csv" ]] || Rscript "$root/benchmarks/batch/generate_scs.R" 1000000 "$work/scs_big.csv" 20261125
[[ -f "$work/scs_small.csv" ]] || Rscript "$root/benchmarks/batch/generate_scs.R" 100000 "$work/scs_small.csv" 20261125
sha256sum "$work/scs_big.csv"
java="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"   # the launcher's options, without its CDS archive
rel="$java -jar $jar reliability --instrument scs --format json"
# the numbers first: dyadkit's raw alphas against psych's (100,000 rows)
$rel --input "$work/scs_small.csv" > "$work/rel.json"
Rscript "$here/psych_alpha.R" "$work/scs_small.csv" > "$work/psych.txt"
python3 - "$work/rel.json" "$work/psych.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ours = {s["scale"]: s["alpha"]["raw_alpha"] for s in d["scales"]}
for line in open(sys.argv[2]):
    name, v = line.split()
    diff = abs(ours[name] - float(v))
    print(f"{name}: dyadkit {ours[name]:.12f} psych {float(v):.12f} diff {diff:.1e}")
    assert diff < 1e-8, name
PY
python3 "$root/benchmarks/interleave.py" --rounds "$rounds" --json "$work/times.json" \
  "reliability (default: 6 subscales + total, alpha + omega)=$rel --input $work/scs_big.csv" \
  "reliability --subscale (6 subscales: alpha + omega total)=$rel --input $work/scs_big.csv --subscale self_kindness,self_judgment,common_humanity,isolation,mindfulness,over_identification" \
  "score=$java -Xms16m -Xmx512m -jar $jar score --instrument scs --min-answered 0.8 --total mean-of-subscales --input $work/scs_big.csv --output $work/scored.csv" \
  "reliability 100k rows=$rel --input $work/scs_small.csv"
python3 "$root/benchmarks/interleave.py" --rounds "$r_rounds" --warmup 0 --json "$work/times_psych.json" \
  "reliability (default)=$rel --input $work/scs_big.csv" \
  "psych::alpha (fread + 7 scales)=Rscript $here/psych_alpha.R $work/scs_big.csv"
for f in small big; do
  /usr/bin/time -v $rel --input "$work/scs_$f.csv" 2> "$work/time.txt" > /dev/null
  echo "peak RSS, reliability, $f file: $(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.txt") KB"
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
