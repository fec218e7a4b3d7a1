#!/usr/bin/env bash
# Checks the published shape of a release as a new user meets it (run by hand; needs the network):
# deploys every module to a throw-away file repository (not ~/.m2), then builds a separate 30-line
# Maven project (verification/consumer) that imports dyadkit-bom, depends on dyadkit-analysis only,
# and fits the Acitelli APIM, with its own throw-away local repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="${TMPDIR:-/tmp}/dyadkit-release-repo"
m2="${TMPDIR:-/tmp}/dyadkit-release-m2"
version="$(sed -n 's:.*<revision>\(.*\)</revision>.*:\1:p' "$root/pom.xml")"
rm -rf "$repo"
# -Dmaven.install.skip: deploy runs the install phase first, which must not touch the shared ~/.m2
(cd "$root" && mvn -B -q -DskipTests -Dmaven.install.skip=true -DaltDeploymentRepository=local::file://"$repo" deploy)
for m in core analysis report cli; do
  for kind in "" -sources -javadoc; do
    f="$repo/org/dyadkit/dyadkit-$m/$version/dyadkit-$m-$version$kind.jar"
    test -f "$f" || { echo "missing $f" >&2; exit 1; }
  done
done
test -f "$repo/org/dyadkit/dyadkit-bom/$version/dyadkit-bom-$version.pom"
test -f "$root/cli/target/dyadkit-$version.zip"
cd "$root/verification/consumer"
mvn -B -q -Dmaven.repo.local="$m2" -Ddyadkit.repo=file://"$repo" package dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "target/classes:$(cat target/cp.txt)" demo.Demo "$root/data-samples/acitelli_individual.csv"
