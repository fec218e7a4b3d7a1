package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.dyadkit.instrument.CategoryTally;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.instrument.Item;
import org.dyadkit.instrument.Subscale;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.scoring.TotalMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dyadkit instruments [ID] [--format text|json|csv]}: lists the bundled instruments, or prints one
 * instrument's key, rules, citation and status. ID may also be the path of a user's instrument file,
 * which is then validated and printed. An unknown id is an input error (exit 3) that suggests near ids.
 */
@Command(name = "instruments",
        mixinStandardHelpOptions = true,
        description = {"List the bundled instruments, or print one instrument's scoring key, rules, citation and"
                + " status.", "ID is a bundled id, a template id (crsi) or the path of your own instrument file."},
        footer = {"", "Examples:",
            "  dyadkit instruments                 # id, name, items and status of each",
            "  dyadkit instruments scs             # the SCS-26 key, totals, missing rule",
            "  dyadkit instruments scs --format json > my-scale.json",
            "                                      # a definition to adapt",
            "  dyadkit instruments crsi --format json > crsi.json",
            "                                      # a template: fill in its key",
            "  dyadkit instruments my-scale.json   # check your own file",
            "", "The instrument file format is described in docs/scoring.md."})
public final class InstrumentsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "A bundled id, a template id or an instrument file.")
    String id;

    @Mixin
    Output.Option format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (id == null) {
            list(out, format.format());
        } else if (!Instruments.isBundled(id) && Instruments.templateIds().contains(id)
                && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(id))) {
            template(out);
        } else {
            show(out, Instruments.resolve(id));
        }
        out.flush();
        return 0;
    }

    /**
     * The format of a run that only lists the instruments ({@code instruments}, optionally with
     * {@code --format F} or {@code --format=F} and a valid F), or null for any other arguments, which go
     * through the command-line parser.
     */
    static Output.Format listingOnly(String... args) {
        if (args.length == 0 || !args[0].equals("instruments")) {
            return null;
        }
        String value;
        if (args.length == 1) {
            return Output.Format.TEXT;
        } else if (args.length == 2 && args[1].startsWith("--format=")) {
            value = args[1].substring("--format=".length());
        } else if (args.length == 3 && args[1].equals("--format")) {
            value = args[2];
        } else {
            return null;
        }
        return Output.parse(value);
    }

    /**
     * Prints the listing without building the command-line model (a start-up path: the parser and its
     * annotations cost more than the listing itself); the output is what the parsed command prints.
     *
     * @return the exit status ({@link Main#EXIT_INPUT} when standard output cannot be written)
     */
    static int printListing(Output.Format format) {
        String enc = System.getProperty("sun.stdout.encoding");
        java.nio.charset.Charset cs = enc == null ? java.nio.charset.Charset.defaultCharset()
                : java.nio.charset.Charset.forName(enc);
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(System.out, cs)),
                true);
        list(out, format);
        out.flush();
        return Main.checkOutput(out, new PrintWriter(System.err, true), 0);
    }

    private static void list(PrintWriter out, Output.Format format) {
        List<Instruments.Listing> all = Instruments.listing();
        switch (format) {
            case JSON -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Instruments.Listing l : all) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", l.id());
                    m.put("name", l.name());
                    m.put("items", l.items());
                    m.put("status", l.status().fileName());
                    rows.add(m);
                }
                out.print(org.dyadkit.report.Formats.json(org.dyadkit.report.Formats.node(Map.of("instruments", rows))));
                out.flush();
            }
            case CSV -> {
                List<List<Object>> rows = new ArrayList<>();
                for (Instruments.Listing l : all) {
                    rows.add(List.of(l.id(), l.name(), l.items(), l.status().fileName()));
                }
                Cells.writeCsv(out, List.of("id", "name", "items", "status"), rows);
            }
            default -> {
                // plain loops and StringBuilder: this is the start-up path, where every lambda and string
                // concatenation site costs its own method-handle set-up
                int w = 2;
                int nw = 4;
                for (Instruments.Listing l : all) {
                    w = Math.max(w, l.id().length());
                    nw = Math.max(nw, l.name().length());
                }
                w += 2;
                nw += 2;
                StringBuilder sb = new StringBuilder();
                pad(sb, "id", w);
                pad(sb, "name", nw);
                sb.append(String.format("%5s", "items")).append("  status");
                out.println(sb);
                for (Instruments.Listing l : all) {
                    sb.setLength(0);
                    pad(sb, l.id(), w);
                    pad(sb, l.name(), nw);
                    sb.append(String.format("%5d", l.items())).append("  ").append(l.status().describe());
                    out.println(sb);
                }
                out.println();
                out.println("Run 'dyadkit instruments ID' for an instrument's key; scores are named <id>_<score> in"
                        + " scored files.");
            }
        }
    }

    /** Appends {@code s} padded with spaces to {@code w} characters (at least one space after it). */
    private static void pad(StringBuilder sb, String s, int w) {
        sb.append(s);
        for (int i = s.length(); i < Math.max(w, s.length() + 1); i++) {
            sb.append(' ');
        }
    }

    private void template(PrintWriter out) {
        if (format.format() == Output.Format.JSON) {
            out.print(Instruments.template(id));
            return;
        }
        Instruments.Listing l = Instruments.listing().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        out.println(l.id() + ": " + l.name());
        out.println("status:   template: dyadkit ships no complete key for this instrument because part of its"
                + " published key is not publicly available.");
        out.println("To use it: dyadkit instruments " + id + " --format json > " + id + ".json; fill in what its"
                + " key_source and notes ask for from the article (the response range, the items of each subscale);"
                + " set \"status\" to \"user_defined\"; then pass the file where an instrument id is expected"
                + " (--instrument " + id + ".json).");
    }

    private void show(PrintWriter out, Instrument in) {
        switch (format.format()) {
            case JSON -> out.print(Instruments.toJson(in));
            case CSV -> {
                Map<Integer, String> owner = new TreeMap<>();
                for (Subscale s : in.subscales()) {
                    s.items().forEach(n -> owner.put(n, s.name()));
                }
                List<List<Object>> rows = new ArrayList<>();
                for (Item it : in.items()) {
                    rows.add(List.of(it.number(), it.label(), it.min(), it.max(), it.reverseKeyed(),
                            owner.getOrDefault(it.number(), ""), it.categorical()));
                }
                Cells.writeCsv(out, List.of("item", "label", "min", "max", "reverse_keyed", "subscale",
                        "categorical"), rows);
            }
            default -> text(out, in);
        }
    }

    private static void text(PrintWriter out, Instrument in) {
        out.println(in.id() + ": " + in.name() + "  (definition version " + in.version() + ")");
        out.println("status:     " + in.status().describe());
        out.println("citation:   " + in.citation().text() + (in.citation().doi().isEmpty() ? ""
                : " doi:" + in.citation().doi()));
        out.println("key source: " + in.keySource());
        out.println("licence:    " + in.licence());
        StringBuilder resp = new StringBuilder("response:   " + in.min() + "-" + in.max());
        if (!in.anchors().isEmpty()) {
            resp.append(" (").append(new TreeMap<>(in.anchors()).entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "))).append(')');
        }
        boolean perItem = in.items().stream().anyMatch(i -> !i.categorical() && (i.min() != in.min()
                || i.max() != in.max()));
        if (perItem) {
            resp.append("; some items have their own range (below)");
        }
        out.println(resp);
        out.println("reversal:   " + in.reversal() + "; reverse-keyed items: "
                + (in.reverseKeyed().isEmpty() ? "none" : join(in.reverseKeyed())));
        Scorer scorer = Scorer.of(in);
        out.println();
        out.println("scores (" + String.join(", ", scorer.scoreNames()) + "):");
        for (Subscale s : in.subscales()) {
            out.println("  " + pad(s.name(), 30) + describe(in, s));
        }
        for (CategoryTally t : in.tallies()) {
            Map<Integer, String> cats = in.item(t.items().get(0)).anchors();
            out.println("  " + pad(t.prefix() + "<category>_" + (t.counts() ? "count" : "")
                    + (t.counts() && t.proportions() ? "|" : "") + (t.proportions() ? "proportion" : ""), 30)
                    + "over items " + join(t.items()) + "; categories " + new TreeMap<>(cats).entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")));
        }
        if (in.defaultTotal().isPresent()) {
            TotalMethod d = in.defaultTotal().get();
            List<String> others = in.totalMethods().stream().filter(m -> m != d).map(TotalMethod::cliName).toList();
            out.println("  " + pad("total", 30) + d.cliName() + " (default)" + (others.isEmpty() ? ""
                    : "; also " + String.join(", ", others) + " with --total") + "; reverse-keyed items reversed");
        } else {
            out.println("  (no total score)");
        }
        if (!in.composites().isEmpty()) {
            out.println("optional composites (not produced by default):");
            for (Subscale s : in.composites()) {
                out.println("  " + pad(s.name(), 30) + describe(in, s));
            }
        }
        out.println();
        out.println("missing data: " + in.defaultMissing().describe() + " (default; --min-answered F needs ceil(F * k)"
                + " of a score's k items)." + (in.totalMethods().isEmpty() ? ""
                : " Totals from subscales need every subscale; item totals apply the rule to all items."));
        out.println();
        out.println("items:");
        for (Item it : in.items()) {
            StringBuilder sb = new StringBuilder(String.format("  %3d  %-28s", it.number(), it.label()));
            sb.append(it.reverseKeyed() ? "R " : "  ");
            if (it.categorical()) {
                sb.append("categories ").append(new TreeMap<>(it.anchors()).entrySet().stream()
                        .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")));
            } else if (it.min() != in.min() || it.max() != in.max()) {
                sb.append(it.min()).append('-').append(it.max());
            }
            if (!it.note().isEmpty()) {
                sb.append("  (").append(it.note()).append(')');
            }
            out.println(sb.toString().stripTrailing());
        }
        if (!in.notes().isEmpty()) {
            out.println();
            out.println("notes:");
            for (String n : in.notes()) {
                out.println("  - " + n);
            }
        }
    }

    private static String describe(Instrument in, Subscale s) {
        List<String> items = new ArrayList<>();
        for (int n : s.items()) {
            items.add(n + (in.item(n).reverseKeyed() ? "R" : ""));
        }
        String dir = s.direction() == Subscale.Direction.NEGATIVE
                ? "; reported un-reversed, reversed inside totals" : "";
        return s.aggregation().fileName() + " of " + s.size() + " items: " + String.join(", ", items) + dir;
    }

    private static String join(List<Integer> xs) {
        return xs.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s + " " : s + " ".repeat(w - s.length());
    }
}
