package org.dyadkit.report.tablesaw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesawTest {
    @Test
    void numericAndTextColumnsKeepTheirTypeAndMissingCells() {
        DataTable data = DataTable.of("t", List.of("id", "role", "x"),
                List.of(new String[] {"1", "man", "2.5"}, new String[] {"2", "woman", ""}));
        Table t = Tablesaw.toTablesaw(data);
        assertTrue(t.column("x") instanceof DoubleColumn);
        assertTrue(t.column("role") instanceof StringColumn);
        assertTrue(t.column("x").isMissing(1));
        assertEquals(2.5, t.doubleColumn("x").get(0));
        DataTable back = Tablesaw.fromTablesaw(t);
        assertEquals(data.records(), back.records());
    }

    @Test
    void acitelliRoundTripKeepsEveryValue() {
        DataTable data = DataTable.read(Path.of("../data-samples/acitelli_individual.csv"));
        DataTable back = Tablesaw.fromTablesaw(Tablesaw.toTablesaw(data));
        for (String col : data.columns()) {
            double[] a = data.numeric(col);
            double[] b = back.numeric(col);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 0.0, col + " row " + (i + 1));
            }
        }
    }
}
