#!/usr/bin/env bash
# Checks that two builds give byte-identical output on the sample files: the dyadic commands
# (apim, apimem, nonindependence, correlate, distinguishability, mediate) and reliability, in JSON and text.
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
  "reliability --instrument ras --input $s/simulated_couples.csv --items ras{n}"
  "reliability --instrument scs --input $s/simulated_couples.csv --items scs{n} --by role"
  "reliability --instrument scs --input $s/simulated_couples.csv --items scs{n} --use listwise"
)
if [[ -n "$big" ]]; then
  runs+=("apim --input $big --dyad couple --role role --y y --x x")
fi
tmp="$(mktemp -d)"
fail=0
for run in "${runs[@]}"; do
  for fmt in json text csv; do
    # shellcheck disable=SC2086
    java -jar "$before" $run --format $fmt > "$tmp/b" 2> "$tmp/be" || echo "exit $?" >> "$tmp/b"
    # shellcheck disable=SC2086
    java -jar "$after" $run --format $fmt > "$tmp/a" 2> "$tmp/ae" || echo "exit $?" >> "$tmp/a"
    if cmp -s "$tmp/b" "$tmp/a" && cmp -s "$tmp/be" "$tmp/ae"; then
      echo "same  $fmt  ${run%% --*} ($(wc -c < "$tmp/a") bytes)"
    else
      echo "DIFF  $fmt  $run"; diff "$tmp/b" "$tmp/a" | head -5; diff "$tmp/be" "$tmp/ae" | head -5; fail=1
    fi
  done
done
rm -rf "$tmp"
exit $fail
