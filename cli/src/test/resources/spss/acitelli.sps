GET DATA /TYPE=TXT /FILE='../../../../../data-samples/acitelli_individual.csv' /ARRANGEMENT=DELIMITED
  /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=cuplid F8.0 Yearsmar F17.13 gender F2.0 self_pos F17.14 other_pos F17.14 satisfaction F17.14
  tension F17.14 simhob F2.0.
VARIABLE LABELS satisfaction 'Relationship satisfaction' other_pos 'Perceives the partner positively'.
VALUE LABELS gender -1 'wife' 1 'husband' /simhob 0 'no' 1 'yes'.
MISSING VALUES simhob (9).
SAVE OUTFILE='acitelli.sav' /COMPRESSED.
SAVE OUTFILE='acitelli.zsav' /ZCOMPRESSED.
