#!/bin/sh
# The Acitelli couples (data-samples/acitelli_individual.csv, CC0) as SPSS files written by GNU PSPP,
# with value labels on gender and a user-missing code: run from this folder with `sh make.sh`.
# acitelli.sav (bytecode-compressed) and acitelli.zsav must give the same numbers as the CSV.
set -eu
pspp --version | head -1 > PSPP_VERSION
sha256sum ../../../../../data-samples/acitelli_individual.csv | sed 's|\.\./\.\./\.\./\.\./\.\./||' > INPUT_SHA256
cat > acitelli.sps <<SPS
GET DATA /TYPE=TXT /FILE='../../../../../data-samples/acitelli_individual.csv' /ARRANGEMENT=DELIMITED
  /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=cuplid F8.0 Yearsmar F17.13 gender F2.0 self_pos F17.14 other_pos F17.14 satisfaction F17.14
  tension F17.14 simhob F2.0.
VARIABLE LABELS satisfaction 'Relationship satisfaction' other_pos 'Perceives the partner positively'.
VALUE LABELS gender -1 'wife' 1 'husband' /simhob 0 'no' 1 'yes'.
MISSING VALUES simhob (9).
SAVE OUTFILE='acitelli.sav' /COMPRESSED.
SAVE OUTFILE='acitelli.zsav' /ZCOMPRESSED.
SPS
pspp -b acitelli.sps > /dev/null
sha256sum acitelli.sav acitelli.zsav > SHA256SUMS
