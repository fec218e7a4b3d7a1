#!/usr/bin/env bash
# Whole-process APIM benchmarks against R (nlme::gls, boot), measured with hyperfine in one run.
# Usage (from the repository root): benchmarks/apim/run.sh [OUTDIR]   (default /tmp/dyadkit-apim-bench)
# SKIP_R_BOOT=1 skips R's 5000-draw bootstrap (about 6 minutes); the dyadkit bootstrap still runs.
# Writes hyperfine's markdown and JSON exports to OUTDIR; benchmarks/results/apim.md quotes them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-/tmp/dyadkit-apim-bench}"
mkdir -p "$out"
cd "$root"
mvn -B -q -DskipTests -pl cli -am package
jar="$root/cli/target/dyadkit.jar"
Rscript benchmarks/apim/make_data.R 20000 2026 "$out/couples_20000.csv"
Rscript benchmarks/apim/make_data.R 150 150 "$out/couples_150.csv"
sha256sum "$out/couples_20000.csv" "$out/couples_150.csv" > "$out/SHA256SUMS"

fit="apim --input $out/couples_20000.csv --dyad couple --role role --y y --x x"
boot="apim --input $out/couples_150.csv --dyad couple --indistinguishable --y y --x x --k --bootstrap 5000 --seed 1"
# tuned start-up: class-data-sharing archive made from one run, C1 compiler only, serial GC
java -XX:ArchiveClassesAtExit="$out/dyadkit.jsa" -jar "$jar" $fit > /dev/null
tuned="-XX:SharedArchiveFile=$out/dyadkit.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

./dyadkit --version > /dev/null   # builds the launcher's class-data archive once
hyperfine --warmup 1 --runs 10 --export-markdown "$out/fit.md" --export-json "$out/fit.json" \
  -n "./dyadkit (launcher)" "./dyadkit $fit" \
  -n "dyadkit (default JVM)" "java -jar $jar $fit" \
  -n "dyadkit (CDS + C1)" "java $tuned -jar $jar $fit" \
  -n "R nlme::gls" "Rscript benchmarks/apim/gls_apim.R $out/couples_20000.csv"

hyperfine --warmup 1 --runs 5 --export-markdown "$out/boot_dyadkit.md" --export-json "$out/boot_dyadkit.json" \
  -n "./dyadkit bootstrap (launcher)" "./dyadkit $boot" \
  -n "dyadkit bootstrap (default JVM)" "java -jar $jar $boot" \
  -n "dyadkit bootstrap (CDS + C1)" "java $tuned -jar $jar $boot"
[[ "${SKIP_R_BOOT:-0}" == 1 ]] && exit 0
hyperfine --runs 1 --export-markdown "$out/boot_r.md" --export-json "$out/boot_r.json" \
  -n "R boot + nlme::gls" "Rscript benchmarks/apim/boot_k.R $out/couples_150.csv 5000 1"
