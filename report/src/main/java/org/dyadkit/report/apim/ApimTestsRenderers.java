package org.dyadkit.report.apim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dyadkit.apim.Centring;
import org.dyadkit.apim.ChiSquareConvention;
import org.dyadkit.apim.ConstrainedCoefficient;
import org.dyadkit.apim.ConstraintKind;
import org.dyadkit.apim.ConstraintTest;
import org.dyadkit.apim.ConstraintTests;
import org.dyadkit.apim.ExplainedNonindependence;
import org.dyadkit.apim.JohnsonNeyman;
import org.dyadkit.apim.PlotPoint;
import org.dyadkit.apim.SemDistinguishabilityResult;
import org.dyadkit.apim.SemTest;
import org.dyadkit.apim.SimpleSlope;
import org.dyadkit.apim.SimpleSlopesResult;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import org.dyadkit.report.SampleJson;
import org.dyadkit.report.TidyTable;

/**
 * Renderers of the tests and probes of an APIM: constrained refits and their LR/Wald tests (with the
 * equal-k test), the SEM tests of distinguishability, simple slopes with Johnson-Neyman regions and plot
 * data, explained nonindependence and the centring applied. Each adds its JSON keys, text block and tidy
 * rows to the APIM or distinguishability output.
 */
public final class ApimTestsRenderers {
    private ApimTestsRenderers() {
    }

    /** {@code n} or {@code n-1}, as on the command line. */
    public static String convention(ChiSquareConvention c) {
        return c == ChiSquareConvention.N ? "n" : "n-1";
    }

    // ---- constrained refits ----

    /** Constrained refits: JSON {@code {"convention", "log_lik_free_ml", "tests": [...]}}. */
    public static final Renderer<ConstraintTests> CONSTRAINTS = new Renderer<>() {
        @Override
        public ObjectNode json(ConstraintTests t) {
            ObjectNode o = Formats.object();
            o.put("convention", convention(t.convention()));
            Formats.put(o, "log_lik_free_ml", t.logLikFreeMl());
            ArrayNode a = o.putArray("tests");
            for (ConstraintTest c : t.tests()) {
                a.add(testJson(c));
            }
            return o;
        }

        @Override
        public String text(ConstraintTests t) {
            StringBuilder sb = new StringBuilder();
            sb.append("Constrained refits (ML; LR chi-square ").append(t.convention() == ChiSquareConvention.N
                    ? "2 (logLik_free - logLik_constrained)" : "(N - 1)/N times the likelihood ratio, as Amos")
                    .append("; Wald from the fit's coefficient covariance)\n");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("test", "df", "LR chisq", "p", "Wald chisq", "p", "k"));
            for (ConstraintTest c : t.tests()) {
                rows.add(List.of(c.label(), Integer.toString(c.df()), Formats.fixed(c.lrChiSquare(), 4),
                        Formats.pValue(c.lrP()), Formats.fixed(c.waldChiSquare(), 4), Formats.pValue(c.waldP()),
                        c.k().isPresent() ? Formats.fixed(c.k().getAsDouble(), 4) : ""));
            }
            sb.append(Formats.table(rows));
            sb.append("logLik (ML) of the free model: ").append(Formats.number(t.logLikFreeMl())).append('\n');
            for (ConstraintTest c : t.tests()) {
                sb.append(textOf(c));
            }
            return sb.toString();
        }

