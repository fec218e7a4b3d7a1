* Four persons of two couples; the values tested in SpssFileTest.
SET DECIMAL=DOT.
DATA LIST LIST /cuplid (F4.0) gender (F2.0) satisfaction (F8.3) relationship_satisfaction (F8.2) note (A12) essay (A300).
BEGIN DATA
1 1 4.5 5.25 "first" "A"
1 2 -99 6 "none" "B"
2 1 3.125 999 "third note" "C"
2 2 . 7.5 "fourth" "D"
END DATA.
* the 300-character essay of the third person: 'C' then 298 dots then 'Z'.
IF (cuplid = 2 AND gender = 1) essay = CONCAT('C', RPAD('', 298, '.'), 'Z').
VARIABLE LABELS gender 'Gender of the partner' satisfaction 'Relationship satisfaction (RAS mean)'.
VALUE LABELS gender 1 'husband' 2 'wife' /satisfaction -99 'refused'.
MISSING VALUES satisfaction (-99) relationship_satisfaction (900 THRU HI) note ('none').
DOCUMENT Test file written by make.sh with GNU PSPP.
SAVE OUTFILE='couples.sav' /UNCOMPRESSED.
SAVE OUTFILE='couples-bytecode.sav' /COMPRESSED.
SAVE OUTFILE='couples.zsav' /ZCOMPRESSED.
