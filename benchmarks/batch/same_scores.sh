#!/usr/bin/env bash
# Checks that two builds of the command-line jar score byte-identically: the scored file, the problems
# file and the summary of `score` for several instruments, totals, missing-data rules, thread counts and
# files with problems in them (the samples, and BIG if given: a generated SCS-26 file).
#   benchmarks/batch/same_scores.sh BEFORE.jar AFTER.jar [BIG.csv]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
before="$1"; after="$2"; big="${3:-}"
s="$root/data-samples"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# an instrument with a 0-20 range: cells such as "A" or "12" leave the one-digit fast path
python3 - "$root/core/src/main/resources/instruments/ras.json" "$tmp/wide.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["id"] = "wide"; d["response"] = {"min": 0, "max": 20}
json.dump(d, open(sys.argv[2], "w"))
PY
printf 'id,ras1,ras2,ras3,ras4,ras5,ras6,ras7\n1,A,3,4,5,6,7,8\n2,12,3,4,5,6,7,8\n3,,,,,,,\n4,1,2,3.0,21,-1,x,\n1,9,9,9,9,9,9,9,9\n' > "$tmp/wide.csv"
# the simulated couples with faults: letters, fractions, out-of-range and padded cells, quoted cells,
# missing-value codes, short, long and blank-padded rows, duplicate identifiers (seeded)
python3 - "$s/simulated_couples.csv" "$tmp/faults.csv" <<'PY'
import random, sys
rng = random.Random(20261202)
lines = open(sys.argv[1]).read().splitlines()
out = [lines[0]]
bad = ["A", "3.5", "7", "0", "-1", " 3", "3.0", "\"2\"", "\"4,5\"", "9", "-9", "x", "", "1e0", "03"]
for i, line in enumerate(lines[1:]):
    cells = line.split(",")
    for _ in range(rng.randrange(4)):
        cells[rng.randrange(3, len(cells))] = rng.choice(bad)
    r = rng.random()
    if r < 0.03:
        cells = cells[: rng.randrange(5, len(cells))]
    elif r < 0.06:
        cells = cells + ["", ""]
    elif r < 0.08:
        cells = cells + ["extra"]
    elif r < 0.10:
        cells[1] = "p1"
    out.append(",".join(cells))
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
runs=(
  "--instrument scs --items scs{n} --input $s/simulated_couples.csv"
  "--instrument scs --items scs{n} --input $s/simulated_couples.csv --total mean-of-subscales --min-answered 0.8 --counts"
  "--instrument scs --items scs{n} --input $s/simulated_couples.csv --total sum-of-subscales --threads 3"
  "--instrument scs --items scs{n} --input $s/simulated_couples.csv --total item-mean --id person_id"
  "--instrument scs --items scs{n} --instrument ras --items ras{n} --input $s/simulated_couples.csv --total mean-of-subscales --total item-mean --counts"
  "--instrument scs --items scs{n} --input $tmp/faults.csv --total mean-of-subscales --id person_id --counts"
  "--instrument scs --items scs{n} --input $tmp/faults.csv --total sum-of-subscales --min-answered 0.5 --threads 2"
  "--instrument scs --items scs{n} --input $tmp/faults.csv --total mean-of-subscales --na -9,9"
  "--instrument ras --items ras{n} --instrument scs --items scs{n} --input $tmp/faults.csv --id person_id"
  "--instrument $tmp/wide.json --items ras{n} --input $tmp/wide.csv --id id --counts"
)
if [[ -n "$big" ]]; then
  for t in 0 1 3; do
    runs+=("--instrument scs --min-answered 0.8 --total mean-of-subscales --input $big --threads $t")
  done
  runs+=("--instrument scs --input $big --id id --counts")
fi
fail=0
for run in "${runs[@]}"; do
  rm -f "$tmp"/[ab].*
  for side in b a; do
    jar=$before; [[ $side == a ]] && jar=$after
    # shellcheck disable=SC2086
    java -jar "$jar" score $run --output "$tmp/$side.csv" --problems "$tmp/$side.problems.csv" \
      > "$tmp/$side.out" 2> "$tmp/$side.err" || echo "exit $?" >> "$tmp/$side.out"
    sed -i "s#$tmp/$side#OUT#g" "$tmp/$side.err"
  done
  if [[ ! -f "$tmp/b.csv" ]]; then
    echo "the run failed: $(head -c 300 "$tmp/b.err")"; fail=1; continue
  fi
  if cmp -s "$tmp/b.csv" "$tmp/a.csv" && cmp -s "$tmp/b.problems.csv" "$tmp/a.problems.csv" \
      && cmp -s "$tmp/b.out" "$tmp/a.out" && cmp -s "$tmp/b.err" "$tmp/a.err"; then
    echo "same  $(cat "$tmp/a.csv" 2>/dev/null | wc -c) bytes, $(head -c 90 "$tmp/a.err")  ${run//$root\//}"
  else
    echo "DIFF  $run"; fail=1
    { cmp "$tmp/b.csv" "$tmp/a.csv"; diff "$tmp/b.err" "$tmp/a.err"; } | head -5 || true
  fi
done
exit $fail
