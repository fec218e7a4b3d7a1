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

# Three respondents' RAS answers, 9 declared user-missing (ras.sav); ras.csv holds the same answers
# with the 9 as an empty cell, and score must give the same scores for both.
cat > ras.sps <<SPS
DATA LIST LIST /id ras1 ras2 ras3 ras4 ras5 ras6 ras7 (F3.0).
BEGIN DATA
1 5 4 5 1 4 5 2
2 3 3 9 3 3 3 3
3 1 2 1 5 2 1 4
END DATA.
MISSING VALUES ras1 TO ras7 (9).
VALUE LABELS ras1 TO ras7 1 'low' 5 'high' 9 'no answer'.
SAVE OUTFILE='ras.sav' /COMPRESSED.
SPS
pspp -b ras.sps > /dev/null
printf 'id,ras1,ras2,ras3,ras4,ras5,ras6,ras7\n1,5,4,5,1,4,5,2\n2,3,3,,3,3,3,3\n3,1,2,1,5,2,1,4\n' > ras.csv
sha256sum acitelli.sav acitelli.zsav ras.sav > SHA256SUMS
