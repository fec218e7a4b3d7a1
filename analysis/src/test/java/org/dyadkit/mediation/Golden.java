package org.dyadkit.mediation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads the mediation goldens and their inputs from golden/mediation/. */
final class Golden {
    private Golden() {
    }

    static String text(String name) {
        try (InputStream raw = Golden.class.getResourceAsStream("/golden/mediation/" + name)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String[]> rows(String name) {
        List<String[]> out = new ArrayList<>();
        for (String line : text(name).split("\r?\n")) {
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
    }

    /** case -> quantity -> value. */
    static Map<String, Map<String, Double>> values() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        List<String[]> rows = rows("mediation_goldens.csv");
        for (String[] r : rows.subList(1, rows.size())) {
            out.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], Double.parseDouble(r[2]));
        }
        return out;
    }

    /** Columns of an individual-layout CSV: text by name (dyad, role) and numbers (empty = NaN). */
    record Table(Map<String, String[]> text, Map<String, double[]> numbers, int n) {
    }

    static Table table(String name) {
        List<String[]> rows = rows(name);
        String[] h = rows.get(0);
        int n = rows.size() - 1;
        Map<String, String[]> text = new LinkedHashMap<>();
        Map<String, double[]> num = new LinkedHashMap<>();
        for (int c = 0; c < h.length; c++) {
            String[] t = new String[n];
            double[] v = new double[n];
            boolean numeric = true;
            for (int i = 0; i < n; i++) {
                t[i] = rows.get(i + 1)[c];
                if (t[i].isEmpty() || t[i].equals("NA")) {
                    v[i] = Double.NaN;
                } else {
                    try {
                        v[i] = Double.parseDouble(t[i]);
                    } catch (NumberFormatException e) {
                        numeric = false;
                    }
                }
            }
            text.put(h[c], t);
            if (numeric) {
                num.put(h[c], v);
            }
        }
        return new Table(text, num, n);
    }

    /** Bootstrap frequency arrays: one int[] per resample. */
    static List<int[]> frequencies(String name) {
        List<int[]> out = new ArrayList<>();
        for (String[] r : rows(name)) {
            int[] c = new int[r.length];
            for (int i = 0; i < r.length; i++) {
                c[i] = Integer.parseInt(r[i].strip());
            }
            out.add(c);
        }
        return out;
    }

    static void close(double expected, java.util.OptionalDouble actual, double rel, String what) {
        org.junit.jupiter.api.Assertions.assertTrue(actual.isPresent(), what + ": absent");
        close(expected, actual.getAsDouble(), rel, what);
    }

    static void close(double expected, double actual, double rel, String what) {
        double tol = rel * Math.max(Math.abs(expected), 1e-300);
        if (!(Math.abs(expected - actual) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " but got " + actual + " (relative tolerance "
                    + rel + ")");
        }
    }
}
