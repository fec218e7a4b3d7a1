package org.dyadkit.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dyadkit.InputException;
import org.dyadkit.Names;

/**
 * Finds instruments: the bundled ones (JSON files under {@code resources/instruments/}), a user's own
 * file in the same format, and the templates a user completes (the CRSI, whose key is not public).
 */
public final class Instruments {
    private static final String DIR = "/instruments/";

    private Instruments() {
    }

    /**
     * Bundled definitions, each parsed on its first use only: scoring one instrument does not pay for
     * parsing the other eleven (about 0.1 s of a one-second run). The cache only ever gains entries, and
     * a definition is immutable, so callers cannot tell when it was parsed.
     */
    private static final class Bundled {
        static final List<String> IDS = List.copyOf(index("index.txt"));
        static final Set<String> ID_SET = Set.copyOf(IDS);
        private static final ConcurrentHashMap<String, Instrument> CACHE = new ConcurrentHashMap<>();

        static Instrument get(String id) {
            if (!ID_SET.contains(id)) {
                return null;
            }
            Instrument in = CACHE.get(id);
            return in != null ? in : CACHE.computeIfAbsent(id, Bundled::load);
        }

        private static Instrument load(String id) {
            Instrument in = InstrumentJson.parse(resource(DIR + id + ".json"), "bundled:" + id + ".json");
            if (!in.id().equals(id)) {
                throw new IllegalStateException("bundled " + id + ".json declares id " + in.id());
            }
            return in;
        }
    }

