package org.dyadkit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The number and cell formats every renderer uses: one p-value format, one unrounded number format, one
 * CSV quoting rule, and JSON numbers where a NaN or an infinity becomes {@code null}.
 */
public final class Formats {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Formats() {
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty JSON array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Puts a number, or {@code null} when it is NaN, infinite or null. */
    public static ObjectNode put(ObjectNode node, String key, Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(key);
        } else {
            node.put(key, value.doubleValue());
        }
        return node;
    }

    /** The pretty-printed JSON text of a node, with a final newline. */
    public static String json(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A number unrounded (the shortest text that reads back to the same double), integers without ".0". */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** A number rounded for text output ({@code null} and non-finite values as {@code NA}). */
    public static String fixed(Double d, int decimals) {
        if (d == null || !Double.isFinite(d)) {
            return "NA";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", d);
    }

    /** The one p-value format of text output: four decimals, or {@code <.0001}; {@code NA} when absent. */
    public static String pValue(Double p) {
        if (p == null || !Double.isFinite(p)) {
            return "NA";
        }
        return p < 1e-4 ? "<.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** One CSV line for the cells, quoted where needed; null and non-finite numbers are empty cells. */
    public static String csvLine(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csvCell(cells.get(i)));
        }
        return sb.toString();
    }

    private static String csvCell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            return Double.isFinite(d) ? number(d) : "";
        }
        if (o instanceof Float f) {
            return Float.isFinite(f) ? number(f) : "";
        }
        String s = o.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Lays out rows of text cells as a left-aligned table with two spaces between columns. */
    public static String table(List<List<String>> rows) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.size(); c++) {
                String cell = r.get(c);
                line.append(cell).append(" ".repeat(width[c] - cell.length() + (c + 1 < r.size() ? 2 : 0)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
