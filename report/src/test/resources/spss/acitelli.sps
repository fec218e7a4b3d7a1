* The Acitelli couples (data-samples/acitelli_individual.csv, CC0) with gender labelled:
* -1 'wife' 1 'husband' (the coding of Kenny, Kashy and Cook 2006). Read by SpssLabelsTest.
SET DECIMAL=DOT.
GET DATA /TYPE=TXT /FILE='acitelli_individual.csv' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2
  /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=cuplid F4.0 Yearsmar F16.13 gender F2.0 self_pos F8.4 other_pos F8.4 satisfaction F18.14
    tension F8.4 simhob F2.0.
VARIABLE LABELS gender 'Gender of the partner' satisfaction 'Relationship satisfaction'.
VALUE LABELS gender -1 'wife' 1 'husband'.
SAVE OUTFILE='acitelli.sav'.
