#!/usr/bin/env bash
# The README's main command on the sample data: scores the simulated couple survey with the bundled SCS,
# Authenticity Scale and RAS and the sample's own partner-behaviour instrument, then checks that the
# problems found are exactly the faults documented in data-samples/README.md.
# Usage: bash data-samples/run.sh [OUTPUT_DIR]   (default: a fresh temporary folder)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$(mktemp -d "${TMPDIR:-/tmp}/dyadkit-samples.XXXXXX")}"
mkdir -p "$out"
cd "$root"
./dyadkit score \
  --input data-samples/simulated_couples.csv \
  --output "$out/simulated_couples_scored.csv" \
  --id person_id \
  --instrument scs --items 'scs{n}' \
  --instrument authenticity --items 'as{n}' \
  --instrument ras --items 'ras{n}' \
  --instrument data-samples/partner-behaviour.json --items 'pb{n}' \
  --problems "$out/simulated_couples_problems.csv"
# line, column and problem of every reported problem, against the documented list
expected="data-samples/simulated_couples_problems.csv"
if ! diff <(cut -d, -f2,3,5 "$expected") <(cut -d, -f2,3,5 "$out/simulated_couples_problems.csv"); then
  echo "run.sh: the problems found differ from $expected (lines marked > were found, < expected)" >&2
  exit 1
fi
echo "run.sh: scored $(($(wc -l < "$out/simulated_couples_scored.csv") - 1)) rows into $out; problems as documented"
