DATA LIST LIST FILE='couples-ras.txt' /couple_id person_id role ras1 ras2 ras3 ras4 ras5 ras6 ras7 (F4.0).
VARIABLE LABELS ras1 'RAS item 1' role 'Partner role'.
VALUE LABELS role 1 'man' 2 'woman'.
MISSING VALUES ras1 TO ras7 (-9).
SAVE OUTFILE='couples-ras.sav' /COMPRESSED.
