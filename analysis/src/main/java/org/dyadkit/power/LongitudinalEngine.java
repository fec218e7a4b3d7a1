package org.dyadkit.power;

import java.util.ArrayList;
import java.util.List;
import org.dyadkit.diary.DiaryData;
import org.dyadkit.mlm.Autocorrelation;
import org.dyadkit.mlm.DfRule;
import org.dyadkit.mlm.Method;
import org.dyadkit.mlm.Mlm;
import org.dyadkit.mlm.MlmFit;
import org.dyadkit.table.DataTable;

/**
 * The one place where the longitudinal power simulation calls the mixed-model engine: each replicate is laid out
 * as the long (person-period) table a researcher would give {@code dyadkit longitudinal-apim} and fitted by
 * {@link Mlm#longitudinalApim}, the call behind that command.
 */
final class LongitudinalEngine {
    private static final List<String> WITH_ROLE = List.of("dyad", "person", "role", "occasion", "x", "y");
    private static final List<String> WITHOUT_ROLE = List.of("dyad", "person", "occasion", "x", "y");

    private LongitudinalEngine() {
    }

    /** One replicate's rows: dyad, person (0 or 1 within the dyad), occasion, x, y. */
    static final class Table {
        final List<double[]> rows;

        Table(int capacity) {
            rows = new ArrayList<>(capacity);
        }

        void add(int dyad, int member, int occasion, double x, double y) {
            rows.add(new double[] {dyad, member, occasion, x, y});
        }
    }

    /** A value rounded to 9 decimals, as the engine reads it back from the table. */
    static double round9(double v) {
        return Math.abs(v) < 1e6 ? Math.round(v * 1e9) / 1e9 : v;
    }

    /**
     * The value to 9 decimals as text (15 significant digits at most below 10^6, which Java parses on its fast
     * path; {@link Double#toString} would write 17 and parsing them dominated a replicate).
     */
    static String decimal(double v) {
        if (!(Math.abs(v) < 1e6)) {
            return Double.toString(v);
        }
        long r = Math.round(Math.abs(v) * 1e9);
        String frac = Long.toString(1_000_000_000L + r % 1_000_000_000L).substring(1);
        return (v < 0 && r != 0 ? "-" : "") + (r / 1_000_000_000L) + "." + frac;
    }

    /** Fits the longitudinal APIM of y on x; AR(1) residuals within person when {@code ar1}. */
    static MlmFit fit(Table t, List<String> roles, boolean ar1, Method method, DfRule df) {
        boolean dist = !roles.isEmpty();
        List<String[]> cells = new ArrayList<>(t.rows.size());
        for (double[] r : t.rows) {
            int d = (int) r[0];
            int m = (int) r[1];
            String dyad = Integer.toString(d + 1);
            String person = dyad + (m == 0 ? "a" : "b");
            String occ = Integer.toString((int) r[2]);
            cells.add(dist ? new String[] {dyad, person, roles.get(m), occ, decimal(r[3]), decimal(r[4])}
                    : new String[] {dyad, person, occ, decimal(r[3]), decimal(r[4])});
        }
        DataTable table = DataTable.of("simulated replicate", dist ? WITH_ROLE : WITHOUT_ROLE, cells);
        DiaryData diary = DiaryData.of(table).dyad("dyad").role(dist ? "role" : null).person("person")
                .occasion("occasion").build();
        return Mlm.longitudinalApim(diary, "y", "x").withMethod(method).withDf(df)
                .withAutocorrelation(ar1 ? Autocorrelation.AR1 : Autocorrelation.NONE).fit();
    }
}
