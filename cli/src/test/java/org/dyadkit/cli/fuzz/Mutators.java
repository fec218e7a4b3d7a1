package org.dyadkit.cli.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/** Mutations of CSV text, of JSON or YAML trees and of bytes; each returns the new content and says what it did. */
final class Mutators {
    /** A mutated content and a short description of the change. */
    record Mutation(byte[] bytes, String what) {
    }

    /** Cell values at the edges of what a reader must handle. */
    static final List<String> CELLS = List.of("", " ", "NaN", "nan", "Inf", "-Inf", "Infinity", "-Infinity", "1e200",
            "-1e200", "1e160", "1e-300", "4.9e-324", "1.7976931348623157e308", "0", "-0", "0.0", "\"", "\"\"",
            "\"a,b\"", "\"x\"\"y\"", "NA", "-99", "99", "999999999999999999999999", "abc", "1,5", "1.5.5", "0x10", "+3",
            "1e", "\u0000", "\t", "\u00e9", "\uFEFF1", "-", ".", "TRUE");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Mutators() {
    }

    static <T> T pick(UniformRandomProvider rng, List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    /** A long cell, to test that messages quote at most 80 characters of a value. */
    private static String cell(UniformRandomProvider rng) {
        return rng.nextInt(40) == 0 ? "9".repeat(2000) : pick(rng, CELLS);
    }

    /** One mutation of a CSV file (comma-separated, header first). */
    static Mutation csv(UniformRandomProvider rng, byte[] in) {
        String text = new String(in, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int n = lines.size();
        int op = rng.nextInt(20);
        if (n == 0) {
            return new Mutation("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "empty file given a header");
        }
        int li = rng.nextInt(n);
        int data = n > 1 ? 1 + rng.nextInt(n - 1) : 0;
        switch (op) {
            case 0: {
                byte[] b = in.clone();
                if (b.length == 0) {
                    return new Mutation(b, "nothing to flip");
                }
                int i = rng.nextInt(b.length);
                b[i] = (byte) rng.nextInt(256);
                return new Mutation(b, "byte " + i + " set to " + (b[i] & 0xff));
            }
            case 1:
                lines.remove(li);
                return out(lines, "line " + (li + 1) + " deleted");
            case 2:
                lines.add(li, lines.get(li));
                return out(lines, "line " + (li + 1) + " duplicated");
            case 3: {
                String l = lines.get(li);
                lines.set(li, l.substring(0, rng.nextInt(l.length() + 1)));
                return out(lines, "line " + (li + 1) + " truncated");
            }
            case 4: {
                int cut = rng.nextInt(in.length + 1);
                return new Mutation(Arrays.copyOf(in, cut), "file truncated at byte " + cut);
            }
            case 5: case 6: case 7: case 8: {
                String[] cells = lines.get(data).split(",", -1);
                int c = rng.nextInt(cells.length);
                String v = cell(rng);
                cells[c] = v;
                lines.set(data, String.join(",", cells));
                return out(lines, "line " + (data + 1) + " cell " + (c + 1) + " = " + shorten(v));
            }
            case 9: {
                List<String> cells = new ArrayList<>(Arrays.asList(lines.get(data).split(",", -1)));
                int c = rng.nextInt(cells.size());
                if (rng.nextBoolean()) {
                    cells.remove(c);
                } else {
                    cells.add(c, cells.get(c));
                }
                lines.set(data, String.join(",", cells));
                return out(lines, "line " + (data + 1) + " cell " + (c + 1) + " deleted or duplicated");
            }
            case 10: {
                String[] h = lines.get(0).split(",", -1);
                int a = rng.nextInt(h.length);
                int b = rng.nextInt(h.length);
                h[a] = rng.nextInt(4) == 0 ? pick(rng, List.of("", " ", "\"\"", "x".repeat(300))) : h[b];
                lines.set(0, String.join(",", h));
                return out(lines, "header " + (a + 1) + " renamed");
            }
            case 11: {
                int c = column(rng, lines);
                String v = pick(rng, List.of("1e200", "0", "1", "-1e160", "NaN", ""));
                setColumn(lines, c, (row, old) -> v);
                return out(lines, "column " + (c + 1) + " all " + shorten(v));
            }
            case 12: {
                int c = column(rng, lines);
                int d = column(rng, lines);
                boolean neg = rng.nextBoolean();
                setColumn(lines, c, (row, old) -> {
                    String[] cells = row.split(",", -1);
                    String src = d < cells.length ? cells[d] : "";
                    try {
                        double x = Double.parseDouble(src);
                        return org.dyadkit.report.Formats.number(neg ? -x : 2 * x + 1);
                    } catch (NumberFormatException e) {
                        return src;
                    }
                });
                return out(lines, "column " + (c + 1) + " = " + (neg ? "-" : "2*") + "column " + (d + 1)
                        + (neg ? "" : " + 1"));
            }
            case 13: {
                int keep = rng.nextInt(Math.min(n, 6));
                return out(lines.subList(0, keep), "only the first " + keep + " lines");
            }
            case 14:
                return new Mutation(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, in), "byte-order mark");
            case 15:
                return new Mutation(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "CRLF line ends");
            case 16: {
                String d = pick(rng, List.of(";", "\t", "|", " "));
                return new Mutation(text.replace(",", d).getBytes(StandardCharsets.UTF_8), "delimiter " + shorten(d));
            }
            case 17: {
                String l = lines.get(li);
                int at = rng.nextInt(l.length() + 1);
                String ins = pick(rng, List.of("\u0000", "\"", "\r", ",", "\"\n\"", "\\"));
                lines.set(li, l.substring(0, at) + ins + l.substring(at));
                return out(lines, "inserted " + shorten(ins) + " in line " + (li + 1));
            }
            case 18: {
                String[] h = lines.get(0).split(",", -1);
                int a = rng.nextInt(h.length);
                lines.set(0, lines.get(0) + "," + h[a]);
                for (int i = 1; i < lines.size(); i++) {
                    lines.set(i, lines.get(i) + ",1");
                }
                return out(lines, "column " + h[a] + " twice");
            }
            default: {
                int c = column(rng, lines);
                double scale = pick(rng, List.of(1e150, 1e-150, 1e6, -1.0));
                setColumn(lines, c, (row, old) -> {
                    try {
                        return org.dyadkit.report.Formats.number(Double.parseDouble(old) * scale);
                    } catch (NumberFormatException e) {
                        return old;
                    }
                });
                return out(lines, "column " + (c + 1) + " times " + scale);
            }
        }
    }

    private static String shorten(String v) {
        String s = v.replace("\u0000", "\\0").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
        return s.length() > 20 ? s.substring(0, 20) + "...(" + s.length() + ")" : "'" + s + "'";
    }

    private static int column(UniformRandomProvider rng, List<String> lines) {
        return rng.nextInt(lines.get(0).split(",", -1).length);
    }

    private static void setColumn(List<String> lines, int c, java.util.function.BinaryOperator<String> f) {
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (c < cells.length) {
                cells[c] = f.apply(lines.get(i), cells[c]);
                lines.set(i, String.join(",", cells));
            }
        }
    }

    private static Mutation out(List<String> lines, String what) {
        return new Mutation((String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8),
                what);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Replacement values of JSON or YAML nodes: wrong types and edges. */
    private static JsonNode edgeNode(UniformRandomProvider rng) {
        switch (rng.nextInt(16)) {
            case 0: return F.nullNode();
            case 1: return F.textNode("");
            case 2: return F.textNode(" ");
            case 3: return F.numberNode(-1);
            case 4: return F.numberNode(0);
            case 5: return F.numberNode(1e308);
            case 6: return F.numberNode(2147483648L);
            case 7: return F.textNode("NaN");
            case 8: return F.arrayNode();
            case 9: return F.objectNode();
            case 10: return F.booleanNode(true);
            case 11: return F.numberNode(0.5);
            case 12: return F.textNode("x".repeat(300));
            case 13: return F.numberNode(-0.0);
            case 14: return F.textNode("apin");
            default: return F.numberNode(1_000_000_000);
        }
    }

    /** Every container node of a tree with the path to it. */
    private static void containers(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (JsonNode c : n) {
                containers(c, out);
            }
        }
    }

    /** One structural mutation of a JSON or YAML tree (in place); says what it did. */
    static String tree(UniformRandomProvider rng, JsonNode root) {
        List<JsonNode> nodes = new ArrayList<>();
        containers(root, nodes);
        JsonNode target = pick(rng, nodes);
        if (target instanceof ObjectNode o) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                keys.add(it.next());
            }
            if (keys.isEmpty()) {
                o.set("unknown", edgeNode(rng));
                return "key 'unknown' added to an empty object";
            }
            String k = pick(rng, keys);
            switch (rng.nextInt(5)) {
                case 0:
                    o.remove(k);
                    return "key '" + k + "' dropped";
                case 1:
                    o.set(k + (rng.nextBoolean() ? "s" : "_x"), o.get(k));
                    return "unknown key beside '" + k + "'";
                default: {
                    JsonNode v = edgeNode(rng);
                    o.set(k, v);
                    return "key '" + k + "' = " + v;
                }
            }
        }
        ArrayNode a = (ArrayNode) target;
        if (a.isEmpty()) {
            a.add(edgeNode(rng));
            return "an element added to an empty array";
        }
        int i = rng.nextInt(a.size());
        switch (rng.nextInt(4)) {
            case 0:
                a.remove(i);
                return "array element " + i + " removed";
            case 1:
                a.insert(i, a.get(i).deepCopy());
                return "array element " + i + " duplicated";
            default: {
                JsonNode v = edgeNode(rng);
                a.set(i, v);
                return "array element " + i + " = " + v;
            }
        }
    }

    /** Some bytes of a text flipped or deleted. */
    static Mutation bytes(UniformRandomProvider rng, byte[] in) {
        byte[] b = in.clone();
        if (b.length == 0) {
            return new Mutation(b, "empty");
        }
        int i = rng.nextInt(b.length);
        if (rng.nextBoolean()) {
            b[i] = (byte) (int) pick(rng, List.of((int) '"', (int) '{', (int) '}', (int) ':', (int) ',', (int) '\n', 0, 0xC3,
                    (int) ' ', (int) '-', (int) '[', (int) ']'));
            return new Mutation(b, "byte " + i + " changed");
        }
        return new Mutation(Arrays.copyOf(b, i), "cut at byte " + i);
    }

    static ObjectMapper json() {
        return new ObjectMapper();
    }
}
