package org.dyadkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimConstraints;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.CentreMode;
import org.dyadkit.apim.Centring;
import org.dyadkit.apim.ChiSquareConvention;
import org.dyadkit.apim.ConstraintKind;
import org.dyadkit.apim.ConstraintTest;
import org.dyadkit.apim.ConstraintTests;
import org.dyadkit.apim.ExplainedNonindependence;
import org.dyadkit.apim.SimpleSlopes;
import org.dyadkit.apim.SimpleSlopesResult;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.report.TidyTable;
import org.dyadkit.report.apim.ApimTestsRenderers;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code apim} options for the tests and probes after the fit: constrained refits ({@code --constrain},
 * {@code --pattern}), the equal-k test, centring, simple slopes, and the chi-square convention.
 */
final class ApimTestsOptions {
    @Option(names = "--constrain", paramLabel = "EXPR",
            description = "Refit under a linear constraint on the coefficients, terms named as in the output, e.g. "
                    + "'actor:1 = actor:-1' or 'partner = 0.5 * actor' (repeatable; all --constrain are tested "
                    + "jointly by ML likelihood ratio and Wald).")
    List<String> constrain = new ArrayList<>();

    @Option(names = "--pattern", paramLabel = "NAME",
            description = "Test a named restriction of the (first) --x effects, each separately: equal-actors, "
                    + "equal-partners (across roles), couple (partner = actor), actor-only (partner = 0), "
                    + "contrast (partner = -actor), k=VALUE (partner = VALUE * actor) (repeatable).")
    List<String> patterns = new ArrayList<>();

    @Option(names = "--test-equal-k", description = "The equal-k test across roles (chi-square(1), profile ML refit "
            + "with a common k) beside the k output (distinguishable dyads).")
    boolean testEqualK;

    @Option(names = "--convention", paramLabel = "n|n-1", defaultValue = "n",
            description = "LR chi-square convention: n = the ML likelihood ratio (nlme, lavaan; default); n-1 = "
                    + "(N - 1)/N times it, as Amos (Kenny's published SEM values).")
    String convention;

    @Option(names = "--centre", paramLabel = "grand|VAR=MODE",
            description = "Centre before fitting: 'grand' (every predictor, covariate and interaction variable at "
                    + "its grand mean) or VAR=grand|role|dyad (repeatable; dyad adds VAR_dyad_mean).")
    List<String> centre = new ArrayList<>();

    @Option(names = "--simple-slopes", description = "Probe each two-factor interaction: simple slopes of the first "
            + "factor at the moderator's mean - 1 SD, mean, + 1 SD (per role), Johnson-Neyman bounds, plot data.")
    boolean simpleSlopes;

    @Option(names = "--focal", paramLabel = "TERM", description = "The focal term of --simple-slopes (e.g. actor).")
    String focal;

    @Option(names = "--at", paramLabel = "VAR=v1,v2,..",
            description = "Moderator values of --simple-slopes (VAR is the moderator as named in the interaction "
                    + "term, e.g. tension or partner.tension).")
    String at;

    ChiSquareConvention convention(CommandLine cl) {
        return switch (convention.toLowerCase(Locale.ROOT)) {
            case "n" -> ChiSquareConvention.N;
            case "n-1" -> ChiSquareConvention.N_MINUS_1;
            default -> throw new CommandLine.ParameterException(cl, "--convention must be n or n-1, not \""
                    + convention + "\"");
        };
    }

    /** The tests and probes computed after the fit (null members when not asked for). */
    record Extras(Centring.Result centring, ConstraintTests constraints, ConstraintTest equalK, SimpleSlopesResult slopes,
            ExplainedNonindependence explained, String explainedNote) {
    }

