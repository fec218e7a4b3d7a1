package org.dyadkit.report.power;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.dyadkit.power.PowerMethod;
import org.dyadkit.power.PowerResult;
import org.dyadkit.power.PowerRow;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import org.dyadkit.report.TidyTable;

/**
 * Renders analytic and simulated power ({@code dyadkit power apim}, {@code dyadkit power simulate}): JSON
 * {@code {"method": "analytic"|"simulation", "model", "design", "simulation", "rows": [{"effect", "role",
 * "n_dyads", "power", "mc_se", "ncp", "df", "beta", ...}], "notes"}}, a text table with one summary sentence per
 * row, and one tidy table ({@code power} rows, {@code failures} rows).
 */
public final class PowerRenderer implements Renderer<PowerResult> {
    /** The renderer (stateless). */
    public static final PowerRenderer INSTANCE = new PowerRenderer();

    private PowerRenderer() {
    }

    @Override
    public ObjectNode json(PowerResult r) {
        ObjectNode o = Formats.object();
        o.put("method", r.method() == PowerMethod.ANALYTIC ? "analytic" : "simulation");
        o.put("model", r.model());
        ObjectNode d = o.putObject("design");
        d.put("distinguishable", r.distinguishable());
        ArrayNode roles = d.putArray("roles");
        r.roles().forEach(roles::add);
        d.put("effect_size", r.effectSize().name().toLowerCase(Locale.ROOT));
        Formats.put(d, "alpha", r.alpha());
        Formats.put(d, "r_x", r.rX());
        Formats.put(d, "r_errors", r.rErrors());
        Formats.put(d, "variance_ratio_x", r.varianceRatioX());
        Formats.put(d, "variance_ratio_errors", r.varianceRatioErrors());
        ArrayNode singles = d.putArray("singles");
        for (Map.Entry<String, Integer> e : r.singles().entrySet()) {
            singles.addObject().put("role", e.getKey()).put("n", e.getValue());
        }
        Formats.put(d, "missing_rate", r.missingRate());
        put(d, "target_power", r.targetPower());
        ArrayNode dy = d.putArray("dyads");
        r.dyads().forEach(dy::add);
        if (r.method() == PowerMethod.SIMULATION) {
            ObjectNode s = o.putObject("simulation");
            s.put("replicates", r.replicates());
            if (r.seed().isPresent()) {
                s.put("seed", r.seed().getAsLong());
            } else {
                s.putNull("seed");
            }
            s.put("engine", r.engine().orElse(null));
            ArrayNode f = s.putArray("failures");
            for (Map.Entry<String, Integer> e : r.failures().entrySet()) {
                f.addObject().put("reason", e.getKey()).put("count", e.getValue());
            }
        }
        ArrayNode rows = o.putArray("rows");
        for (PowerRow row : r.rows()) {
            ObjectNode j = rows.addObject();
            j.put("effect", row.effect());
            j.put("role", row.role().orElse(null));
            put(j, "n_dyads", row.nDyads());
            put(j, "power", row.power());
            put(j, "mc_se", row.mcSe());
            put(j, "ncp", row.ncp());
            put(j, "df", row.df());
            Formats.put(j, "size", row.size());
            put(j, "beta", row.beta());
            put(j, "r", row.r());
            put(j, "partial_r", row.partialR());
            if (r.method() == PowerMethod.SIMULATION) {
                put(j, "true_value", row.trueValue());
                put(j, "mean_estimate", row.meanEstimate());
                put(j, "bias", row.bias());
                put(j, "coverage", row.coverage());
                put(j, "replicates", row.replicates());
                put(j, "failed_share", row.failedShare());
            }
            j.put("summary", row.summary());
        }
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        return o;
    }