        @Override
        public TidyTable tables(ConstraintTests t) {
            TidyTable.Builder b = TidyTable.builder();
            rows(b, t);
            return b.build();
        }
    };

    /** The text block of one test: its constraints, the constrained fit's logLik, rho, SDs and coefficients. */
    public static String textOf(ConstraintTest c) {
        StringBuilder sb = new StringBuilder();
        sb.append("  ").append(c.label()).append(": ").append(String.join("; ", c.constraints())).append('\n');
        sb.append("    constrained ML fit: logLik ").append(Formats.number(c.logLikConstrained())).append(", rho ")
                .append(Formats.fixed(c.rho(), 7));
        c.residualSd().forEach((r, v) -> sb.append(", SD ").append(r).append(' ').append(Formats.fixed(v, 7)));
        sb.append('\n');
        List<List<String>> rows = new ArrayList<>();
        for (ConstrainedCoefficient k : c.coefficients()) {
            rows.add(List.of("    " + k.term(), Formats.fixed(k.estimate(), 7), "(" + Formats.fixed(k.se(), 7) + ")"));
        }
        sb.append(Formats.table(rows));
        return sb.toString();
    }

    /** The JSON of one test (also the {@code k_test} object of {@code --test-equal-k}). */
    public static ObjectNode testJson(ConstraintTest c) {
        ObjectNode o = Formats.object();
        o.put("test", c.label());
        o.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode cs = o.putArray("constraints");
        c.constraints().forEach(cs::add);
        o.put("df", c.df());
        Formats.put(o, "chi2", c.lrChiSquare());
        Formats.put(o, "p", c.lrP());
        Formats.put(o, "wald_chi2", c.waldChiSquare());
        Formats.put(o, "wald_p", c.waldP());
        Formats.put(o, "log_lik_free", c.logLikFree());
        Formats.put(o, "log_lik_constrained", c.logLikConstrained());
        Formats.put(o, "k", c.k().isPresent() ? c.k().getAsDouble() : null);
        Formats.put(o, "rho", c.rho());
        ArrayNode sd = o.putArray("residual_sd");
        for (Map.Entry<String, Double> e : c.residualSd().entrySet()) {
            Formats.put(sd.addObject().put("role", e.getKey()), "sd", e.getValue());
        }
        ArrayNode co = o.putArray("coefficients");
        for (ConstrainedCoefficient k : c.coefficients()) {
            ObjectNode r = co.addObject().put("term", k.term());
            if (k.role() == null) {
                r.putNull("role");
            } else {
                r.put("role", k.role());
            }
            Formats.put(r, "estimate", k.estimate());
            Formats.put(r, "se", k.se());
        }
        return o;
    }

    /** Tidy rows: {@code constraint_tests} (one per test) and {@code constrained_coefficients}. */
    public static void rows(TidyTable.Builder b, ConstraintTests t) {
        for (ConstraintTest c : t.tests()) {
            b.row(c.kind() == ConstraintKind.EQUAL_K ? "k_test" : "constraint_tests").put("test", c.label())
                    .put("constraints", String.join("; ", c.constraints())).put("df", (double) c.df())
                    .put("chi2", c.lrChiSquare()).put("p", c.lrP()).put("wald_chi2", c.waldChiSquare())
                    .put("wald_p", c.waldP()).put("log_lik_constrained", c.logLikConstrained())
                    .put("k", c.k().isPresent() ? c.k().getAsDouble() : null).put("rho", c.rho())
                    .put("log_lik_free", c.logLikFree()).put("convention", convention(t.convention()));
            c.residualSd().forEach((r, v) -> b.row("constrained_residual_sd").put("test", c.label()).put("role", r)
                    .put("sd", v));
            for (ConstrainedCoefficient k : c.coefficients()) {
                b.row("constrained_coefficients").put("test", c.label()).put("term", k.term())
                        .put("role", k.role()).put("estimate", k.estimate()).put("se", k.se());
            }
        }
    }

    // ---- SEM tests ----

    /** SEM tests: JSON {@code {"convention", "n_dyads", "complete": {chi2, df, p}, "y": .., "effect": .., "sample"}}. */
    public static final Renderer<SemDistinguishabilityResult> SEM = new Renderer<>() {
        @Override
        public ObjectNode json(SemDistinguishabilityResult r) {
            ObjectNode o = Formats.object();
            o.put("convention", convention(r.convention()));
            o.put("n_dyads", r.nDyads());
            for (SemTest t : r.tests()) {
                ObjectNode x = o.putObject(t.kind().name().toLowerCase(Locale.ROOT));
                Formats.put(x, "chi2", t.chiSquare());
                x.put("df", t.df());
                Formats.put(x, "p", t.p());
            }
            o.set("sample", SampleJson.json(r.sample()));
            return o;
        }

        @Override
        public String text(SemDistinguishabilityResult r) {
            StringBuilder sb = new StringBuilder();
            sb.append("SEM tests of distinguishability (Olsen and Kenny 2006), ").append(r.nDyads())
                    .append(" complete dyads, chi-square ").append(r.convention() == ChiSquareConvention.N
                            ? "N F (as lavaan)" : "(N - 1) F (as Amos; Kenny's published values)").append('\n');
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("test", "chisq", "df", "p"));
            for (SemTest t : r.tests()) {
                String name = switch (t.kind()) {
                    case COMPLETE -> "complete indistinguishability";
                    case Y -> "Y indistinguishability";
                    case EFFECT -> "effect indistinguishability";
                };
                rows.add(List.of(name, Formats.fixed(t.chiSquare(), 4), Integer.toString(t.df()),
                        Formats.pValue(t.p())));
            }
            sb.append(Formats.table(rows));
            sb.append(SampleJson.text(r.sample()));
            return sb.toString();
        }

        @Override
        public TidyTable tables(SemDistinguishabilityResult r) {
            TidyTable.Builder b = TidyTable.builder();
            rows(b, r);
            return b.build();
        }
    };

    /** Tidy rows of the SEM tests ({@code sem_tests}). */
    public static void rows(TidyTable.Builder b, SemDistinguishabilityResult r) {
        for (SemTest t : r.tests()) {
            b.row("sem_tests").put("test", t.kind().name().toLowerCase(Locale.ROOT)).put("chi2", t.chiSquare())
                    .put("df", (double) t.df()).put("p", t.p()).put("convention", convention(r.convention()))
                    .put("n_dyads", (double) r.nDyads());
        }
    }

    // ---- simple slopes ----

    /** Simple slopes: JSON {@code simple_slopes}, {@code johnson_neyman} and {@code interaction_plot} arrays. */
    public static void json(ObjectNode into, SimpleSlopesResult r) {
        ArrayNode s = into.putArray("simple_slopes");
        for (SimpleSlope x : r.slopes()) {
            ObjectNode o = s.addObject().put("focal", x.focal()).put("moderator", x.moderator());
            Formats.put(o, "at", x.at());
            o.put("at_label", x.atLabel()).put("role", x.role());
            Formats.put(o, "estimate", x.estimate());
            Formats.put(o, "se", x.se());
            Formats.put(o, "df", x.df());
            Formats.put(o, "t", x.t());
            Formats.put(o, "p", x.p());
            Formats.put(o, "ci_lower", x.ciLower());
            Formats.put(o, "ci_upper", x.ciUpper());
        }
        ArrayNode j = into.putArray("johnson_neyman");
        for (JohnsonNeyman x : r.regions()) {
            ObjectNode o = j.addObject().put("focal", x.focal()).put("moderator", x.moderator()).put("role", x.role());
            Formats.put(o, "level", x.level());
            Formats.put(o, "lower", x.lower().isPresent() ? x.lower().getAsDouble() : null);
            Formats.put(o, "upper", x.upper().isPresent() ? x.upper().getAsDouble() : null);
            o.put("significant", x.region().name().toLowerCase(Locale.ROOT));
            Formats.put(o, "observed_min", x.observedMin());
            Formats.put(o, "observed_max", x.observedMax());
        }
        ArrayNode p = into.putArray("interaction_plot");
        for (PlotPoint x : r.plot()) {
            ObjectNode o = p.addObject().put("focal", x.focal()).put("moderator", x.moderator()).put("role", x.role());
            Formats.put(o, "at", x.at());
            Formats.put(o, "focal_value", x.focalValue());
            Formats.put(o, "predicted", x.predicted());
        }
    }

    /** The text block of the simple slopes and regions. */
    public static String text(SimpleSlopesResult r) {
        StringBuilder sb = new StringBuilder("Simple slopes (other moderators of the focal term at 0)\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("focal", "moderator", "at", "", "role", "estimate", "SE", "df", "t", "p", "CI"));
        for (SimpleSlope x : r.slopes()) {
            rows.add(List.of(x.focal(), x.moderator(), Formats.fixed(x.at(), 4), x.atLabel(), x.role(),
                    Formats.fixed(x.estimate(), 6), Formats.fixed(x.se(), 6), Formats.number(x.df()),
                    Formats.fixed(x.t(), 3), Formats.pValue(x.p()),
                    "[" + Formats.fixed(x.ciLower(), 4) + ", " + Formats.fixed(x.ciUpper(), 4) + "]"));
        }
        sb.append(Formats.table(rows));
        sb.append("Johnson-Neyman regions of significance\n");
        for (JohnsonNeyman x : r.regions()) {
            sb.append("  ").append(x.focal()).append(" by ").append(x.moderator()).append(" (").append(x.role())
                    .append("): ");
            switch (x.region()) {
                case EVERYWHERE -> sb.append("significant at every value");
                case NOWHERE -> sb.append("significant at no value");
                case OUTSIDE -> sb.append("significant below ")
                        .append(x.lower().isPresent() ? Formats.fixed(x.lower().getAsDouble(), 4) : "-Inf")
                        .append(" and above ")
                        .append(x.upper().isPresent() ? Formats.fixed(x.upper().getAsDouble(), 4) : "Inf");
                case INSIDE -> sb.append("significant between ").append(Formats.fixed(x.lower().getAsDouble(), 4))
                        .append(" and ").append(Formats.fixed(x.upper().getAsDouble(), 4));
                default -> throw new IllegalStateException();
            }
            sb.append(" (observed ").append(Formats.fixed(x.observedMin(), 4)).append(" to ")
                    .append(Formats.fixed(x.observedMax(), 4)).append(", alpha ")
                    .append(Formats.number(Math.round((1 - x.level()) * 1e6) / 1e6)).append(")\n");
        }
        sb.append("Interaction plot data (predicted outcome; other factors at their means)\n");
        List<List<String>> pr = new ArrayList<>();
        pr.add(List.of("focal", "moderator", "role", "at", "focal value", "predicted"));
        for (PlotPoint x : r.plot()) {
            pr.add(List.of(x.focal(), x.moderator(), x.role(), Formats.fixed(x.at(), 4), Formats.fixed(x.focalValue(), 4),
                    Formats.fixed(x.predicted(), 6)));
        }
        sb.append(Formats.table(pr));
        return sb.toString();
    }

    /** Tidy rows {@code simple_slopes}, {@code johnson_neyman}, {@code interaction_plot}. */
    public static void rows(TidyTable.Builder b, SimpleSlopesResult r) {
        for (SimpleSlope x : r.slopes()) {
            b.row("simple_slopes").put("focal", x.focal()).put("moderator", x.moderator()).put("at", x.at())
                    .put("at_label", x.atLabel()).put("role", x.role()).put("estimate", x.estimate()).put("se", x.se())
                    .put("df", x.df()).put("t", x.t()).put("p", x.p()).put("ci_lower", x.ciLower())
                    .put("ci_upper", x.ciUpper());
        }
        for (JohnsonNeyman x : r.regions()) {
            b.row("johnson_neyman").put("focal", x.focal()).put("moderator", x.moderator()).put("role", x.role())
                    .put("lower", x.lower().isPresent() ? x.lower().getAsDouble() : null)
                    .put("upper", x.upper().isPresent() ? x.upper().getAsDouble() : null)
                    .put("significant", x.region().name().toLowerCase(Locale.ROOT)).put("level", x.level())
                    .put("observed_min", x.observedMin()).put("observed_max", x.observedMax());
        }
        for (PlotPoint x : r.plot()) {
            b.row("interaction_plot").put("focal", x.focal()).put("moderator", x.moderator()).put("role", x.role())
                    .put("at", x.at()).put("focal_value", x.focalValue()).put("predicted", x.predicted());
        }
    }

    // ---- explained nonindependence ----

    /** {@code {"raw_r", "explained", "residual_r", "share", "predictor_r"}}. */
    public static ObjectNode json(ExplainedNonindependence e) {
        ObjectNode o = Formats.object();
        Formats.put(o, "raw_r", e.rawR());
        Formats.put(o, "explained", e.explained());
        Formats.put(o, "residual_r", e.residualR());
        Formats.put(o, "share", e.share());
        Formats.put(o, "predictor_r", e.predictorR());
        return o;
    }

    /** The text line of explained nonindependence. */
    public static String text(ExplainedNonindependence e) {
        return "Explained nonindependence (Kenny): " + Formats.fixed(e.explained(), 4) + " of the partners' outcome r "
                + Formats.fixed(e.rawR(), 4) + " (share " + Formats.fixed(e.share(), 4) + "); residual r "
                + Formats.fixed(e.residualR(), 4) + "; partners' predictor r " + Formats.fixed(e.predictorR(), 4) + "\n";
    }

    /** Tidy rows {@code explained_nonindependence} ({@code quantity}, {@code value}). */
    public static void rows(TidyTable.Builder b, ExplainedNonindependence e) {
        b.row("explained_nonindependence").put("quantity", "raw_r").put("value", e.rawR());
        b.row("explained_nonindependence").put("quantity", "explained").put("value", e.explained());
        b.row("explained_nonindependence").put("quantity", "residual_r").put("value", e.residualR());
        b.row("explained_nonindependence").put("quantity", "share").put("value", e.share());
        b.row("explained_nonindependence").put("quantity", "predictor_r").put("value", e.predictorR());
    }

    // ---- centring ----

    /** {@code [{"variable", "mode", "centres": [{"role", "mean"}]}]}. */
    public static ArrayNode json(List<Centring.Centred> centred) {
        ArrayNode a = Formats.array();
        for (Centring.Centred c : centred) {
            ObjectNode o = a.addObject().put("variable", c.variable()).put("mode", c.mode().name().toLowerCase(Locale.ROOT));
            ArrayNode m = o.putArray("centres");
            c.centres().forEach((k, v) -> Formats.put(m.addObject().put("role", k), "mean", v));
        }
        return a;
    }

    /** The text line(s) of the centring. */
    public static String text(List<Centring.Centred> centred) {
        StringBuilder sb = new StringBuilder();
        for (Centring.Centred c : centred) {
            sb.append("Centred: ").append(c.variable()).append(" (").append(c.mode().name().toLowerCase(Locale.ROOT));
            c.centres().forEach((k, v) -> sb.append(", ").append(k).append(" mean ").append(Formats.number(v)));
            if (c.mode() == org.dyadkit.apim.CentreMode.DYAD) {
                sb.append("; dyad mean as ").append(c.variable()).append("_dyad_mean");
            }
            sb.append(")\n");
        }
        return sb.toString();
    }

    /** Tidy rows {@code centring}. */
    public static void rows(TidyTable.Builder b, List<Centring.Centred> centred) {
        for (Centring.Centred c : centred) {
            if (c.centres().isEmpty()) {
                b.row("centring").put("variable", c.variable()).put("mode", c.mode().name().toLowerCase(Locale.ROOT));
            }
            c.centres().forEach((k, v) -> b.row("centring").put("variable", c.variable())
                    .put("mode", c.mode().name().toLowerCase(Locale.ROOT)).put("role", k).put("mean", v));
        }
    }
}
