package org.dyadkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.Layout;
import org.dyadkit.table.DataTable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every dyadic command shares to read its input: {@code --input}, {@code --layout}
 * (alias {@code --from}), {@code --dyad}, {@code --role}, {@code --roles}, {@code --indistinguishable} and
 * {@code --suffixes} (and the optional {@code --person}). Use it as a picocli {@code @Mixin} and call {@link #read()}.
 *
 * <p>Dyads are distinguishable when {@code --role} names a role column (individual and pairwise layouts).
 * In the dyad layout they are distinguishable when {@code --role} or {@code --roles} is given or when the
 * inferred column suffixes are not just {@code _1}/{@code _2}; {@code --indistinguishable} overrides all.
 */
public final class DyadicInputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Input CSV file ('-' reads standard input; a named pipe works too).")
    Path input;

    @picocli.CommandLine.Mixin
    ReadingOptions reading;

    @Option(names = "--names", paramLabel = "PATTERN",
            description = "With --layout dyad: how member columns are named, with {var} and {role}: {var}_{role} "
                    + "(sat_H), {var}.{role} (PRQC_1.2), {role}_{var} (H_sat), or the role inside the name "
                    + "(sat.g.{role}_{item}: variables then named without the role, sat.g_3). Inferred when absent.")
    String names;

    @Option(names = {"--layout", "--from"}, defaultValue = "individual", paramLabel = "LAYOUT",
            converter = LayoutConverter.class,
            description = "Layout of the input: individual (one row per person), dyad (one row per dyad, "
                    + "X_<role> columns) or pairwise (one row per person, X_A and X_P columns). Default: ${DEFAULT-VALUE}.")
    Layout layout;

    @Option(names = "--dyad", paramLabel = "COL",
            description = "Column with the dyad id (required, except with --layout dyad: each row is then a dyad, "
                    + "numbered by its line).")
    String dyad;

    @Option(names = "--role", paramLabel = "COL",
            description = "Column with each person's role; makes the dyads distinguishable. With --layout dyad: "
                    + "the name of the role column written to the other layouts.")
    String role;

    @Option(names = "--roles", split = ",", paramLabel = "A,B",
            description = "The two role values, in order (the role difference is the first minus the second). "
                    + "With --layout dyad: the column suffixes (X_<role>); inferred from the column names when absent.")
    List<String> roles;

    @Option(names = "--person", paramLabel = "COL",
            description = "Optional column with a person id (individual and pairwise layouts); an id on more than"
                    + " one row is an error.")
    String person;

    @Option(names = "--indistinguishable",
            description = "Treat the dyads as indistinguishable (no roles), even when a role column is named.")
    boolean indistinguishable;

    @Option(names = "--suffixes", split = ",", defaultValue = "_A,_P", paramLabel = "ACTOR,PARTNER",
            description = "Actor and partner suffixes of the pairwise layout. Default: ${DEFAULT-VALUE}.")
    List<String> suffixes;

    /** The input file. */
    public Path input() {
        return input;
    }

    /** The input layout. */
    public Layout layout() {
        return layout;
    }

    /**
     * The first keys of a dyadic table command's JSON object: {@code analysis}, {@code input}, {@code layout},
     * {@code distinguishable}, {@code roles}, {@code n_dyads} and {@code n_singletons}, in that order.
     */
    Map<String, Object> jsonHeader(String analysis, DyadicData data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analysis", analysis);
        m.put("input", input.toString());
        m.put("layout", layout.label());
        m.put("distinguishable", data.distinguishable());
        m.put("roles", data.roles());
        m.put("n_dyads", data.size());
        m.put("n_singletons", data.singletons().size());
        return m;
    }

    /**
     * Puts the header keys ({@link #jsonHeader}) first in a renderer's JSON object, keeping the renderer's
     * keys after them.
     */
    void header(com.fasterxml.jackson.databind.node.ObjectNode o, String analysis, DyadicData data) {
        com.fasterxml.jackson.databind.node.ObjectNode h = org.dyadkit.report.Formats.object(jsonHeader(analysis, data));
        h.setAll(o);
        o.removeAll();
        o.setAll(h);
    }

    /** Adds the input's file, layout, dyad and role columns to the {@code options} object of a JSON result. */
    void options(com.fasterxml.jackson.databind.node.ObjectNode o, DyadicData data) {
        com.fasterxml.jackson.databind.node.ObjectNode opts = org.dyadkit.report.Formats.object();
        opts.put("input", input.toString());
        opts.put("layout", layout.label());
        opts.put("dyad", data.dyadColumn());
        opts.put("role", data.roleColumn());
        if (o.get("options") instanceof com.fasterxml.jackson.databind.node.ObjectNode model) {
            opts.setAll(model);
        }
        o.set("options", opts);
    }

    /** The text line {@code Input: FILE (LAYOUT layout), N dyads, M with one member}, without a line end. */
    String inputLine(DyadicData data) {
        return "Input: " + input + " (" + layout.label() + " layout), " + data.size() + " dyads, "
                + data.singletons().size() + " with one member";
    }

    /**
     * Reads the input into dyads, printing any reading remarks and the number of dyads with one member
     * to the command's error stream.
     *
     * @throws CommandLine.ParameterException (exit 2) for a malformed {@code --roles} or {@code --suffixes}
     * @throws org.dyadkit.InputException (exit 3) for an unreadable file or invalid dyads
     */
    public DyadicData read() {
        DyadicData data = readData();
        modelNote(data);
        return data;
    }

    /** As {@link #read()}, without the note on the model (for restructuring, which fits none). */
    DyadicData readData() {
        check();
        DyadicData data = builder(reading.readTable(input.toString())).build();
        PrintWriter err = spec.commandLine().getErr();
        for (String w : data.warnings()) {
            err.println("dyadkit: note: " + w);
        }
        int singles = data.singletons().size();
        if (singles > 0) {
            err.println("dyadkit: note: " + singles + " of " + data.size() + " dyads have one member; they are kept"
                    + " and used wherever a statistic can use one person");
        }
        err.flush();
        return data;
    }

    /** The option checks made before reading (exit 2): names that are blank, a missing --dyad. */
    void check() {
        CommandLine cl = spec.commandLine();
        OptionChecks.path(cl, "--input", input, "couples.csv");
        OptionChecks.name(cl, "--dyad", dyad, "couple_id");
        OptionChecks.name(cl, "--role", role, "gender");
        OptionChecks.name(cl, "--person", person, "person_id");
        OptionChecks.name(cl, "--names", names, "'{var}_{role}'");
        if (dyad == null && layout != Layout.DYAD) {
            throw new CommandLine.ParameterException(cl, "--dyad COL is needed with the " + layout.label()
                    + " layout: name the column that holds the couple (dyad) id, for example --dyad couple_id");
        }
        if (names != null && layout != Layout.DYAD) {
            throw new CommandLine.ParameterException(cl, "--names describes the columns of the dyad layout; "
                    + "add --layout dyad, or drop --names");
        }
    }

    /**
     * A note on the error stream saying which model an analysis fitted when the command line did not say
     * (neither {@code --role} nor {@code --indistinguishable}), and how to ask for the other.
     */
    void modelNote(DyadicData data) {
        if (role != null || indistinguishable || (layout == Layout.DYAD && roles != null)) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (data.distinguishable()) {
            err.println("dyadkit: note: fitted the model for distinguishable dyads (roles " + String.join(" and ",
                    data.roles()) + ", from the column names); add --indistinguishable for the model without roles");
        } else if (layout == Layout.DYAD) {
            err.println("dyadkit: note: fitted the model for indistinguishable dyads (the column names number the "
                    + "members); add --roles a,b naming the two role values of the column names for the distinguishable"
                    + " model, or --indistinguishable to say this is intended");
        } else {
            err.println("dyadkit: note: fitted the model for indistinguishable dyads (no --role given); add --role COL"
                    + " naming the column that tells the partners apart (for example --role gender) for the"
                    + " distinguishable model, or --indistinguishable to say this is intended");
        }
        err.flush();
    }

    /** The builder for a table, configured from the options (without reading the file). */
    public DyadicData.Builder builder(DataTable table) {
        if (roles != null && (roles.size() != 2 || roles.get(0).equals(roles.get(1)) || roles.get(0).isBlank())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--roles needs two different values separated by a comma, for example --roles husband,wife");
        }
        if (suffixes.size() != 2 || suffixes.get(0).isEmpty() || suffixes.get(0).equals(suffixes.get(1))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--suffixes needs two different suffixes separated by a comma, for example --suffixes _A,_P");
        }
        DyadicData.Builder b = DyadicData.layout(table, layout).dyad(dyad).role(role).roles(roles)
                .indistinguishable(indistinguishable).suffixes(suffixes.get(0), suffixes.get(1)).person(person)
                .names(names);
        if (layout != Layout.DYAD && roles != null && role == null && !indistinguishable) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--roles with --layout " + layout.label() + " needs --role COL naming the role column");
        }
        return b;
    }

    /** Converts {@code individual}, {@code dyad} or {@code pairwise} to a {@link Layout}. */
    public static final class LayoutConverter implements CommandLine.ITypeConverter<Layout> {
        @Override
        public Layout convert(String value) {
            try {
                return Layout.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