    private static List<String> index(String name) {
        List<String> ids = new ArrayList<>();
        for (String line : resource(DIR + name).split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                ids.add(t);
            }
        }
        return ids;
    }

    private static String resource(String name) {
        try (InputStream in = Instruments.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }

    /** The ids of the bundled instruments, in listing order. */
    public static List<String> ids() {
        return Bundled.IDS;
    }

    /** All bundled instruments, in listing order. */
    public static List<Instrument> bundled() {
        List<Instrument> out = new ArrayList<>();
        for (String id : ids()) {
            out.add(Bundled.get(id));
        }
        return List.copyOf(out);
    }

    /**
     * Instruments users ask for by id that dyadkit deliberately does not bundle, with the reason and what
     * to do instead ({@code docs/instruments-research.md}).
     */
    private static final Map<String, String> NOT_BUNDLED = Map.of("rpcs",
            "instrument \"rpcs\" (the Romantic Partner Conflict Scale, Zacchilli, Hendrick & Hendrick 2009) is not"
                    + " bundled: no source available to dyadkit gives its item-to-subscale key, and a guessed key"
                    + " would score data wrongly. Define it as your own instrument file from the article's key"
                    + " (docs/scoring.md, \"Defining the RPCS yourself\") and pass the file instead of the id;"
                    + " what each source says is in docs/instruments-research.md");

    /**
     * Why an instrument with this id is deliberately not bundled (for example {@code rpcs}, whose key no
     * available source gives), or empty for any other id.
     */
    public static Optional<String> notBundledReason(String id) {
        return Optional.ofNullable(NOT_BUNDLED.get(id));
    }

    /**
     * A bundled instrument by id, for example {@code scs}.
     *
     * @throws InputException for an unknown id (the message suggests near ids), for the id of a
     *     template (the message says how to complete it) or of an instrument deliberately not bundled
     *     (the message says why; {@link #notBundledReason(String)})
     */
    public static Instrument bundled(String id) {
        Instrument in = Bundled.get(id);
        if (in != null) {
            return in;
        }
        if (NOT_BUNDLED.containsKey(id)) {
            throw new InputException(NOT_BUNDLED.get(id));
        }
        if (templateIds().contains(id)) {
            throw new InputException("instrument \"" + id + "\" has no bundled key: its published key is not publicly"
                    + " available. Save the template with 'dyadkit instruments " + id + " --format json > " + id
                    + ".json', fill in its key from the article, and pass the file instead of the id");
        }
        throw new InputException("unknown instrument \"" + id + "\"" + suggestion(id)
                + "; run 'dyadkit instruments' for the list, or give the path of an instrument file");
    }

    /** Whether a bundled instrument has this id. */
    public static boolean isBundled(String id) {
        return Bundled.ID_SET.contains(id);
    }

    /** The ids of the templates (instruments whose key the user fills in from the article). */
    public static List<String> templateIds() {
        return index("templates/index.txt");
    }

    /**
     * The JSON text of a template, to be saved, completed and read with {@link #read(Path)}.
     *
     * @throws InputException for an unknown template id
     */
    public static String template(String id) {
        if (!templateIds().contains(id)) {
            throw new InputException("unknown template \"" + id + "\"; templates: " + String.join(", ", templateIds()));
        }
        return resource(DIR + "templates/" + id + ".json");
    }

    /**
     * Reads a user's instrument file (the bundled format, described in {@code docs/scoring.md}).
     *
     * @throws InputException when the file cannot be read or the definition is invalid; the message
     *     names the file and the field
     */
    public static Instrument read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(path + ": instrument file not found");
        } catch (IOException e) {
            throw new InputException(path + ": cannot read instrument file: " + e.getMessage(), e);
        }
        return parse(text, path.toString());
    }

    /**
     * Parses a definition from text; {@code source} names it in error messages.
     *
     * @throws InputException when the definition is invalid
     */
    public static Instrument parse(String json, String source) {
        if (!json.isEmpty() && json.charAt(0) == '\uFEFF') {
            json = json.substring(1);
        }
        return InstrumentJson.parse(json, source);
    }

    /**
     * A bundled instrument when {@code idOrPath} is a bundled id, else the instrument file at that path.
     *
     * @throws InputException when it is neither (the message suggests near ids) or the file is invalid
     */
    public static Instrument resolve(String idOrPath) {
        if (isBundled(idOrPath)) {
            return bundled(idOrPath);
        }
        Path p;
        try {
            p = Path.of(idOrPath);
        } catch (RuntimeException e) {
            return bundled(idOrPath);
        }
        if (Files.isRegularFile(p)) {
            return read(p);
        }
        if (templateIds().contains(idOrPath) || NOT_BUNDLED.containsKey(idOrPath)) {
            return bundled(idOrPath);
        }
        throw new InputException("\"" + idOrPath + "\" is neither a bundled instrument nor an instrument file"
                + suggestion(idOrPath) + "; run 'dyadkit instruments' for the bundled ids");
    }

    /**
     * Resolves several instruments (ids or paths) for one scoring run, refusing two with the same id,
     * whose score columns would collide.
     *
     * @throws InputException as {@link #resolve(String)}, or for a duplicate id (naming both sources)
     */
    public static List<Instrument> resolveAll(List<String> idsOrPaths) {
        List<Instrument> out = new ArrayList<>();
        Map<String, Instrument> seen = new LinkedHashMap<>();
        for (String s : idsOrPaths) {
            Instrument in = resolve(s);
            Instrument before = seen.put(in.id(), in);
            if (before != null) {
                throw new InputException(InputException.Location.file(in.source()), "field id: duplicate instrument id \""
                        + in.id() + "\" (also in " + before.source() + "); give each instrument its own id");
            }
            out.add(in);
        }
        return List.copyOf(out);
    }

    /** The definition in the file format (round-trips through {@link #parse}). */
    public static String toJson(Instrument instrument) {
        return InstrumentJson.write(instrument);
    }

    /**
     * Bundled ids and template ids near a mistyped one (edit distance at most 2, or one contains the
     * other), nearest first.
     */
    public static List<String> near(String id) {
        String q = id.toLowerCase(Locale.ROOT).strip();
        List<String> all = new ArrayList<>(ids());
        all.addAll(templateIds());
        List<String> out = new ArrayList<>();
        for (String c : all) {
            if (Names.distance(q, c) <= 2 || (q.length() >= 2 && (c.contains(q) || q.contains(c)))) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingInt((String c) -> Names.distance(q, c)).thenComparing(c -> c));
        return List.copyOf(out);
    }

    private static String suggestion(String id) {
        List<String> near = near(id);
        return near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)";
    }

    /**
     * One line of the catalogue: a bundled instrument or a template.
     *
     * @param id the id
     * @param name the full name
     * @param items the number of items
     * @param status how far the key can be trusted ({@link Instrument.Status#TEMPLATE} for templates)
     */
    public record Listing(String id, String name, int items, Instrument.Status status) {
    }

    /**
     * The bundled instruments followed by the templates, in listing order, from the catalogue index
     * {@code resources/instruments/listing.tsv} (one line per instrument: id, name, items, status), so that
     * the listing parses none of the definitions. A test rebuilds the index from the definitions and fails
     * when the file is stale.
     */
    public static List<Listing> listing() {
        List<Listing> out = new ArrayList<>();
        for (String line : resource(DIR + LISTING).split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalStateException("bundled " + LISTING + ": not 4 tab-separated fields: " + line);
            }
            out.add(new Listing(f[0], f[1], Integer.parseInt(f[2]), status(f[3])));
        }
        return List.copyOf(out);
    }

    /** The name of the catalogue index under {@code resources/instruments/}. */
    static final String LISTING = "listing.tsv";

    private static Instrument.Status status(String fileName) {
        for (Instrument.Status s : Instrument.Status.values()) {
            if (s.fileName().equals(fileName)) {
                return s;
            }
        }
        throw new IllegalStateException("bundled " + LISTING + ": unknown status " + fileName);
    }

    /** The listing built by parsing every bundled definition and template (what the index must hold). */
    static List<Listing> parsedListing() {
        List<Listing> out = new ArrayList<>();
        for (Instrument in : bundled()) {
            out.add(new Listing(in.id(), in.name(), in.items().size(), in.status()));
        }
        for (String id : templateIds()) {
            InstrumentJson.TemplateHead head = InstrumentJson.head(template(id), "template:" + id + ".json");
            out.add(new Listing(id, head.name(), head.items(), Instrument.Status.TEMPLATE));
        }
        return List.copyOf(out);
    }

    /** The text of the catalogue index for these lines. */
    static String listingIndex(List<Listing> lines) {
        StringBuilder sb = new StringBuilder("# the catalogue 'dyadkit instruments' lists: id, name, items, status"
                + " (tab-separated), bundled instruments then templates;\n# generated from the definitions: when a"
                + " test says it is stale, replace this file with the text it prints\n");
        for (Listing l : lines) {
            for (String f : List.of(l.id(), l.name())) {
                if (f.contains("\t") || f.contains("\n") || f.contains("\r")) {
                    throw new IllegalStateException("instrument " + l.id() + ": a tab or line break in " + f);
                }
            }
            sb.append(l.id()).append('\t').append(l.name()).append('\t').append(l.items()).append('\t')
                    .append(l.status().fileName()).append('\n');
        }
        return sb.toString();
    }

    /** Finds a bundled instrument without throwing. */
    public static Optional<Instrument> find(String id) {
        return Optional.ofNullable(Bundled.get(id));
    }
}