    /** The persons for the model: centred as asked, or null when nothing is centred. */
    Centring.Result centre(CommandLine cl, DyadicData data, ApimOptions model) {
        if (centre.isEmpty()) {
            return null;
        }
        Centring c = Centring.of(DyadArrays.of(data));
        for (String spec : centre) {
            String s = spec.trim();
            if (s.equalsIgnoreCase("grand")) {
                Set<String> vars = new LinkedHashSet<>(model.x);
                for (String cv : model.covariates) {
                    vars.add(cv.startsWith("partner.") ? cv.substring("partner.".length()) : cv);
                }
                for (String i : model.interactions) {
                    for (String part : i.split(":")) {
                        String v = part.trim();
                        v = v.startsWith("partner.") ? v.substring("partner.".length())
                                : v.startsWith("actor.") ? v.substring("actor.".length()) : v;
                        vars.add(v);
                    }
                }
                for (String v : vars) {
                    c = c.withCentre(v, CentreMode.GRAND);
                }
                continue;
            }
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cl, "--centre needs 'grand' or VAR=grand|role|dyad, not \""
                        + spec + "\"");
            }
            String v = s.substring(0, eq).trim();
            String mode = s.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            CentreMode m = switch (mode) {
                case "grand" -> CentreMode.GRAND;
                case "role" -> CentreMode.ROLE;
                case "dyad" -> CentreMode.DYAD;
                default -> throw new CommandLine.ParameterException(cl, "--centre " + v + "=" + mode
                        + ": the mode must be grand, role or dyad");
            };
            if (m == CentreMode.ROLE && !data.distinguishable()) {
                throw new CommandLine.ParameterException(cl, "--centre " + v + "=role needs the roles (--role)");
            }
            c = c.withCentre(v, m);
        }
        return c.apply();
    }

    /** Runs the requested tests and probes on the model and its fit. */
    Extras compute(CommandLine cl, Apim b, ApimFit fit, ApimOptions model, Centring.Result centring) {
        ChiSquareConvention conv = convention(cl);
        ConstraintTests ct = null;
        ConstraintTest ek = null;
        if (!constrain.isEmpty() || !patterns.isEmpty() || testEqualK) {
            ApimConstraints c = ApimConstraints.of(b, fit).withConvention(conv);
            List<String> terms = fit.coefficients().stream().map(org.dyadkit.apim.Coefficient::term).toList();
            for (String e : constrain) {
                try {
                    ApimConstraints.check(e, terms);
                } catch (org.dyadkit.InputException ex) {
                    throw new CommandLine.ParameterException(cl, "--constrain: " + ex.getMessage());
                }
                c = c.withConstraint(e);
            }
            for (String p : patterns) {
                String s = p.trim().toLowerCase(Locale.ROOT);
                if (s.startsWith("k=")) {
                    double k;
                    try {
                        k = Double.parseDouble(s.substring(2));
                    } catch (NumberFormatException e) {
                        throw new CommandLine.ParameterException(cl, "--pattern " + p + ": k must be a number");
                    }
                    c = c.withFixedK(k);
                    continue;
                }
                ConstraintKind kind = switch (s) {
                    case "equal-actors" -> ConstraintKind.EQUAL_ACTORS;
                    case "equal-partners" -> ConstraintKind.EQUAL_PARTNERS;
                    case "couple" -> ConstraintKind.COUPLE;
                    case "actor-only" -> ConstraintKind.ACTOR_ONLY;
                    case "contrast" -> ConstraintKind.CONTRAST;
                    default -> throw new CommandLine.ParameterException(cl, "--pattern must be equal-actors, "
                            + "equal-partners, couple, actor-only, contrast or k=VALUE, not \"" + p + "\"");
                };
                if (!fit.distinguishable() && (kind == ConstraintKind.EQUAL_ACTORS
                        || kind == ConstraintKind.EQUAL_PARTNERS)) {
                    throw new CommandLine.ParameterException(cl, "--pattern " + s + " compares the roles; it needs "
                            + "--role");
                }
                c = c.withPattern(kind);
            }
            if (testEqualK) {
                if (!fit.distinguishable()) {
                    throw new CommandLine.ParameterException(cl, "--test-equal-k compares k across roles; it needs "
                            + "--role");
                }
                c = c.withEqualK();
            }
            ConstraintTests all = c.fit();
            List<ConstraintTest> rest = new ArrayList<>();
            for (ConstraintTest t : all.tests()) {
                if (t.kind() == ConstraintKind.EQUAL_K) {
                    ek = t;
                } else {
                    rest.add(t);
                }
            }
            ct = new ConstraintTests(all.free(), all.logLikFreeMl(), all.convention(), rest);
        }
        SimpleSlopesResult ss = null;
        if (simpleSlopes || focal != null || at != null) {
            SimpleSlopes s = SimpleSlopes.of(b, fit);
            if (focal != null) {
                s = s.withFocal(focal);
            }
            if (at != null) {
                int eq = at.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.ParameterException(cl, "--at needs VAR=v1,v2,.., not \"" + at + "\"");
                }
                s = s.withModerator(at.substring(0, eq).trim());
                String[] parts = at.substring(eq + 1).split(",");
                double[] v = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        v[i] = Double.parseDouble(parts[i].trim());
                    } catch (NumberFormatException e) {
                        throw new CommandLine.ParameterException(cl, "--at: \"" + parts[i].trim() + "\" is not a number");
                    }
                }
                s = s.withAt(v);
            }
            ss = s.fit();
        }
        ExplainedNonindependence en = null;
        String note = null;
        if (model.x.size() == 1 && model.covariates.isEmpty() && model.interactions.isEmpty()) {
            try {
                en = ExplainedNonindependence.of(b, fit);
            } catch (org.dyadkit.AnalysisException e) {
                note = e.getMessage(); // the fit stands; only this summary is not available
            }
        }
        return new Extras(centring, ct, ek, ss, en, note);
    }

    /** Adds the extras' keys to the APIM JSON object. */
    static void json(Map<String, Object> m, Extras e) {
        if (e.centring() != null) {
            m.put("centring", ApimTestsRenderers.json(e.centring().centred()));
        }
        if (e.equalK() != null) {
            m.put("k_test", ApimTestsRenderers.testJson(e.equalK()));
        }
        if (e.constraints() != null && !e.constraints().tests().isEmpty()) {
            m.put("constraint_tests", ApimTestsRenderers.CONSTRAINTS.json(e.constraints()));
        }
        if (e.slopes() != null) {
            com.fasterxml.jackson.databind.node.ObjectNode o = org.dyadkit.report.Formats.object();
            ApimTestsRenderers.json(o, e.slopes());
            o.fields().forEachRemaining(en -> m.put(en.getKey(), en.getValue()));
        }
        m.put("explained_nonindependence", e.explained() == null ? null : ApimTestsRenderers.json(e.explained()));
        if (e.explainedNote() != null) {
            m.put("explained_nonindependence_note", e.explainedNote());
        }
    }

    /** The extras' text blocks. */
    static String text(Extras e) {
        StringBuilder sb = new StringBuilder();
        if (e.centring() != null) {
            sb.append(ApimTestsRenderers.text(e.centring().centred()));
        }
        if (e.explained() != null) {
            sb.append(ApimTestsRenderers.text(e.explained()));
        } else if (e.explainedNote() != null) {
            sb.append("Explained nonindependence not available: ").append(e.explainedNote()).append('\n');
        }
        if (e.equalK() != null) {
            ConstraintTest k = e.equalK();
            sb.append(String.format(Locale.ROOT, "Equal-k test (%s): chisq(1) = %s, p = %s; common k = %s; Wald "
                    + "chisq(1) = %s, p = %s%n", e.constraints().convention() == ChiSquareConvention.N ? "ML LR"
                    : "(N - 1)/N LR, as Amos", org.dyadkit.report.Formats.fixed(k.lrChiSquare(), 4),
                    org.dyadkit.report.Formats.pValue(k.lrP()), org.dyadkit.report.Formats.fixed(k.k().getAsDouble(), 4),
                    org.dyadkit.report.Formats.fixed(k.waldChiSquare(), 4),
                    org.dyadkit.report.Formats.pValue(k.waldP())));
            sb.append(ApimTestsRenderers.textOf(k));
        }
        if (e.constraints() != null && !e.constraints().tests().isEmpty()) {
            sb.append(ApimTestsRenderers.CONSTRAINTS.text(e.constraints()));
        }
        if (e.slopes() != null) {
            sb.append(ApimTestsRenderers.text(e.slopes()));
        }
        return sb.toString();
    }

    /** The extras' tidy rows. */
    static void rows(TidyTable.Builder b, Extras e) {
        if (e.centring() != null) {
            ApimTestsRenderers.rows(b, e.centring().centred());
        }
        if (e.explained() != null) {
            ApimTestsRenderers.rows(b, e.explained());
        }
        if (e.equalK() != null) {
            ApimTestsRenderers.rows(b, new ConstraintTests(e.constraints().free(), e.constraints().logLikFreeMl(),
                    e.constraints().convention(), List.of(e.equalK())));
        }
        if (e.constraints() != null) {
            ApimTestsRenderers.rows(b, e.constraints());
        }
        if (e.slopes() != null) {
            ApimTestsRenderers.rows(b, e.slopes());
        }
    }

    /** Whether any extra beyond explained nonindependence was asked for (the CSV then is a tidy table). */
    boolean any() {
        return !constrain.isEmpty() || !patterns.isEmpty() || testEqualK || !centre.isEmpty() || simpleSlopes
                || focal != null || at != null;
    }

    static Map<String, Object> none() {
        return new LinkedHashMap<>();
    }
}
