package org.dyadkit.apim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the CSV test files of the APIM goldens (individual layout, empty cell = missing). */
final class TestData {
    private TestData() {
    }

    /** Header and rows of a resource under golden/apim/. */
    static List<String[]> rows(String name) {
        try (InputStream in = TestData.class.getResourceAsStream("/golden/apim/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String[]> out = new ArrayList<>();
            for (String line : text.split("\r?\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].replace("\"", "");
                }
                out.add(f);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Individual-layout data: dyad column, role column (null for none; values mapped through roleNames when
     * given), all other columns numeric.
     */
    static ApimData individual(String name, String dyadCol, String roleCol, Map<String, String> roleNames) {
        List<String[]> rows = rows(name);
        String[] header = rows.get(0);
        int n = rows.size() - 1;
        String[] dyad = new String[n];
        String[] role = roleCol == null ? null : new String[n];
        Map<String, double[]> vars = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            vars.put(header[c], new double[n]);
        }
        int di = indexOf(header, dyadCol);
        int ri = roleCol == null ? -1 : indexOf(header, roleCol);
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i + 1);
            dyad[i] = r[di];
            if (ri >= 0) {
                role[i] = roleNames == null ? r[ri] : roleNames.getOrDefault(r[ri], r[ri]);
                if (r[ri].isEmpty()) {
                    role[i] = null;
                }
            }
            for (int c = 0; c < header.length; c++) {
                String s = r[c];
                double v;
                try {
                    v = s.isEmpty() || s.equals("NA") ? Double.NaN : Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                vars.get(header[c])[i] = v;
            }
        }
        return ApimData.of(dyad, role, vars);
    }

    static ApimData acitelli() {
        return individual("acitelli_individual.csv", "cuplid", "gender", Map.of("-1", "wife", "1", "husband"));
    }

    private static int indexOf(String[] h, String c) {
        for (int i = 0; i < h.length; i++) {
            if (h[i].equals(c)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + c);
    }
}
