package org.dyadkit.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A declared study as read from its file (YAML, or JSON): a title, the data file and how to read it,
 * the instruments to score and the analyses to run, each analysis with the options of its command.
 * Reading checks the shape of the file (known top-level keys, one analysis per entry, unique ids) and
 * names every mistake by its path in the file ({@code analyses[2].id: ...}); whether options and
 * columns exist is checked by {@link Plan}.
 *
 * @param file the study file as given
 * @param title the study's title
 * @param data the {@code data} section, keys with {@code -} written as {@code _}
 * @param scores the instruments to score, in order
 * @param analyses the analyses, in order
 * @param roleLabels optional plural nouns for the role values (for example {@code man: men})
 * @param variableLabels optional labels for variables in the report's text
 * @param tree the whole file as a JSON tree
 */
public record Study(Path file, String title, Map<String, JsonNode> data, List<ScoreEntry> scores,
        List<AnalysisEntry> analyses, Map<String, String> roleLabels, Map<String, String> variableLabels,
        JsonNode tree) {

    /** The analyses a study can declare: the names of their commands. */
    public static final List<String> ANALYSIS_TYPES = List.of("reliability", "nonindependence", "correlate", "apim",
            "distinguishability", "apimem", "mediate");

    private static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("title", "data", "scores", "analyses",
            "labels", "published"));

    /**
     * One instrument to score.
     *
     * @param index position in {@code scores}
     * @param instrument the bundled id or the instrument file (relative to the study file)
     * @param options the entry's other keys ({@code items}, {@code item_map}, {@code min_answered},
     *     {@code total}, {@code prefix}), {@code -} written as {@code _}
     */
    public record ScoreEntry(int index, String instrument, Map<String, JsonNode> options) {
        /** The entry's path in the study file, {@code scores[i]}. */
        public String path() {
            return "scores[" + index + "]";
        }
    }

    /**
     * One analysis.
     *
     * @param index position in {@code analyses}
     * @param id the analysis id (unique; names {@code tables/<id>.csv})
     * @param type the command that runs it ({@code apim}, ...)
     * @param options its options as written, keys as in the file
     */
    public record AnalysisEntry(int index, String id, String type, Map<String, JsonNode> options) {
        /** The path of the options in the study file, {@code analyses[i].type}. */
        public String path() {
            return "analyses[" + index + "]." + type;
        }
    }

    /**
     * Reads a study file: JSON when it ends in {@code .json}, else YAML.
     *
     * @throws StudyException exit 3 when the file cannot be read, exit 2 for a malformed or misshapen file
     */
    public static Study read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw StudyException.input("", "cannot read the study file (" + reason(e) + ")");
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String first = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw StudyException.usage("", "not valid " + (json ? "JSON" : "YAML") + where + ": " + first.strip());
        }
        return of(file, tree);
    }

    /** A study from its parsed tree ({@code file} places relative paths). */
    static Study of(Path file, JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw StudyException.usage("", "a study file is a mapping with title, data, scores and analyses");
        }
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP_KEYS.contains(k)) {
                throw StudyException.usage(k, "unknown key" + Plan.suggest(k, TOP_KEYS) + "; a study file has "
                        + String.join(", ", TOP_KEYS));
            }
        }
        String title = text(tree, "title", "title", true);
        JsonNode dataNode = tree.get("data");
        if (dataNode == null || !dataNode.isObject()) {
            throw StudyException.usage("data", "missing; give at least data.file, the survey or data file");
        }
        Map<String, JsonNode> data = normalised(dataNode);
        if (!data.containsKey("file") || !data.get("file").isTextual() || data.get("file").asText().isBlank()) {
            throw StudyException.usage("data.file", "missing; give the data file, relative to the study file");
        }

        List<ScoreEntry> scores = new ArrayList<>();
        JsonNode s = tree.get("scores");
        if (s != null && !s.isNull()) {
            if (!s.isArray()) {
                throw StudyException.usage("scores", "a list of instruments, each with instrument: ID|FILE");
            }
            for (int i = 0; i < s.size(); i++) {
                JsonNode e = s.get(i);
                String p = "scores[" + i + "]";
                if (!e.isObject()) {
                    throw StudyException.usage(p, "an instrument entry is a mapping with instrument: ID|FILE");
                }
                Map<String, JsonNode> opts = normalised(e);
                JsonNode ins = opts.remove("instrument");
                if (ins == null || !ins.isTextual() || ins.asText().isBlank()) {
                    throw StudyException.usage(p + ".instrument", "missing; give a bundled id or an instrument file");
                }
                scores.add(new ScoreEntry(i, ins.asText().strip(), opts));
            }
        }

        JsonNode a = tree.get("analyses");
        if (a == null || !a.isArray() || a.isEmpty()) {
            throw StudyException.usage("analyses", "missing or empty; list the analyses, each with an id and one of "
                    + String.join(", ", ANALYSIS_TYPES));
        }
        List<AnalysisEntry> analyses = new ArrayList<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode e = a.get(i);
            String p = "analyses[" + i + "]";
            if (!e.isObject()) {
                throw StudyException.usage(p, "an analysis is a mapping with an id and one analysis, for example "
                        + "{id: apim-satisfaction, apim: {y: ras_total, x: [scs_total]}}");
            }
            String id = text(e, "id", p + ".id", true).strip();
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw StudyException.usage(p + ".id", "\"" + id + "\" cannot name a file; use letters, digits, '.', "
                        + "'-' and '_'");
            }
            Integer before = ids.putIfAbsent(id, i);
            if (before != null) {
                throw StudyException.usage(p + ".id", "duplicate id \"" + id + "\" (also analyses[" + before + "].id)");
            }
            String type = null;
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (k.equals("id")) {
                    continue;
                }
                if (!ANALYSIS_TYPES.contains(k)) {
                    throw StudyException.usage(p + "." + k, "unknown analysis" + Plan.suggest(k, ANALYSIS_TYPES)
                            + "; the analyses are " + String.join(", ", ANALYSIS_TYPES));
                }
                if (type != null) {
                    throw StudyException.usage(p, "declares two analyses (" + type + " and " + k
                            + "); give each its own entry and id");
                }
                type = k;
            }
            if (type == null) {
                throw StudyException.usage(p, "no analysis; add one of " + String.join(", ", ANALYSIS_TYPES));
            }
            JsonNode o = e.get(type);
            if (o != null && !o.isNull() && !o.isObject()) {
                throw StudyException.usage(p + "." + type, "the options are a mapping, for example {y: ras_total}");
            }
            Map<String, JsonNode> opts = new LinkedHashMap<>();
            if (o != null && o.isObject()) {
                o.fields().forEachRemaining(f -> opts.put(f.getKey(), f.getValue()));
            }
            analyses.add(new AnalysisEntry(i, id, type, opts));
        }

        Map<String, String> roleLabels = new LinkedHashMap<>();
        Map<String, String> variableLabels = new LinkedHashMap<>();
        JsonNode published = tree.get("published");
        if (published != null && !published.isNull()) {
            if (!published.isArray()) {
                throw StudyException.usage("published", "a list of {analysis, value, published, what, source}");
            }
            Set<String> keys = Set.of("analysis", "value", "published", "what", "source", "tolerance", "note");
            for (int i = 0; i < published.size(); i++) {
                JsonNode e = published.get(i);
                String p = "published[" + i + "]";
                if (!e.isObject()) {
                    throw StudyException.usage(p, "a mapping with analysis, value, published, what and source");
                }
                for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!keys.contains(k)) {
                        throw StudyException.usage(p + "." + k, "unknown key" + Plan.suggest(k, keys) + "; a published "
                                + "value has analysis, value, published, what, source, tolerance and note");
                    }
                }
                String id = text(e, "analysis", p + ".analysis", true);
                if (!ids.containsKey(id)) {
                    throw StudyException.usage(p + ".analysis", "no analysis with id \"" + id + "\""
                            + Plan.suggest(id, ids.keySet()));
                }
                String pointer = text(e, "value", p + ".value", true);
                if (!pointer.startsWith("/")) {
                    throw StudyException.usage(p + ".value", "a JSON pointer into the analysis's result, for example "
                            + "/coefficients/2/estimate");
                }
                String printed = text(e, "published", p + ".published", true).strip();
                try {
                    new java.math.BigDecimal(printed.startsWith(".") || printed.startsWith("-.")
                            ? printed.replace(".", "0.") : printed);
                } catch (NumberFormatException ex) {
                    throw StudyException.usage(p + ".published", "\"" + printed + "\" is not a number as printed");
                }
                text(e, "what", p + ".what", true);
                if (e.has("tolerance") && !(e.get("tolerance").isNumber() && e.get("tolerance").asDouble() > 0)) {
                    throw StudyException.usage(p + ".tolerance", "a positive number (an absolute tolerance instead of "
                            + "the printed digits)");
                }
            }
        }
        JsonNode labels = tree.get("labels");
        if (labels != null && !labels.isNull()) {
            if (!labels.isObject()) {
                throw StudyException.usage("labels", "a mapping with roles: and variables:");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                Map<String, String> target = switch (f.getKey()) {
                    case "roles" -> roleLabels;
                    case "variables" -> variableLabels;
                    default -> throw StudyException.usage("labels." + f.getKey(), "unknown key"
                            + Plan.suggest(f.getKey(), List.of("roles", "variables")) + "; labels has roles and variables");
                };
                if (!f.getValue().isObject()) {
                    throw StudyException.usage("labels." + f.getKey(), "a mapping from value to label");
                }
                f.getValue().fields().forEachRemaining(l -> target.put(l.getKey(), l.getValue().asText()));
            }
        }
        return new Study(file, title, data, List.copyOf(scores), List.copyOf(analyses), Map.copyOf(roleLabels),
                Map.copyOf(variableLabels), tree);
    }

    /** The folder relative paths in the study file are read from. */
    public Path dir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** A path written in the study file, relative to the study file's folder. */
    public Path resolve(String path) {
        return dir().resolve(path).normalize();
    }

    private static String text(JsonNode node, String key, String path, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw StudyException.usage(path, "missing");
            }
            return null;
        }
        if (!v.isValueNode()) {
            throw StudyException.usage(path, "a single value, not a list or mapping");
        }
        return v.asText();
    }

    private static Map<String, JsonNode> normalised(JsonNode object) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> m.put(f.getKey().replace('-', '_'), f.getValue()));
        return m;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            // a byte that is not UTF-8 (issue 18 fuzzing printed "MalformedInputException: Input length = 1")
            return "it is not UTF-8 text; save it as UTF-8";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? "an input/output error" : org.dyadkit.input.Messages.cut(e.getMessage());
    }
}
