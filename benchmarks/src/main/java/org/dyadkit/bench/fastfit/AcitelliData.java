package org.dyadkit.bench.fastfit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dyadkit.dyad.DyadArrays;

/** The Acitelli couples ({@code data-samples/acitelli_individual.csv}, 148 couples) as arrays, read once. */
final class AcitelliData {
    private AcitelliData() {
    }

    /** Reads the file named by {@code -Dacitelli=} (default {@code data-samples/acitelli_individual.csv}). */
    static DyadArrays load() {
        Path p = Path.of(System.getProperty("acitelli", "data-samples/acitelli_individual.csv"));
        List<String> lines;
        try {
            lines = Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root or pass -Dacitelli=PATH", e);
        }
        String[] head = lines.get(0).replace("\"", "").split(",");
        int n = lines.size() - 1;
        String[] dyad = new String[n];
        String[] role = new String[n];
        Map<String, double[]> vars = new LinkedHashMap<>();
        for (String v : List.of("other_pos", "tension", "satisfaction")) {
            vars.put(v, new double[n]);
        }
        for (int i = 0; i < n; i++) {
            String[] c = lines.get(i + 1).split(",");
            for (int j = 0; j < head.length; j++) {
                switch (head[j]) {
                    case "cuplid" -> dyad[i] = c[j];
                    case "gender" -> role[i] = c[j];
                    default -> {
                        double[] v = vars.get(head[j]);
                        if (v != null) {
                            v[i] = c[j].isEmpty() || c[j].equals("NA") ? Double.NaN : Double.parseDouble(c[j]);
                        }
                    }
                }
            }
        }
        return DyadArrays.of(dyad, role, vars);
    }
}
