package org.dyadkit.cli.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The starting points of the fuzzer: the sample files of {@code data-samples/} cut small, the bundled
 * instrument files, the sample study, and one working command line per command and layout.
 */
final class Bases {
    private static final Path SAMPLES = Path.of("..", "data-samples");

    /** Input files by name; the names are those the templates use ({@code {dir}/ind.csv}, ...). */
    final Map<String, byte[]> inputs = new LinkedHashMap<>();
    /** Bundled instruments (file name to JSON bytes) with the item pattern of the survey file. */
    final Map<String, String> instrumentPatterns = new LinkedHashMap<>();
    final Map<String, byte[]> instruments = new LinkedHashMap<>();
    /** The sample study, made small (its data file, instruments; bootstraps of 20). */
    final byte[] study;
    /** Working command lines; each names the inputs it reads as {@code {dir}/NAME}. */
    final List<List<String>> templates = new ArrayList<>();

    Bases() {
        try {
            inputs.put("ind.csv", head(SAMPLES.resolve("acitelli_individual.csv"), 41));
            inputs.put("dyad.csv", head(SAMPLES.resolve("acitelli_dyad.csv"), 21));
            inputs.put("pair.csv", head(SAMPLES.resolve("acitelli_pairwise.csv"), 41));
                        inputs.put("surv.csv", head(SAMPLES.resolve("simulated_couples.csv"), 121));
            inputs.put("diary.csv", head(SAMPLES.resolve("diary_couples.csv"), 147));
            instrumentPatterns.put("ras.json", "ras{n}");
            instrumentPatterns.put("scs.json", "scs{n}");
            instrumentPatterns.put("authenticity.json", "as{n}");
            for (String name : instrumentPatterns.keySet()) {
                try (InputStream in = Bases.class.getResourceAsStream("/instruments/" + name)) {
                    instruments.put(name, in.readAllBytes());
                }
            }
            instruments.put("partner-behaviour.json", Files.readAllBytes(SAMPLES.resolve("partner-behaviour.json")));
            instruments.put("conflict-styles.json", Files.readAllBytes(SAMPLES.resolve("conflict-styles.json")));
            study = smallStudy(Files.readString(SAMPLES.resolve("study.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ind = "--input {dir}/ind.csv --dyad cuplid --role gender --roles 1,-1";
        String diary = "--input {dir}/diary.csv --dyad couple --role gender --person person --occasion day";
        for (String t : new String[] {
            "restructure " + ind + " --from individual --to dyad --output {dir}/out/o.csv",
            "restructure --input {dir}/dyad.csv --from dyad --to pairwise --output {dir}/out/o.csv",
            "restructure --input {dir}/pair.csv --from pairwise --to individual --dyad CoupleID --output -",
            "nonindependence " + ind + " --var satisfaction --var tension",
            "nonindependence --input {dir}/dyad.csv --layout dyad --var satisfaction --format json",
            "nonindependence --input {dir}/ind.csv --dyad cuplid --var satisfaction --format csv",
            "correlate " + ind + " --vars satisfaction,tension,other_pos",
            "correlate --input {dir}/ind.csv --dyad cuplid --indistinguishable --vars satisfaction,tension --format json",
            "apim " + ind + " --y satisfaction --x other_pos --k",
            "apim --input {dir}/ind.csv --dyad cuplid --indistinguishable --y satisfaction --x other_pos"
                    + " --bootstrap 20 --seed 1 --format json",
            "apim --input {dir}/dyad.csv --layout dyad --y satisfaction --x other_pos --format csv",
            "distinguishability " + ind + " --y satisfaction --x other_pos",
            "apimem " + ind + " --x other_pos --m tension --y satisfaction --mc 2000 --format json",
            "apimem --input {dir}/ind.csv --dyad cuplid --indistinguishable --x other_pos --m tension --y satisfaction"
                    + " --bootstrap 20 --seed 3 --mc 1000",
            "mediate --input {dir}/ind.csv --x other_pos --m tension --y satisfaction --dyad cuplid"
                    + " --bootstrap 20 --seed 1",
            "reliability --instrument ras --input {dir}/surv.csv --items ras{n} --by role",
            "reliability --instrument scs --input {dir}/surv.csv --items scs{n} --subscale self_kindness,total"
                    + " --format json",
            "score --instrument ras --input {dir}/surv.csv --items ras{n} --output {dir}/out/s.csv"
                    + " --problems {dir}/out/p.csv",
            "score --instrument scs --instrument ras --items scs{n} --items ras{n} --input {dir}/surv.csv"
                    + " --output - --min-answered 0.8",
            "power apim --dyads 150 --actor 0.25 --partner 0.15",
            "power apim --dyads 50:200:50 --partner 0.15 --format csv",
            "power simulate --dyads 30 --actor 0.25 --partner 0.15 --replicates 10 --seed 1 --format json",
            "mlm " + diary + " --fixed 'closeness ~ 0 + man + woman + man:time + woman:time'"
                    + " --random '~ 0 + man + woman | couple' --variance-by gender",
            "growth " + diary + " --y closeness --time time",
            "longitudinal-apim " + diary + " --y closeness --x stress --format json",
            "stability-influence " + diary + " --y closeness --format csv",
            "instruments",
            "instruments ras --format json",
        }) {
            templates.add(split(t));
        }
    }

    /**
     * The sample study on the cut survey file, with bootstraps of 20 and without the analyses that cost most
     * (omega of the 26 SCS items; the conflict-style models), so that a study case costs about as much as ten
     * other cases.
     */
    private static byte[] smallStudy(String yaml) throws IOException {
        com.fasterxml.jackson.dataformat.yaml.YAMLMapper mapper = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(yaml.replace("file: simulated_couples.csv", "file: surv.csv")
                        .replace("bootstrap: 2000", "bootstrap: 20"));
        root.remove("diary"); // the over-time analyses are dropped below, and with them their person-period file
        java.util.Set<String> keep = java.util.Set.of("reliability-ras", "nonindependence", "cross-partner",
                "apim-satisfaction", "distinguishability", "mediation-authenticity");
        com.fasterxml.jackson.databind.node.ArrayNode analyses = (com.fasterxml.jackson.databind.node.ArrayNode)
                root.get("analyses");
        for (int i = analyses.size() - 1; i >= 0; i--) {
            if (!keep.contains(analyses.get(i).path("id").asText())) {
                analyses.remove(i);
            }
        }
        return mapper.writeValueAsBytes(root);
    }

    /** The first {@code lines} lines of a file. */
    private static byte[] head(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return (String.join("\n", all.subList(0, Math.min(lines, all.size()))) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Splits a command line on spaces; single quotes group. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char ch : line.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
                any = true;
            } else if (ch == ' ' && !quoted) {
                if (any || cur.length() > 0) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                any = false;
            } else {
                cur.append(ch);
            }
        }
        if (any || cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** The input files a command line names ({@code {dir}/NAME}). */
    Map<String, byte[]> filesOf(List<String> args) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String a : args) {
            for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
                if (a.equals("{dir}/" + e.getKey())) {
                    m.put(e.getKey(), e.getValue());
                }
            }
        }
        return m;
    }
}
