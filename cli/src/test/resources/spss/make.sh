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

# The simulated couples' RAS answers (data-samples/simulated_couples.csv, 150 couples; a blank person id is
# system-missing) with the role as a labelled code (1 'man', 2 'woman'), variable labels, and -9 declared user-missing for a blank answer: couples-ras.sav, for
# the study that scores an SPSS file (SpssStudyTest).
awk -F, 'NR > 1 { r = ($3 == "man") ? 1 : 2; printf "%s %s %d", ($1 == "" ? "." : $1), ($2 == "" ? "." : $2), r; for (i = 42; i <= 48; i++) printf " %s", ($i == "" ? -9 : $i); printf "\n" }' \
  ../../../../../data-samples/simulated_couples.csv > couples-ras.txt
cat > couples-ras.sps <<SPS
DATA LIST LIST FILE='couples-ras.txt' /couple_id person_id role ras1 ras2 ras3 ras4 ras5 ras6 ras7 (F4.0).
VARIABLE LABELS ras1 'RAS item 1' role 'Partner role'.
VALUE LABELS role 1 'man' 2 'woman'.
MISSING VALUES ras1 TO ras7 (-9).
SAVE OUTFILE='couples-ras.sav' /COMPRESSED.
SPS
pspp -b couples-ras.sps > /dev/null
rm couples-ras.txt
sha256sum acitelli.sav acitelli.zsav ras.sav couples-ras.sav > SHA256SUMS
