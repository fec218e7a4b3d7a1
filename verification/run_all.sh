#!/bin/sh
# Runs every comparison of the verification harness (by hand; about 5 minutes on 2 cores).
set -e
cd "$(dirname "$0")/.."
./dyadkit --version >/dev/null
for s in apim/compare_apim.R apim/compare_apim_extras.R apim/compare_satterthwaite.R apim/optimum_check.R apim/compare_betwithin.R apim/compare_scaling.R \
         dyad/compare_dyad.R dyad/dirty_inputs_analysis.R scoring/compare_scoring.R scoring/compare_user_instrument.R scoring/dirty_inputs.R \
         reliability/compare_reliability.R mediation/compare_mediate.R errors/check_errors.R errors/check_behaviour.R; do
  echo "== $s"
  Rscript "verification/$s" 2>&1 | grep -E "MISMATCH|FAILED|^BAD|checks,|cases,|nlme rho" || true
done