    @Override
    public String text(PowerResult r) {
        StringBuilder sb = new StringBuilder();
        boolean sim = r.method() == PowerMethod.SIMULATION;
        sb.append(sim ? "Power by simulation" : "Analytic power").append(" for the ").append(r.model().toUpperCase(Locale.ROOT))
                .append(" with ").append(r.distinguishable() ? "distinguishable dyads (" + String.join(", ", r.roles()) + ")"
                        : "indistinguishable dyads").append('\n');
        sb.append(String.format(Locale.ROOT, "alpha %s (two-sided); effect size: %s; r(X, X') %s; r(errors) %s",
                Formats.fixed(r.alpha(), 3), r.effectSize().name().toLowerCase(Locale.ROOT), Formats.fixed(r.rX(), 3),
                Formats.fixed(r.rErrors(), 3)));
        if (r.distinguishable()) {
            sb.append(String.format(Locale.ROOT, "; variance ratios X %s, errors %s", Formats.fixed(r.varianceRatioX(), 3),
                    Formats.fixed(r.varianceRatioErrors(), 3)));
        }
        sb.append('\n');
        sb.append("singles: ");
        List<String> sg = new ArrayList<>();
        r.singles().forEach((k, v) -> sg.add(k + " " + v));
        sb.append(String.join(", ", sg));
        if (sim) {
            sb.append(String.format(Locale.ROOT, "; missing-data rate %s%n", Formats.fixed(r.missingRate(), 3)));
            sb.append(r.replicates()).append(" replicates per N, seed ").append(r.seed().getAsLong()).append("; ")
                    .append(r.engine().orElse("")).append('\n');
        } else {
            sb.append('\n');
        }
        r.targetPower().ifPresent(p -> sb.append("target power ").append(Formats.fixed(p, 3))
                .append(": the smallest number of dyads per effect\n"));
        sb.append('\n');
        List<List<String>> t = new ArrayList<>();
        if (sim) {
            t.add(List.of("effect", "N", "power", "MC SE", "size", "true", "mean est", "bias", "coverage", "failed"));
        } else {
            t.add(List.of("effect", "N", "power", "df", "size", "beta", "r", "partial r", "ncp"));
        }
        for (PowerRow row : r.rows()) {
            String n = row.nDyads().isPresent() ? Integer.toString(row.nDyads().getAsInt()) : "none";
            if (sim) {
                t.add(List.of(row.effect(), n, f(row.power(), 3), f(row.mcSe(), 4), Formats.fixed(row.size(), 3),
                        f(row.trueValue(), 4), f(row.meanEstimate(), 4), f(row.bias(), 4), f(row.coverage(), 3),
                        f(row.failedShare(), 3)));
            } else {
                t.add(List.of(row.effect(), n, f(row.power(), 3), f(row.df(), 2), Formats.fixed(row.size(), 3),
                        f(row.beta(), 3), f(row.r(), 3), f(row.partialR(), 3), f(row.ncp(), 3)));
            }
        }
        sb.append(Formats.table(t));
        if (sim && !r.failures().isEmpty()) {
            sb.append("\nReplicates that could not be fitted:\n");
            r.failures().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        sb.append('\n');
        for (PowerRow row : r.rows()) {
            sb.append(row.summary()).append('\n');
        }
        if (!r.notes().isEmpty()) {
            sb.append('\n');
            r.notes().forEach(nt -> sb.append("Note: ").append(nt).append('\n'));
        }
        return sb.toString();
    }

    @Override
    public TidyTable tables(PowerResult r) {
        TidyTable.Builder b = TidyTable.builder();
        boolean sim = r.method() == PowerMethod.SIMULATION;
        for (PowerRow row : r.rows()) {
            TidyTable.Row t = b.row("power").put("method", sim ? "simulation" : "analytic").put("effect", row.effect())
                    .put("role", row.role().orElse(null)).put("n_dyads", box(row.nDyads())).put("power", box(row.power()))
                    .put("mc_se", box(row.mcSe())).put("ncp", box(row.ncp())).put("df", box(row.df()))
                    .put("size", row.size()).put("beta", box(row.beta())).put("r", box(row.r()))
                    .put("partial_r", box(row.partialR()));
            if (sim) {
                t.put("true_value", box(row.trueValue())).put("mean_estimate", box(row.meanEstimate()))
                        .put("bias", box(row.bias())).put("coverage", box(row.coverage()))
                        .put("replicates", box(row.replicates())).put("failed_share", box(row.failedShare()));
            }
        }
        for (Map.Entry<String, Integer> e : r.failures().entrySet()) {
            b.row("failures").put("reason", e.getKey()).put("count", e.getValue());
        }
        return b.build();
    }

    private static void put(ObjectNode o, String key, OptionalDouble v) {
        Formats.put(o, key, v.isPresent() ? v.getAsDouble() : null);
    }

    private static void put(ObjectNode o, String key, OptionalInt v) {
        if (v.isPresent()) {
            o.put(key, v.getAsInt());
        } else {
            o.putNull(key);
        }
    }

    private static String f(OptionalDouble v, int decimals) {
        return v.isPresent() ? Formats.fixed(v.getAsDouble(), decimals) : "";
    }

    private static Double box(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static Integer box(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }
}
