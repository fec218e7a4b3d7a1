#!/usr/bin/env bash
# Checks that two builds give byte-identical output on the sample files: the dyadic commands
# (apim, apimem, nonindependence, correlate, distinguishability, mediate) in JSON, text and CSV; and
# reliability's JSON numbers to 1e-12 relative, omega's (an iterative fit) to 1e-9 (its streamed sums are
# exact integers, the two-pass moments it replaced were not, so the last digits of a double may differ).
# ONLY=reliability skips the byte-for-byte part.
#   benchmarks/dyad/same_outputs.sh BEFORE.jar AFTER.jar [EXTRA_CSV_20K_COUPLES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
before="$1"; after="$2"; big="${3:-}"
s="$root/data-samples"
aci="--input $s/acitelli_individual.csv --dyad cuplid --role gender"
runs=(
  "apim $aci --y satisfaction --x other_pos --k --bootstrap 200 --seed 1"
  "apim $aci --y satisfaction --x other_pos --indistinguishable"
  "apimem $aci --x other_pos --m tension --y satisfaction --bootstrap 200 --seed 1"
  "nonindependence $aci --var satisfaction"
  "correlate $aci --vars satisfaction,tension,other_pos"
  "distinguishability $aci --y satisfaction --x other_pos"
  "mediate --input $s/acitelli_individual.csv --x other_pos --m tension --y satisfaction --dyad cuplid --bootstrap 200 --seed 1 --ci bca"
)
close=(
  "reliability --instrument ras --input $s/simulated_couples.csv --items ras{n}"
  "reliability --instrument scs --input $s/simulated_couples.csv --items scs{n} --by role"
  "reliability --instrument scs --input $s/simulated_couples.csv --items scs{n} --use listwise"
)
if [[ -n "$big" ]]; then
  runs+=("apim --input $big --dyad couple --role role --y y --x x")
fi
tmp="$(mktemp -d)"
fail=0
[[ "${ONLY:-}" == reliability ]] && runs=()
for run in "${runs[@]+"${runs[@]}"}"; do
  for fmt in json text csv; do
    # shellcheck disable=SC2086
    java -jar "$before" $run --format $fmt > "$tmp/b" 2> "$tmp/be" || echo "exit $?" >> "$tmp/b"
    # shellcheck disable=SC2086
    java -jar "$after" $run --format $fmt > "$tmp/a" 2> "$tmp/ae" || echo "exit $?" >> "$tmp/a"
    if cmp -s "$tmp/b" "$tmp/a" && cmp -s "$tmp/be" "$tmp/ae"; then
      echo "same  $fmt  ${run%% --*} ($(wc -c < "$tmp/a") bytes)"
    else
      echo "DIFF  $fmt  $run"; { diff "$tmp/b" "$tmp/a"; diff "$tmp/be" "$tmp/ae"; } | head -10 || true; fail=1
    fi
  done
done
for run in "${close[@]}"; do
  # shellcheck disable=SC2086
  java -jar "$before" $run --format json > "$tmp/b"
  # shellcheck disable=SC2086
  java -jar "$after" $run --format json > "$tmp/a"
  python3 - "$tmp/b" "$tmp/a" "$run" <<'PY' || fail=1
import json, sys
def walk(a, b, path, worst):
    if isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a: worst = walk(a[k], b[k], path + "." + k, worst)
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)): worst = walk(x, y, f"{path}[{i}]", worst)
    elif isinstance(a, float) and isinstance(b, float):
        rel = abs(a - b) / max(1.0, abs(a))
        assert rel < (1e-9 if "omega" in path else 1e-12), f"{path}: {a} against {b}"
        worst = max(worst, rel)
    else:
        assert a == b, f"{path}: {a!r} against {b!r}"
    return worst
worst = walk(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), "", 0.0)
print(f"close json {sys.argv[3].split(' --')[0]}: every key and text the same, numbers within {worst:.1e}")
PY
done
rm -rf "$tmp"
exit $fail
