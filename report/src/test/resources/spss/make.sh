#!/bin/sh
# Writes acitelli.sav from acitelli.sps with GNU PSPP (Debian's pspp package):
#   cd report/src/test/resources/spss && sh make.sh
set -eu
cp ../../../../../data-samples/acitelli_individual.csv .
pspp --version | head -1 > PSPP_VERSION
pspp -b acitelli.sps
rm acitelli_individual.csv
sha256sum ../../../../../data-samples/acitelli_individual.csv acitelli.sav > SHA256SUMS
