package org.dyadkit.apim;

import org.dyadkit.dyad.DyadArrays;
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
        return rowsAt("/golden/apim/" + name);
    }

    /** Header and rows of a CSV resource (absolute resource path). */
    static List<String[]> rowsAt(String name) {
        try (InputStream in = TestData.class.getResourceAsStream(name)) {
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
    static DyadArrays individual(String name, String dyadCol, String roleCol, Map<String, String> roleNames) {
        return individualAt("/golden/apim/" + name, dyadCol, roleCol, roleNames);
    }

    /** As {@link #individual}, for a CSV resource at an absolute resource path. */
    static DyadArrays individualAt(String name, String dyadCol, String roleCol, Map<String, String> roleNames) {
        List<String[]> rows = rowsAt(name);
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
        return DyadArrays.of(dyad, role, vars);
    }

    static DyadArrays acitelli() {
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

    /** A variable's values for the members with a role, one per dyad in order of first appearance. */
    static double[] column(DyadArrays d, String var, String role) {
        Map<String, Double> byDyad = new LinkedHashMap<>();
        for (int i = 0; i < d.persons(); i++) {
            byDyad.putIfAbsent(d.dyadId(i), Double.NaN);
            if (role.equals(d.role(i))) {
                byDyad.put(d.dyadId(i), d.values(var)[i]);
            }
        }
        return byDyad.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Fitted values person by person (NaN where a person is not in the model) for a distinguishable model
     * with terms intercept, actor, partner and covariate c, computed from the coefficients by hand.
     */
    static double[] fitted(DyadArrays d, ApimFit f, String y, String x, String c) {
        double[] out = new double[d.persons()];
        for (int i = 0; i < d.persons(); i++) {
            int j = d.partner(i);
            double yi = d.values(y)[i];
            double xi = d.values(x)[i];
            double ci = d.values(c)[i];
            double xj = j < 0 ? Double.NaN : d.values(x)[j];
            if (Double.isNaN(yi) || Double.isNaN(xi) || Double.isNaN(ci) || Double.isNaN(xj)) {
                out[i] = Double.NaN;
                continue;
            }
            String r = d.role(i);
            double[] v = {1, xi, xj, ci};
            String[] t = {"intercept", "actor", "partner", "c"};
            double s = 0;
            if (f.parameterisation().orElse(null) == Parameterisation.TWO_INTERCEPT) {
                for (int k = 0; k < 4; k++) {
                    s += f.coefficient(t[k] + ":" + r).estimate() * v[k];
                }
            } else {
                double e = r.equals(f.roles().get(0)) ? 1 : -1;
                for (int k = 0; k < 4; k++) {
                    String inter = k == 0 ? "role" : t[k] + ":role";
                    s += (f.coefficient(t[k]).estimate() + e * f.coefficient(inter).estimate()) * v[k];
                }
            }
            out[i] = s;
        }
        return out;
    }

    /** The same persons without roles, dyads in random order and members swapped at random. */
    static DyadArrays shuffled(DyadArrays d, long seed, String... vars) {
        org.apache.commons.rng.UniformRandomProvider rng =
                org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0x5DEECE66DL);
        Map<String, List<Integer>> byDyad = new LinkedHashMap<>();
        for (int i = 0; i < d.persons(); i++) {
            byDyad.computeIfAbsent(d.dyadId(i), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byDyad.values());
        for (int i = groups.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            List<Integer> t = groups.get(i);
            groups.set(i, groups.get(j));
            groups.set(j, t);
        }
        List<Integer> order = new ArrayList<>();
        for (List<Integer> g : groups) {
            if (g.size() == 2 && rng.nextBoolean()) {
                order.add(g.get(1));
                order.add(g.get(0));
            } else {
                order.addAll(g);
            }
        }
        String[] dyad = new String[order.size()];
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String v : vars) {
            out.put(v, new double[order.size()]);
        }
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            dyad[k] = d.dyadId(i);
            for (String v : vars) {
                out.get(v)[k] = d.values(v)[i];
            }
        }
        return DyadArrays.of(dyad, null, out);
    }
}
