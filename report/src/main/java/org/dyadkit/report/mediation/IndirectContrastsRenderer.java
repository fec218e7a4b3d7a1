package org.dyadkit.report.mediation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dyadkit.mediation.DeltaEffect;
import org.dyadkit.mediation.IndirectContrast;
import org.dyadkit.mediation.IndirectContrastsResult;
import org.dyadkit.mediation.ProportionMediated;
import org.dyadkit.resample.Interval;
import org.dyadkit.report.Formats;

/**
 * The {@code apimem --contrasts} additions: {@code contrasts} rows ({@code first}, {@code second},
 * {@code estimate} and each interval), {@code delta} rows (total indirect and total effects with
 * delta-method SEs) and {@code proportion_mediated} rows; their text block and CSV rows in the APIMeM CSV's
 * columns ({@code kind, name, effect, role, estimate, se, statistic, p, ci_lower, ci_upper, ci_method}).
 */
public final class IndirectContrastsRenderer {
    private IndirectContrastsRenderer() {
    }

    private static void interval(ObjectNode o, String prefix, Optional<Interval> i) {
        interval(o, prefix, i.orElse(null));
    }

    private static void interval(ObjectNode o, String prefix, Interval i) {
        Formats.put(o, prefix + "_lower", i == null ? null : i.lower());
        Formats.put(o, prefix + "_upper", i == null ? null : i.upper());
    }

    /** Adds {@code contrasts}, {@code delta} and {@code proportion_mediated} to an APIMeM JSON object. */
    public static void json(ObjectNode into, IndirectContrastsResult r) {
        ArrayNode c = into.putArray("contrasts");
        for (IndirectContrast x : r.contrasts()) {
            ObjectNode o = c.addObject().put("first", x.first()).put("second", x.second());
            Formats.put(o, "estimate", x.estimate());
            interval(o, "monte_carlo", x.monteCarlo());
            interval(o, "percentile", x.percentile());
            interval(o, "bias_corrected", x.biasCorrected());
        }
        ArrayNode d = into.putArray("delta");
        for (DeltaEffect x : r.delta()) {
            ObjectNode o = d.addObject().put("kind", x.kind()).put("effect", x.effect()).put("role", x.role());
            Formats.put(o, "estimate", x.estimate());
            Formats.put(o, "se", x.se());
            Formats.put(o, "z", x.z());
            Formats.put(o, "p", x.p());
            interval(o, "ci", x.ci());
        }
        ArrayNode p = into.putArray("proportion_mediated");
        for (ProportionMediated x : r.proportions()) {
            ObjectNode o = p.addObject().put("effect", x.effect()).put("role", x.role());
            Formats.put(o, "estimate", x.estimate());
            Formats.put(o, "se", x.se());
            interval(o, "delta", x.delta());
            interval(o, "percentile", x.percentile());
            interval(o, "bias_corrected", x.biasCorrected());
        }
    }

    private static String ci(Optional<Interval> i) {
        return ci(i.orElse(null));
    }

    private static String ci(Interval i) {
        return i == null ? "-" : "[" + Formats.fixed(i.lower(), 4) + ", " + Formats.fixed(i.upper(), 4) + "]";
    }

    /** The text block. */
    public static String text(IndirectContrastsResult r) {
        StringBuilder sb = new StringBuilder("Contrasts of indirect effects (first - second)\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("first", "second", "estimate", "Monte Carlo CI", "percentile CI", "bias-corrected CI"));
        for (IndirectContrast x : r.contrasts()) {
            rows.add(List.of(x.first(), x.second(), Formats.fixed(x.estimate(), 6), ci(x.monteCarlo()),
                    ci(x.percentile()), ci(x.biasCorrected())));
        }
        sb.append(Formats.table(rows));
        sb.append("Total indirect and total effects, delta-method SEs\n");
        rows = new ArrayList<>();
        rows.add(List.of("kind", "effect", "role", "estimate", "SE", "z", "p", "CI"));
        for (DeltaEffect x : r.delta()) {
            rows.add(List.of(x.kind(), x.effect(), x.role(), Formats.fixed(x.estimate(), 6), Formats.fixed(x.se(), 6),
                    Formats.fixed(x.z(), 3), Formats.pValue(x.p()), ci(x.ci())));
        }
        sb.append(Formats.table(rows));
        sb.append("Proportion mediated (total indirect / total)\n");
        rows = new ArrayList<>();
        rows.add(List.of("effect", "role", "estimate", "SE", "delta CI", "percentile CI", "bias-corrected CI"));
        for (ProportionMediated x : r.proportions()) {
            rows.add(List.of(x.effect(), x.role(), Formats.fixed(x.estimate(), 6), Formats.fixed(x.se(), 6),
                    ci(x.delta()), ci(x.percentile()), ci(x.biasCorrected())));
        }
        sb.append(Formats.table(rows));
        return sb.toString();
    }

    private static void row(List<List<Object>> out, String kind, String name, String effect, String role, double est,
            Double se, Double stat, Double p, Interval i) {
        List<Object> r = new ArrayList<>();
        r.add(kind);
        r.add(name);
        r.add(effect);
        r.add(role);
        r.add(est);
        r.add(se);
        r.add(stat);
        r.add(p);
        r.add(i == null ? null : i.lower());
        r.add(i == null ? null : i.upper());
        r.add(i == null ? null : i.kind().label());
        out.add(r);
    }

    /** CSV rows in the APIMeM CSV's columns: one row per contrast or proportion and interval. */
    public static List<List<Object>> csv(IndirectContrastsResult r) {
        List<List<Object>> out = new ArrayList<>();
        for (IndirectContrast x : r.contrasts()) {
            String name = x.first() + " - " + x.second();
            boolean any = false;
            for (Optional<Interval> i : List.of(x.monteCarlo(), x.percentile(), x.biasCorrected())) {
                if (i.isPresent()) {
                    row(out, "contrast", name, null, null, x.estimate(), null, null, null, i.get());
                    any = true;
                }
            }
            if (!any) {
                row(out, "contrast", name, null, null, x.estimate(), null, null, null, null);
            }
        }
        for (DeltaEffect x : r.delta()) {
            row(out, "delta_" + x.kind(), x.kind(), x.effect(), x.role(), x.estimate(), x.se(), x.z(), x.p(), x.ci());
        }
        for (ProportionMediated x : r.proportions()) {
            for (Optional<Interval> i : List.of(Optional.of(x.delta()), x.percentile(), x.biasCorrected())) {
                if (i.isPresent()) {
                    row(out, "proportion_mediated", "proportion", x.effect(), x.role(), x.estimate(), x.se(), null,
                            null, i.get());
                }
            }
        }
        return out;
    }
}
