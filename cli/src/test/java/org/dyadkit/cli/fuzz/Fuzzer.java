package org.dyadkit.cli.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Makes fuzz case number {@code i} of a seed: its own generator (SplitMix64) is seeded from {@code seed} and {@code i}, so that
 * any case can be made again from the two numbers. Kinds, by weight: mutated CSV inputs of a working
 * command line (45), mutated options (45), a mutated instrument file read by {@code instruments},
 * {@code score} or {@code reliability} (8), a mutated study file (the study weight, 2 by default: a study
 * runs many analyses and costs as much as some hundred other cases).
 */
final class Fuzzer {
    /** Integer option values: edges and non-numbers. */
    static final List<String> INTS = List.of("0", "-1", "1", "2", "3", "-2147483648", "2147483647", "2147483648",
            "32768", "1000001", "", " ", "abc", "1e3", "NaN", "1.5", "0x10", "+5", "\u0663");
    /** Values of the count options (resamples, draws, replicates): edges and refused values, never a slow valid one. */
    static final List<String> COUNTS = List.of("0", "-1", "1", "2", "3", "5", "1000001", "2147483647", "-2147483648",
            "", " ", "abc", "1e3", "NaN", "1.5");
    /** Values of {@code --threads}. */
    static final List<String> THREADS = List.of("0", "-1", "1", "2", "3", "8", "1024", "1025", "32768", "100000",
            "2147483647", "", "x", "1.5");
    private static final List<String> COUNT_OPTIONS = List.of("--bootstrap", "--mc", "--replicates");
    static final List<String> LONGS = List.of("0", "-1", "1", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "", "x", "1.0", "12345");
    static final List<String> DOUBLES = List.of("0", "1", "-1", "0.5", "0.95", "0.999999", "1e-300", "1e300", "NaN",
            "Infinity", "-Infinity", "-0.0", "", " ", "0,95", "abc", "95", "1.0000001", "4.9e-324", "2", "100");
    static final List<String> NAMES = List.of("", " ", "\t", ",", "a,a", "nosuchcolumn", "x".repeat(300), "\"",
            "-", "--", "a b", "satisfaction", "tension", "gender", "cuplid", "couple", "role", "1,-1", "1,1", "a=0.3",
            "man=0.2", "50:400:25", "1:0:1", "0:10:0", "10:1:1", "1:2147483647:1", "-5:10:1", "{n}", "ras{n}", "scs{n}", "total", "self_kindness",
            "1,2", "1", "0", "-5", "0.5", "NaN", "pearson", "all", "unknown", "man", "woman", "closeness ~ 1",
            "~ 1 | couple", "y ~", "~ 0 + man + woman | couple");
    static final List<String> PATHS = List.of("{dir}/out/x.csv", "{dir}/out", "{dir}/nosuch/x.csv", "-",
            "{dir}/ind.csv", "{dir}/surv.csv", "", " ", "{dir}/out/sub/../x.csv");
    private static final List<String> OUTPUT_OPTIONS = List.of("--output", "--problems", "--out");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Bases bases = new Bases();
    private final long seed;
    private final int studyWeight;
    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();

    Fuzzer(long seed, int studyWeight) {
        this.seed = seed;
        this.studyWeight = studyWeight;
    }

    long seed() {
        return seed;
    }

