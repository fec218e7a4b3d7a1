package org.dyadkit.instrument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.dyadkit.InputException;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.scoring.TotalMethod;

/**
 * Reads and writes the instrument file format (documented in {@code docs/scoring.md}). Every fault in
 * a definition is an {@link InputException} naming the file and the field, for example
 * {@code my-scale.json: field subscales[1].items[0]: item 5 is already in subscale self_kindness}.
 */
final class InstrumentJson {
    /** The largest item number an instrument file may use (the longest published inventories have a few hundred). */
    static final int MAX_ITEM_NUMBER = 10_000;

    static final String FORMAT = "dyadkit-instrument/1";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

    private static final List<String> TOP = List.of("format", "id", "name", "version", "status", "citation",
            "key_source", "licence", "response", "reversal", "items", "reverse_keyed", "subscales", "composites",
            "tallies", "total", "missing", "notes");
    private static final List<String> TOP_REQUIRED = List.of("id", "name", "version", "status", "citation",
            "key_source", "licence", "response", "reversal", "items", "reverse_keyed", "subscales", "missing");

    private InstrumentJson() {
    }

    /** Parses and validates a definition; {@code source} names the file in messages. */
    static Instrument parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InputException(source + ": not a valid instrument file: invalid JSON" + where + ": "
                    + e.getOriginalMessage());
        }
        return new Reader(source).instrument(root);
    }

    /** The name and item count of a definition that need not be complete (a template). */
    record TemplateHead(String name, int items) {
    }

    /** Reads only the name and the number of items, for listing templates. */
    static TemplateHead head(String json, String source) {
        try {
            JsonNode root = MAPPER.readTree(json);
            return new TemplateHead(root.path("name").asText(), root.path("items").size());
        } catch (JsonProcessingException e) {
            throw new InputException(source + ": invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** Writes a definition in the file format (the output parses back to an equal instrument). */
    static String write(Instrument in) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("id", in.id());
        o.put("name", in.name());
        o.put("version", in.version());
        o.put("status", in.status().fileName());
        ObjectNode c = o.putObject("citation");
        c.put("text", in.citation().text());
        c.put("doi", in.citation().doi());
        o.put("key_source", in.keySource());
        o.put("licence", in.licence());
        ObjectNode r = o.putObject("response");
        r.put("min", in.min());
        r.put("max", in.max());
        if (!in.anchors().isEmpty()) {
            labels(r.putObject("labels"), in.anchors());
        }
        o.put("reversal", Instrument.REVERSAL);
        ArrayNode items = o.putArray("items");
        for (Item it : in.items()) {
            ObjectNode n = items.addObject();
            n.put("number", it.number());
            n.put("label", it.label());
            if (it.categorical()) {
                labels(n.putObject("categories"), it.anchors());
            } else {
                if (it.min() != in.min() || it.max() != in.max()) {
                    n.put("min", it.min());
                    n.put("max", it.max());
                }
                if (!it.anchors().isEmpty()) {
                    labels(n.putObject("labels"), it.anchors());
                }
            }
            if (!it.note().isEmpty()) {
                n.put("note", it.note());
            }
        }
        ArrayNode rk = o.putArray("reverse_keyed");
        in.reverseKeyed().forEach(rk::add);
        writeScores(o.putArray("subscales"), in.subscales());
        if (!in.composites().isEmpty()) {
            writeScores(o.putArray("composites"), in.composites());
        }
        if (!in.tallies().isEmpty()) {
            ArrayNode ts = o.putArray("tallies");
            for (CategoryTally t : in.tallies()) {
                ObjectNode n = ts.addObject();
                if (!t.prefix().isEmpty()) {
                    n.put("prefix", t.prefix());
                }
                ArrayNode ti = n.putArray("items");
                t.items().forEach(ti::add);
                ArrayNode st = n.putArray("statistics");
                if (t.counts()) {
                    st.add("count");
                }
                if (t.proportions()) {
                    st.add("proportion");
                }
            }
        }
        if (!in.totalMethods().isEmpty()) {
            ObjectNode t = o.putObject("total");
            ArrayNode ms = t.putArray("methods");
            in.totalMethods().forEach(m -> ms.add(m.cliName()));
            t.put("default", in.defaultTotal().orElseThrow().cliName());
        }
        ObjectNode m = o.putObject("missing");
        MissingRule rule = in.defaultMissing();
        m.put("rule", rule.kind().fileName());
        if (rule.fraction() != null) {
            m.put("fraction", rule.fraction());
        }
        if (rule.kind() == MissingRule.Kind.MIN_ANSWERED) {
            m.put("count", rule.count());
        }
        if (!in.notes().isEmpty()) {
            ArrayNode ns = o.putArray("notes");
            in.notes().forEach(ns::add);
        }
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void labels(ObjectNode target, Map<Integer, String> labels) {
        new TreeMap<>(labels).forEach((k, v) -> target.put(Integer.toString(k), v));
    }

    private static void writeScores(ArrayNode target, List<Subscale> scores) {
        for (Subscale s : scores) {
            ObjectNode n = target.addObject();
            n.put("name", s.name());
            n.put("label", s.label());
            ArrayNode si = n.putArray("items");
            s.items().forEach(si::add);
            n.put("aggregation", s.aggregation().fileName());
            n.put("direction", s.direction().fileName());
            if (!s.note().isEmpty()) {
                n.put("note", s.note());
            }
        }
    }

    /** Walks one definition, remembering the file name for messages. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        private InputException fail(String field, String message) {
            return new InputException(InputException.Location.file(source),
                    (field.isEmpty() ? "" : "field " + field + ": ") + message);
        }

        private void fields(JsonNode node, String path, List<String> allowed, List<String> required) {
            if (!node.isObject()) {
                throw fail(path, "expected a JSON object");
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!allowed.contains(n)) {
                    throw fail(join(path, n), "unknown field \"" + n + "\"; allowed here: " + String.join(", ", allowed));
                }
            }
            for (String r : required) {
                if (!node.has(r) || node.get(r).isNull()) {
                    throw fail(join(path, r), "required field \"" + r + "\" is missing");
                }
            }
        }

        private static String join(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private String text(JsonNode node, String path) {
            if (!node.isTextual()) {
                throw fail(path, "expected a string, got " + node);
            }
            return node.textValue();
        }

        private String text(JsonNode parent, String field, String path) {
            return text(parent.get(field), join(path, field));
        }

        private String optText(JsonNode parent, String field, String path) {
            JsonNode n = parent.get(field);
            return n == null || n.isNull() ? "" : text(n, join(path, field));
        }

        private int integer(JsonNode node, String path) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw fail(path, "expected an integer, got " + node);
            }
            return node.intValue();
        }

        private JsonNode array(JsonNode node, String path) {
            if (!node.isArray()) {
                throw fail(path, "expected a JSON array, got " + node);
            }
            return node;
        }

        private Map<Integer, String> labelMap(JsonNode node, String path, int min, int max) {
            if (!node.isObject()) {
                throw fail(path, "expected an object from response value to label, for example {\"1\": \"Never\"}");
            }
            Map<Integer, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String p = path + "." + e.getKey();
                int v;
                try {
                    v = Integer.parseInt(e.getKey().trim());
                } catch (NumberFormatException ex) {
                    throw fail(p, "a label's key must be an integer response value, got \"" + e.getKey() + "\"");
                }
                if (v < min || v > max) {
                    throw fail(p, "label for value " + v + " outside the response range " + min + ".." + max);
                }
                out.put(v, text(e.getValue(), p));
            }
            return out;
        }

        Instrument instrument(JsonNode root) {
            fields(root, "", TOP, TOP_REQUIRED);
            if (root.has("format") && !FORMAT.equals(text(root, "format", ""))) {
                throw fail("format", "unsupported format \"" + root.get("format").asText() + "\"; this version reads \""
                        + FORMAT + "\"");
            }
            String id = text(root, "id", "");
            if (!ID.matcher(id).matches()) {
                throw fail("id", "\"" + id + "\" is not a valid id: use lower-case letters, digits and '-'");
            }
            String name = text(root, "name", "");
            String version = text(root, "version", "");
            String statusText = text(root, "status", "");
            Instrument.Status status = null;
            for (Instrument.Status s : Instrument.Status.values()) {
                if (s.fileName().equals(statusText)) {
                    status = s;
                }
            }
            if (status == null) {
                throw fail("status", "unknown status \"" + statusText
                        + "\"; use validated, secondary_source or user_defined");
            }
            JsonNode cit = root.get("citation");
            fields(cit, "citation", List.of("text", "doi"), List.of("text", "doi"));
            Instrument.Citation citation = new Instrument.Citation(text(cit, "text", "citation"),
                    text(cit, "doi", "citation"));
            if (status == Instrument.Status.TEMPLATE) {
                throw fail("status", "\"template\" marks a definition still to be completed from "
                        + citation.text() + " Fill in what its key_source and notes ask for (the response range,"
                        + " the items of each subscale), then set status to \"user_defined\"");
            }
            String keySource = text(root, "key_source", "");
            String licence = text(root, "licence", "");

            JsonNode resp = root.get("response");
            fields(resp, "response", List.of("min", "max", "labels"), List.of("min", "max"));
            int min = integer(resp.get("min"), "response.min");
            int max = integer(resp.get("max"), "response.max");
            if (min >= max) {
                throw fail("response.min", "min (" + min + ") must be below max (" + max + ")");
            }
            Map<Integer, String> anchors = resp.has("labels")
                    ? labelMap(resp.get("labels"), "response.labels", min, max) : Map.of();
            String reversal = text(root, "reversal", "");
            if (!Instrument.REVERSAL.equals(reversal.trim())) {
                throw fail("reversal", "unknown reversal rule \"" + reversal + "\"; dyadkit reverses by \""
                        + Instrument.REVERSAL + "\"");
            }

            // reverse-keyed numbers first, so items can carry the flag
            JsonNode rkNode = array(root.get("reverse_keyed"), "reverse_keyed");
            Map<Integer, String> reverseKeyed = new LinkedHashMap<>();
            for (int i = 0; i < rkNode.size(); i++) {
                String p = "reverse_keyed[" + i + "]";
                int n = integer(rkNode.get(i), p);
                if (reverseKeyed.put(n, p) != null) {
                    throw fail(p, "item " + n + " is listed twice");
                }
            }

            JsonNode itemsNode = array(root.get("items"), "items");
            if (itemsNode.size() == 0) {
                throw fail("items", "an instrument needs at least one item");
            }
            Map<Integer, Item> items = new TreeMap<>();
            Map<Integer, String> itemPath = new HashMap<>();
            for (int i = 0; i < itemsNode.size(); i++) {
                String p = "items[" + i + "]";
                JsonNode n = itemsNode.get(i);
                fields(n, p, List.of("number", "label", "min", "max", "labels", "categories", "note"),
                        List.of("number", "label"));
                int number = integer(n.get("number"), p + ".number");
                if (number < 1 || number > MAX_ITEM_NUMBER) {
                    // the instrument indexes its items by number: 1e9 filled the heap (issue 18 fuzzing)
                    throw fail(p + ".number", "item numbers run from 1 to " + MAX_ITEM_NUMBER + ", got " + number);
                }
                if (itemPath.containsKey(number)) {
                    throw fail(p + ".number", "duplicate item number " + number + " (also at " + itemPath.get(number)
                            + ")");
                }
                itemPath.put(number, p);
                String label = text(n, "label", p);
                String note = optText(n, "note", p);
                Item item;
                if (n.has("categories")) {
                    if (n.has("min") || n.has("max") || n.has("labels")) {
                        throw fail(p + ".categories", "a categorical item takes its range and labels from"
                                + " \"categories\"; remove min, max and labels");
                    }
                    Map<Integer, String> cats = labelMap(n.get("categories"), p + ".categories", Integer.MIN_VALUE + 1,
                            Integer.MAX_VALUE);
                    if (cats.size() < 2) {
                        throw fail(p + ".categories", "a categorical item needs at least two categories");
                    }
                    int lo = cats.keySet().stream().min(Integer::compare).orElseThrow();
                    int hi = cats.keySet().stream().max(Integer::compare).orElseThrow();
                    if (hi - lo + 1 != cats.size()) {
                        throw fail(p + ".categories", "category codes must be consecutive integers, got " + cats.keySet());
                    }
                    Set<String> names = new LinkedHashSet<>();
                    for (Map.Entry<Integer, String> e : cats.entrySet()) {
                        if (!SNAKE.matcher(e.getValue()).matches()) {
                            throw fail(p + ".categories." + e.getKey(), "category names are snake_case score-name"
                                    + " parts, got \"" + e.getValue() + "\"");
                        }
                        if (!names.add(e.getValue())) {
                            throw fail(p + ".categories." + e.getKey(), "duplicate category name \"" + e.getValue() + "\"");
                        }
                    }
                    if (reverseKeyed.containsKey(number)) {
                        throw fail(reverseKeyed.get(number), "item " + number + " is categorical and cannot be reverse-keyed");
                    }
                    item = new Item(number, label, lo, hi, false, cats, true, note);
                } else {
                    int imin = n.has("min") ? integer(n.get("min"), p + ".min") : min;
                    int imax = n.has("max") ? integer(n.get("max"), p + ".max") : max;
                    if (imin >= imax) {
                        throw fail(p + ".min", "min (" + imin + ") must be below max (" + imax + ")");
                    }
                    Map<Integer, String> labels = n.has("labels")
                            ? labelMap(n.get("labels"), p + ".labels", imin, imax) : Map.of();
                    item = new Item(number, label, imin, imax, reverseKeyed.containsKey(number), labels, false, note);
                }
                items.put(number, item);
            }
            for (Map.Entry<Integer, String> e : reverseKeyed.entrySet()) {
                if (!items.containsKey(e.getKey())) {
                    throw fail(e.getValue(), "reverse-keyed item " + e.getKey() + " is not an item of the instrument"
                            + " (items are " + range(items.keySet()) + ")");
                }
            }

            Set<String> scoreNames = new LinkedHashSet<>();
            scoreNames.add("total");
            List<Subscale> subscales = scores(root.get("subscales"), "subscales", items, scoreNames, true, citation);
            List<Subscale> composites = root.has("composites")
                    ? scores(root.get("composites"), "composites", items, scoreNames, false, citation)
                    : List.of();
            List<CategoryTally> tallies = root.has("tallies") ? tallies(root.get("tallies"), items, scoreNames)
                    : List.of();

            List<TotalMethod> methods = new ArrayList<>();
            TotalMethod defaultTotal = null;
            if (root.has("total") && !root.get("total").isNull()) {
                JsonNode t = root.get("total");
                fields(t, "total", List.of("methods", "default"), List.of("methods", "default"));
                JsonNode ms = array(t.get("methods"), "total.methods");
                for (int i = 0; i < ms.size(); i++) {
                    String p = "total.methods[" + i + "]";
                    TotalMethod m = method(text(ms.get(i), p), p);
                    if (methods.contains(m)) {
                        throw fail(p, "method " + m.cliName() + " is listed twice");
                    }
                    if (m.fromSubscales() && subscales.isEmpty()) {
                        throw fail(p, "method " + m.cliName() + " needs subscales, and the instrument has none");
                    }
                    methods.add(m);
                }
                if (methods.isEmpty()) {
                    throw fail("total.methods", "list at least one method, or leave out \"total\"");
                }
                defaultTotal = method(text(t, "default", "total"), "total.default");
                if (!methods.contains(defaultTotal)) {
                    throw fail("total.default", "default " + defaultTotal.cliName() + " is not among the listed methods "
                            + methods);
                }
                if (items.values().stream().allMatch(Item::categorical)) {
                    throw fail("total", "a total needs rating items; every item is categorical");
                }
            }
            if (subscales.isEmpty() && tallies.isEmpty() && methods.isEmpty()) {
                throw fail("subscales", "the instrument defines no score: give subscales, tallies or a total");
            }

            MissingRule missing = missing(root.get("missing"));
            List<String> notes = new ArrayList<>();
            if (root.has("notes")) {
                JsonNode ns = array(root.get("notes"), "notes");
                for (int i = 0; i < ns.size(); i++) {
                    notes.add(text(ns.get(i), "notes[" + i + "]"));
                }
            }
            return new Instrument(id, name, version, status, citation, keySource, licence, min, max, anchors,
                    new ArrayList<>(items.values()), subscales, composites, tallies, methods, defaultTotal, missing,
                    notes, source);
        }

        private TotalMethod method(String name, String path) {
            try {
                return TotalMethod.parse(name);
            } catch (IllegalArgumentException e) {
                throw fail(path, "unknown total method \"" + name + "\"; use one of " + TotalMethod.names());
            }
        }

        private List<Subscale> scores(JsonNode node, String what, Map<Integer, Item> items, Set<String> scoreNames,
                boolean exclusive, Instrument.Citation citation) {
            array(node, what);
            List<Subscale> out = new ArrayList<>();
            Map<Integer, String> owner = new HashMap<>();
            for (int i = 0; i < node.size(); i++) {
                String p = what + "[" + i + "]";
                JsonNode n = node.get(i);
                fields(n, p, List.of("name", "label", "items", "aggregation", "direction", "note"),
                        List.of("name", "items", "aggregation", "direction"));
                String name = text(n, "name", p);
                if (!SNAKE.matcher(name).matches()) {
                    throw fail(p + ".name", "\"" + name + "\" is not a snake_case score name (for example self_kindness)");
                }
                if (!scoreNames.add(name)) {
                    throw fail(p + ".name", "duplicate score name \"" + name + "\"");
                }
                JsonNode its = array(n.get("items"), p + ".items");
                if (its.size() == 0) {
                    throw fail(p + ".items", "empty: list the item numbers of " + name + " (a template's key is"
                            + " completed from the article: " + citation.text() + ")");
                }
                List<Integer> nums = new ArrayList<>();
                for (int j = 0; j < its.size(); j++) {
                    String q = p + ".items[" + j + "]";
                    int num = integer(its.get(j), q);
                    Item it = items.get(num);
                    if (it == null) {
                        throw fail(q, "item " + num + " is not an item of the instrument (items are "
                                + range(items.keySet()) + ")");
                    }
                    if (it.categorical()) {
                        throw fail(q, "item " + num + " is categorical; count it in \"tallies\" instead");
                    }
                    if (nums.contains(num)) {
                        throw fail(q, "item " + num + " is listed twice in " + name);
                    }
                    if (exclusive && owner.containsKey(num)) {
                        throw fail(q, "item " + num + " is already in subscale " + owner.get(num)
                                + "; an item belongs to at most one subscale");
                    }
                    owner.put(num, name);
                    nums.add(num);
                }
                String agg = text(n, "aggregation", p);
                Subscale.Aggregation aggregation = switch (agg) {
                    case "mean" -> Subscale.Aggregation.MEAN;
                    case "sum" -> Subscale.Aggregation.SUM;
                    default -> throw fail(p + ".aggregation", "unknown aggregation \"" + agg + "\"; use mean or sum");
                };
                String dir = text(n, "direction", p);
                Subscale.Direction direction = switch (dir) {
                    case "positive" -> Subscale.Direction.POSITIVE;
                    case "negative" -> Subscale.Direction.NEGATIVE;
                    default -> throw fail(p + ".direction", "unknown direction \"" + dir + "\"; use positive or negative");
                };
                out.add(new Subscale(name, n.has("label") ? text(n, "label", p) : name, nums, aggregation, direction,
                        optText(n, "note", p)));
            }
            return out;
        }

        private List<CategoryTally> tallies(JsonNode node, Map<Integer, Item> items, Set<String> scoreNames) {
            array(node, "tallies");
            List<CategoryTally> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String p = "tallies[" + i + "]";
                JsonNode n = node.get(i);
                fields(n, p, List.of("prefix", "items", "statistics"), List.of("items", "statistics"));
                String prefix = optText(n, "prefix", p);
                if (!prefix.isEmpty() && !SNAKE.matcher(prefix).matches()) {
                    throw fail(p + ".prefix", "\"" + prefix + "\" is not snake_case");
                }
                JsonNode its = array(n.get("items"), p + ".items");
                if (its.size() == 0) {
                    throw fail(p + ".items", "a tally needs at least one item");
                }
                List<Integer> nums = new ArrayList<>();
                Map<Integer, String> cats = null;
                for (int j = 0; j < its.size(); j++) {
                    String q = p + ".items[" + j + "]";
                    int num = integer(its.get(j), q);
                    Item it = items.get(num);
                    if (it == null) {
                        throw fail(q, "item " + num + " is not an item of the instrument");
                    }
                    if (!it.categorical()) {
                        throw fail(q, "item " + num + " is not categorical (give it \"categories\")");
                    }
                    if (cats == null) {
                        cats = it.anchors();
                    } else if (!cats.equals(it.anchors())) {
                        throw fail(q, "item " + num + " has other categories than item " + nums.get(0)
                                + "; a tally's items must share their categories");
                    }
                    if (nums.contains(num)) {
                        throw fail(q, "item " + num + " is listed twice");
                    }
                    nums.add(num);
                }
                JsonNode st = array(n.get("statistics"), p + ".statistics");
                boolean counts = false;
                boolean props = false;
                for (int j = 0; j < st.size(); j++) {
                    String s = text(st.get(j), p + ".statistics[" + j + "]");
                    switch (s) {
                        case "count" -> counts = true;
                        case "proportion" -> props = true;
                        default -> throw fail(p + ".statistics[" + j + "]", "unknown statistic \"" + s
                                + "\"; use count or proportion");
                    }
                }
                if (!counts && !props) {
                    throw fail(p + ".statistics", "list count, proportion or both");
                }
                for (String cat : new TreeMap<>(cats).values()) {
                    for (String stat : List.of("count", "proportion")) {
                        if ((stat.equals("count") && counts) || (stat.equals("proportion") && props)) {
                            String name = prefix + cat + "_" + stat;
                            if (!scoreNames.add(name)) {
                                throw fail(p, "duplicate score name \"" + name + "\"");
                            }
                        }
                    }
                }
                out.add(new CategoryTally(prefix, nums, counts, props));
            }
            return out;
        }

        private MissingRule missing(JsonNode n) {
            fields(n, "missing", List.of("rule", "fraction", "count"), List.of("rule"));
            String rule = text(n, "rule", "missing");
            try {
                return switch (rule) {
                    case "all-required" -> {
                        noExtra(n, "fraction", "count");
                        yield MissingRule.allRequired();
                    }
                    case "min-answered-fraction", "prorated" -> {
                        noExtra(n, "count");
                        if (!n.has("fraction")) {
                            throw fail("missing.fraction", "required field \"fraction\" is missing for rule " + rule);
                        }
                        JsonNode f = n.get("fraction");
                        if (!f.isNumber()) {
                            throw fail("missing.fraction", "expected a number, got " + f);
                        }
                        BigDecimal d = f.decimalValue();
                        yield rule.equals("prorated")
                                ? new MissingRule(MissingRule.Kind.PRORATED, d, 0)
                                : MissingRule.minAnsweredFraction(d);
                    }
                    case "min-answered" -> {
                        noExtra(n, "fraction");
                        if (!n.has("count")) {
                            throw fail("missing.count", "required field \"count\" is missing for rule min-answered");
                        }
                        yield MissingRule.minAnswered(integer(n.get("count"), "missing.count"));
                    }
                    default -> throw fail("missing.rule", "unknown missing-data rule \"" + rule
                            + "\"; use all-required, min-answered-fraction, min-answered or prorated");
                };
            } catch (IllegalArgumentException e) {
                throw fail("missing", e.getMessage());
            }
        }

        private void noExtra(JsonNode n, String... fieldsNotAllowed) {
            for (String f : fieldsNotAllowed) {
                if (n.has(f)) {
                    throw fail("missing." + f, "field \"" + f + "\" does not belong to rule " + n.get("rule").asText());
                }
            }
        }

        private static String range(Set<Integer> numbers) {
            List<Integer> sorted = new ArrayList<>(numbers);
            sorted.sort(Integer::compare);
            if (sorted.size() == sorted.get(sorted.size() - 1) - sorted.get(0) + 1) {
                return sorted.get(0) + ".." + sorted.get(sorted.size() - 1);
            }
            return sorted.toString();
        }
    }
}
