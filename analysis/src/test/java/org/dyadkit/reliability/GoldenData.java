package org.dyadkit.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dyadkit.table.DataTable;

/** Loads the reliability goldens (inputs and psych results) from the test resources. */
final class GoldenData {
    private GoldenData() {
    }

    static Path resource(String name) {
        try {
            return Path.of(GoldenData.class.getResource("/golden/reliability/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String name) {
        try (InputStream in = GoldenData.class.getResourceAsStream("/golden/reliability/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DataTable table(String name) {
        return DataTable.read(resource(name));
    }

    /** Item columns of a table as an item set with a 1-5 range. */
    static ItemSet items(DataTable t, List<String> names, List<String> reversed) {
        return items(t, names, reversed, 1, 5);
    }

    /** Item columns of a table as an item set with the given range. */
    static ItemSet items(DataTable t, List<String> names, List<String> reversed, double min, double max) {
        double[][] cols = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            cols[j] = t.numeric(names.get(j));
        }
        double[][] x = new double[t.rowCount()][names.size()];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < names.size(); j++) {
                x[r][j] = cols[j][r];
            }
        }
        return ItemSet.of(names, x, reversed, min, max);
    }

    static List<String> names(String prefix, int... numbers) {
        List<String> out = new ArrayList<>();
        for (int n : numbers) {
            out.add(prefix + n);
        }
        return out;
    }

    static int[] range(int from, int to) {
        int[] out = new int[to - from + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