    /** Case number {@code i}. */
    FuzzCase make(long i) {
        // SplitMix64 mixes its seed, so that neighbouring case numbers get unrelated streams
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed * 0x9E3779B97F4A7C15L + i);
        int kind = rng.nextInt(98 + studyWeight);
        if (kind < 45) {
            return csvCase(rng);
        }
        if (kind < 90) {
            return optionCase(rng);
        }
        if (kind < 98) {
            return instrumentCase(rng);
        }
        return studyCase(rng);
    }

    private FuzzCase template(UniformRandomProvider rng) {
        List<String> args = Mutators.pick(rng, bases.templates);
        return new FuzzCase("", args, bases.filesOf(args));
    }

    private FuzzCase csvCase(UniformRandomProvider rng) {
        FuzzCase c = template(rng);
        while (c.files().isEmpty()) {
            c = template(rng);
        }
        String name = Mutators.pick(rng, new ArrayList<>(c.files().keySet()));
        byte[] bytes = c.files().get(name);
        List<String> what = new ArrayList<>();
        int k = 1 + (rng.nextInt(3) == 0 ? rng.nextInt(4) : 0);
        for (int j = 0; j < k; j++) {
            Mutators.Mutation m = Mutators.csv(rng, bytes);
            bytes = m.bytes();
            what.add(m.what());
        }
        return c.withFile(name, bytes, name + ": " + String.join(", ", what));
    }

    /** The spec of the (sub)command a command line runs: {@code power apim} is {@code apim} under {@code power}. */
    private CommandSpec spec(List<String> args) {
        String key = args.get(0) + (args.get(0).equals("power") && args.size() > 1 ? " " + args.get(1) : "");
        return specs.computeIfAbsent(key, k -> {
            CommandLine cl = Main.commandLine(args.toArray(String[]::new)).getSubcommands().get(args.get(0));
            if (cl == null) {
                return null;
            }
            if (args.get(0).equals("power") && args.size() > 1 && cl.getSubcommands().containsKey(args.get(1))) {
                cl = cl.getSubcommands().get(args.get(1));
            }
            return cl.getCommandSpec();
        });
    }

    /** A value from an option's domain. */
    private static String value(UniformRandomProvider rng, OptionSpec o) {
        String name = o.longestName();
        if (OUTPUT_OPTIONS.contains(name) || name.equals("--input") || name.equals("--item-map")) {
            return Mutators.pick(rng, PATHS);
        }
        if (COUNT_OPTIONS.contains(name)) {
            return Mutators.pick(rng, COUNTS);
        }
        if (name.equals("--threads")) {
            return Mutators.pick(rng, THREADS);
        }
        Class<?> t = o.type();
        if (java.util.Collection.class.isAssignableFrom(t) && o.auxiliaryTypes().length > 0) {
            t = o.auxiliaryTypes()[0];
        }
        if (t.isEnum()) {
            List<String> v = new ArrayList<>();
            for (Object e : t.getEnumConstants()) {
                v.add(e.toString().toLowerCase(java.util.Locale.ROOT));
            }
            v.add("bogus");
            v.add("");
            return Mutators.pick(rng, v);
        }
        if (o.completionCandidates() != null && rng.nextBoolean()) {
            List<String> v = new ArrayList<>();
            o.completionCandidates().forEach(v::add);
            if (!v.isEmpty()) {
                return Mutators.pick(rng, v);
            }
        }
        if (t == int.class || t == Integer.class) {
            return Mutators.pick(rng, INTS);
        }
        if (t == long.class || t == Long.class) {
            return Mutators.pick(rng, LONGS);
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return Mutators.pick(rng, DOUBLES);
        }
        int r = rng.nextInt(4);
        return r == 0 ? Mutators.pick(rng, DOUBLES) : r == 1 ? Mutators.pick(rng, INTS) : Mutators.pick(rng, NAMES);
    }

    private static boolean isFlag(OptionSpec o) {
        return o.arity().max() == 0;
    }

    private FuzzCase optionCase(UniformRandomProvider rng) {
        FuzzCase c = template(rng);
        List<String> args = new ArrayList<>(c.args());
        CommandSpec spec = spec(args);
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                options.add(o);
            }
        }
        int first = args.get(0).equals("power") ? 2 : 1;
        List<String> what = new ArrayList<>();
        int k = 1 + rng.nextInt(3);
        for (int j = 0; j < k; j++) {
            int op = rng.nextInt(12);
            List<Integer> at = new ArrayList<>();
            for (int p = first; p < args.size(); p++) {
                if (args.get(p).startsWith("--") && spec.findOption(args.get(p)) != null) {
                    at.add(p);
                }
            }
            if (op < 5 && !at.isEmpty()) {
                int p = Mutators.pick(rng, at);
                OptionSpec o = spec.findOption(args.get(p));
                if (isFlag(o)) {
                    args.remove(p);
                    what.add(o.longestName() + " dropped");
                } else if (p + 1 < args.size()) {
                    String v = value(rng, o);
                    args.set(p + 1, v);
                    what.add(o.longestName() + " = '" + v + "'");
                }
            } else if (op < 9) {
                OptionSpec o = Mutators.pick(rng, options);
                String name = Mutators.pick(rng, List.of(o.names()));
                if (isFlag(o)) {
                    args.add(name);
                    what.add(name + " added");
                } else {
                    String v = value(rng, o);
                    if (rng.nextInt(4) == 0) {
                        args.add(name + "=" + v);
                    } else {
                        args.add(name);
                        args.add(v);
                    }
                    what.add(name + " '" + v + "' added");
                }
            } else if (op < 10 && !at.isEmpty()) {
                int p = Mutators.pick(rng, at);
                OptionSpec o = spec.findOption(args.get(p));
                int width = isFlag(o) || p + 1 >= args.size() ? 1 : 2;
                List<String> copy = new ArrayList<>(args.subList(p, p + width));
                if (rng.nextBoolean()) {
                    args.addAll(copy);
                    what.add(o.longestName() + " repeated");
                } else {
                    args.subList(p, p + width).clear();
                    what.add(o.longestName() + " dropped");
                }
            } else if (op < 11) {
                String junk = Mutators.pick(rng, List.of("--bogus", "extra", "-x", "--", "--format=", "--help"));
                args.add(rng.nextInt(args.size() - first + 1) + first, junk);
                what.add("'" + junk + "' inserted");
            } else if (args.size() > first) {
                int p = first + rng.nextInt(args.size() - first);
                what.add("argument '" + args.remove(p) + "' removed");
            }
        }
        return c.withArgs(args).withNote("options: " + String.join(", ", what));
    }

    private FuzzCase instrumentCase(UniformRandomProvider rng) {
        String name = Mutators.pick(rng, new ArrayList<>(bases.instrumentPatterns.keySet()));
        byte[] bytes = bases.instruments.get(name);
        List<String> what = new ArrayList<>();
        try {
            if (rng.nextInt(5) == 0) {
                Mutators.Mutation m = Mutators.bytes(rng, bytes);
                bytes = m.bytes();
                what.add(m.what());
            } else {
                JsonNode tree = JSON.readTree(bytes);
                int k = 1 + rng.nextInt(2);
                for (int j = 0; j < k; j++) {
                    what.add(Mutators.tree(rng, tree));
                }
                bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String file = "{dir}/my-" + name;
        String pattern = bases.instrumentPatterns.get(name);
        List<String> args = switch (rng.nextInt(3)) {
            case 0 -> List.of("instruments", file);
            case 1 -> List.of("score", "--instrument", file, "--input", "{dir}/surv.csv", "--items", pattern,
                    "--output", "{dir}/out/s.csv");
            default -> List.of("reliability", "--instrument", file, "--input", "{dir}/surv.csv", "--items", pattern,
                    "--format", "json");
        };
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("my-" + name, bytes);
        if (!args.get(0).equals("instruments")) {
            files.put("surv.csv", bases.inputs.get("surv.csv"));
        }
        return new FuzzCase("instrument " + name + ": " + String.join(", ", what), args, files);
    }

    private FuzzCase studyCase(UniformRandomProvider rng) {
        byte[] bytes = bases.study;
        List<String> what = new ArrayList<>();
        boolean asJson = rng.nextInt(4) == 0;
        try {
            if (rng.nextInt(5) == 0) {
                Mutators.Mutation m = Mutators.bytes(rng, bytes);
                bytes = m.bytes();
                what.add(m.what());
                asJson = false;
            } else {
                JsonNode tree = YAML.readTree(bytes);
                int k = 1 + rng.nextInt(2);
                for (int j = 0; j < k; j++) {
                    what.add(Mutators.tree(rng, tree));
                }
                bytes = asJson ? JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree)
                        : YAML.writeValueAsBytes(tree);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String file = asJson ? "study.json" : "study.yaml";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(file, bytes);
        files.put("surv.csv", bases.inputs.get("surv.csv"));
        files.put("partner-behaviour.json", bases.instruments.get("partner-behaviour.json"));
        files.put("conflict-styles.json", bases.instruments.get("conflict-styles.json"));
        return new FuzzCase("study: " + String.join(", ", what),
                List.of("study", "{dir}/" + file, "--out", "{dir}/out/study"), files);
    }

    /** The unmutated working command lines, as cases (each must succeed). */
    List<FuzzCase> templates() {
        List<FuzzCase> out = new ArrayList<>();
        for (List<String> t : bases.templates) {
            out.add(new FuzzCase("template", t, bases.filesOf(t)));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("study.yaml", bases.study);
        files.put("surv.csv", bases.inputs.get("surv.csv"));
        files.put("partner-behaviour.json", bases.instruments.get("partner-behaviour.json"));
        files.put("conflict-styles.json", bases.instruments.get("conflict-styles.json"));
        out.add(new FuzzCase("template", List.of("study", "{dir}/study.yaml", "--out", "{dir}/out/study"), files));
        return out;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
