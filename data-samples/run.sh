#!/usr/bin/env bash
# The README's main command on the sample data: scores the simulated couple survey with the bundled SCS,
# Authenticity Scale and RAS and the sample's own partner-behaviour and conflict-style instruments, checks that the
# problems found are exactly the faults documented in data-samples/README.md, then runs the couple
# analyses on the scored file (nonindependence, cross-partner correlations, the APIM with k, the
# distinguishability test, reliability per partner). Every output is written to OUTPUT_DIR. Last, the
# whole study declared in data-samples/study.yaml runs in one command into OUTPUT_DIR/study (scores,
# results.json, tables, figures and report.html).
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
  --instrument data-samples/conflict-styles.json --items 'cs{n}' \
  --min-answered 0.8 \
  --problems "$out/simulated_couples_problems.csv"
# line, column and problem of every reported problem, against the documented list
expected="data-samples/simulated_couples_problems.csv"
if ! diff <(cut -d, -f2,3,5 "$expected") <(cut -d, -f2,3,5 "$out/simulated_couples_problems.csv"); then
  echo "run.sh: the problems found differ from $expected (lines marked > were found, < expected)" >&2
  exit 1
fi
scored="$out/simulated_couples_scored.csv"
couples=(--input "$scored" --dyad couple_id --role role)
# Are partners' scores related?
./dyadkit nonindependence "${couples[@]}" --var scs_total --var ras_total > "$out/nonindependence.txt"
./dyadkit nonindependence "${couples[@]}" --var scs_total --var ras_total --format json > "$out/nonindependence.json"
# One partner's self-compassion with the other's ratings of their behaviour (Neff & Beretvas 2013)
./dyadkit correlate "${couples[@]}" --format csv \
  --vars scs_total,partner_behaviour_caring,partner_behaviour_controlling,partner_behaviour_accepting \
  > "$out/correlations.csv"
# Conflict styles on both partners' self-compassion (the seed's claim: self-compassion raises one's own
# compromise and lowers one's own submission)
./dyadkit apim "${couples[@]}" --y conflict_styles_compromise --x scs_total > "$out/apim_compromise.txt"
./dyadkit apim "${couples[@]}" --y conflict_styles_submission --x scs_total > "$out/apim_submission.txt"
# Satisfaction on both partners' self-compassion: the APIM with k, and the distinguishability test
./dyadkit apim "${couples[@]}" --y ras_total --x scs_total --k > "$out/apim.txt"
./dyadkit apim "${couples[@]}" --y ras_total --x scs_total --k --format json > "$out/apim.json"
./dyadkit distinguishability "${couples[@]}" --y ras_total --x scs_total > "$out/distinguishability.txt"
# Each partner's reliability of the SCS scales
./dyadkit reliability --instrument scs --input data-samples/simulated_couples.csv --items 'scs{n}' \
  --by role > "$out/reliability_scs.txt" 2> "$out/reliability_scs.log"
# ... and of the six conflict styles
./dyadkit reliability --instrument data-samples/conflict-styles.json --input data-samples/simulated_couples.csv \
  --items 'cs{n}' --by role > "$out/reliability_conflict_styles.txt" 2> "$out/reliability_conflict_styles.log"
# The diary sample over 14 days: growth of closeness, the longitudinal APIM of stress, stability and influence
diary=(--input data-samples/diary_couples.csv --dyad couple --role gender --person person --occasion day)
./dyadkit growth "${diary[@]}" --y closeness --time time > "$out/diary_growth.txt"
./dyadkit longitudinal-apim "${diary[@]}" --y closeness --x stress --format json > "$out/diary_longitudinal_apim.json"
./dyadkit stability-influence "${diary[@]}" --y closeness > "$out/diary_stability_influence.txt"
cat "$out/apim.txt"
# The whole study in one command: scores, every analysis, tables, figures and the report
./dyadkit study data-samples/study.yaml --out "$out/study"
# the study scores with the same commands: the same problems as the single score run above
if ! diff <(cut -d, -f2- "$out/simulated_couples_problems.csv") <(cut -d, -f2- "$out/study/problems.csv"); then
  echo "run.sh: the study's problems.csv differs from the score run's" >&2
  exit 1
fi
echo "run.sh: scored $(($(wc -l < "$out/simulated_couples_scored.csv") - 1)) rows into $out; problems as documented; analyses in $out"
echo "run.sh: the study's report is $out/study/report.html (results in $out/study/results.json, tables in $out/study/tables, figures in $out/study/figures)"
