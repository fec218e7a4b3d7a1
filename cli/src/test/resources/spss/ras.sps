DATA LIST LIST /id ras1 ras2 ras3 ras4 ras5 ras6 ras7 (F3.0).
BEGIN DATA
1 5 4 5 1 4 5 2
2 3 3 9 3 3 3 3
3 1 2 1 5 2 1 4
END DATA.
MISSING VALUES ras1 TO ras7 (9).
VALUE LABELS ras1 TO ras7 1 'low' 5 'high' 9 'no answer'.
SAVE OUTFILE='ras.sav' /COMPRESSED.
