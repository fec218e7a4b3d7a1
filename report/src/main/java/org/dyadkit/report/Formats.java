package org.dyadkit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The number and cell formats every renderer uses: one p-value format, one unrounded number format, one
 * CSV quoting rule, and JSON numbers where a NaN or an infinity becomes {@code null}.
 *
 * <p>A statistic that cannot be computed (docs/output.md, "Statistics that cannot be computed"): in JSON
 * it is {@code null} with a string key {@code <key>_reason} beside it ({@code "t": null, "t_reason":
 * "..."}); a renderer names the reason with {@link #REASON}, and a NaN or infinity it did not explain gets
 * {@link #reason(double)}. In text it is {@code NA} with a note line naming the reason; in CSV an empty
 * cell. A {@code null} without a reason key means "not asked for" (an option not given), never "failed".
 */
public final class Formats {
    /**
     * The nodes' factory: the one a default {@code ObjectMapper} uses, taken directly so that building nodes
     * (text and CSV output build a few) does not start a mapper.
     */
    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory NODES =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

    /** The mapper that writes JSON text, started on first use (only JSON output needs it). */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The suffix of the key that says why the statistic before it is {@code null}: {@code t} and {@code t_reason}. */
    public static final String REASON = "_reason";

    private Formats() {
    }

    /** The reason written beside a NaN or an infinity that the renderer did not explain. */
    public static String reason(double v) {
        if (Double.isNaN(v)) {
            return "not computable on these data";
        }
        return "infinite on these data";
    }

    private static boolean nonFinite(Object v) {
        return v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f);
    }

    /**
     * Puts {@code value} under {@code key} of a map that {@link #object(java.util.Map)} will write, or, when it is
     * absent or not finite, {@code null} with {@code key_reason} = {@code reason}.
     */
    public static void putOr(java.util.Map<String, Object> map, String key, Double value, String reason) {
        map.put(key, value);
        if (value == null || !Double.isFinite(value)) {
            map.put(key + REASON, reason);
        }
    }

    /** {@link #putOr(java.util.Map, String, Double, String)} of a value that may be empty. */
    public static void putOr(java.util.Map<String, Object> map, String key, java.util.OptionalDouble value,
            String reason) {
        putOr(map, key, value.isPresent() ? value.getAsDouble() : null, reason);
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty JSON array. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * Puts a number, or {@code null} when it is NaN, infinite or null; a NaN or an infinity also gets
     * {@code key_reason} ({@link #reason(double)}) unless the node has one.
     */
    public static ObjectNode put(ObjectNode node, String key, Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(key);
            if (value != null && !node.has(key + REASON)) {
                node.put(key + REASON, reason(value));
            }
        } else {
            node.put(key, value.doubleValue());
        }
        return node;
    }

    /**
     * The JSON node of a value built from explicit keys: maps (their keys in order; a NaN or infinite value
     * becomes {@code null} with {@code key_reason} beside it unless the map gives one), lists, strings,
     * booleans, numbers (NaN and infinities as {@code null}), enums (their {@code toString}), {@code Optional},
     * {@code OptionalDouble}, {@code OptionalLong} and {@code OptionalInt} (empty as {@code null}) and nodes.
     * Records are refused: their keys would be derived from field names.
     *
     * @throws IllegalArgumentException for any other type
     */
    public static com.fasterxml.jackson.databind.JsonNode node(Object value) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = NODES;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof com.fasterxml.jackson.databind.JsonNode n) {
            return n;
        }
        if (value instanceof java.util.Optional<?> o) {
            return node(o.orElse(null));
        }
        if (value instanceof java.util.OptionalDouble o) {
            return o.isPresent() ? node(o.getAsDouble()) : f.nullNode();
        }
        if (value instanceof java.util.OptionalLong o) {
            return o.isPresent() ? f.numberNode(o.getAsLong()) : f.nullNode();
        }
        if (value instanceof java.util.OptionalInt o) {
            return o.isPresent() ? f.numberNode(o.getAsInt()) : f.nullNode();
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? f.numberNode(d) : f.nullNode();
        }
        if (value instanceof Float d) {
            return Float.isFinite(d) ? f.numberNode(d) : f.nullNode();
        }
        if (value instanceof Integer i) {
            return f.numberNode(i);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            return f.textNode(value.toString());
        }
        if (value instanceof java.util.Map<?, ?> m) {
            ObjectNode o = f.objectNode();
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (o.has(key)) {
                    return; // a reason written before its statistic's turn
                }
                o.set(key, node(v));
                Object given = m.get(key + REASON);
                if (given != null) {
                    o.set(key + REASON, node(given));
                } else if (nonFinite(v)) {
                    o.put(key + REASON, reason(((Number) v).doubleValue()));
                }
            });
            return o;
        }
        if (value instanceof double[] d) {
            ArrayNode a = f.arrayNode();
            for (double v : d) {
                a.add(node(v));
            }
            return a;
        }
        if (value instanceof double[][] d) {
            ArrayNode a = f.arrayNode();
            for (double[] v : d) {
                a.add(node(v));
            }
            return a;
        }
        if (value instanceof int[] d) {
            ArrayNode a = f.arrayNode();
            for (int v : d) {
                a.add(v);
            }
            return a;
        }
        if (value instanceof Iterable<?> it) {
            ArrayNode a = f.arrayNode();
            it.forEach(v -> a.add(node(v)));
            return a;
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName()
                + "; write its keys explicitly");
    }

    /** The JSON object of a map with explicit keys (see {@link #node}). */
    public static ObjectNode object(java.util.Map<String, ?> map) {
        return (ObjectNode) node(map);
    }

    /** The pretty-printed JSON text of a node, with a final newline. */
    public static String json(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return Mapper.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
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

    /** A number to 7 significant digits, as R prints by default ({@code NA}, {@code Inf}, {@code -Inf}). */
    public static String sig(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(7)).stripTrailingZeros().toPlainString();
    }

    /** {@link #sig(double)} of a value that may be absent ({@code NA}). */
    public static String sig(java.util.OptionalDouble v) {
        return v.isPresent() ? sig(v.getAsDouble()) : "NA";
    }

    /** Degrees of freedom: whole numbers as integers, else two decimals. */
    public static String df(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    /** {@link #pValue(Double)} of a primitive (NaN as {@code NA}). */
    public static String pValue(double p) {
        return pValue(Double.valueOf(p));
    }

    /** {@link #pValue(Double)} of a value that may be absent. */
    public static String pValue(java.util.OptionalDouble p) {
        return p.isPresent() ? pValue(p.getAsDouble()) : "NA";
    }

    /** A number rounded for text output ({@code null} and non-finite values as {@code NA}). */
    public static String fixed(Double d, int decimals) {
        if (d == null || !Double.isFinite(d)) {
            return "NA";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", d);
    }

    /**
     * A number rounded for a fixed-width text column, right-aligned in {@code width} characters; a value that
     * could not be computed is {@code NA} (the renderer says why in a note).
     */
    public static String fixed(double d, int width, int decimals) {
        String s = Double.isFinite(d) ? String.format(Locale.ROOT, "%." + decimals + "f", d) : "NA";
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
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
