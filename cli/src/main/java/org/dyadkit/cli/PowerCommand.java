package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dyadkit.apim.KPattern;
import org.dyadkit.power.ApimPower;
import org.dyadkit.power.EffectSize;
import org.dyadkit.power.PowerResult;
import org.dyadkit.power.PowerSimulation;
import org.dyadkit.report.Formats;
import org.dyadkit.report.power.PowerRenderer;
import org.dyadkit.input.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dyadkit power}: power and sample size for dyadic designs, analytic ({@code power apim}, APIMPowerR's
 * model) and by simulation with the analysis engine ({@code power simulate}). A thin shell over
 * {@link ApimPower} and {@link PowerSimulation}; rendering by {@link PowerRenderer}.
 */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Power and sample size for dyadic designs: analytic for the APIM (apim) and by simulation for the "
                + "APIM, the moderated APIM and the APIMeM (simulate).",
        subcommands = {PowerCommand.Analytic.class, PowerCommand.Simulate.class},
        footer = {"", "Exit status: 0 done; 2 bad usage (impossible effects, too few dyads); 4 analysis not possible."})
public final class PowerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The design options shared by both subcommands. */
    static final class Design {
        @Option(names = "--dyads", defaultValue = "100", paramLabel = "N|A:B:STEP",
                description = "Complete dyads, or a range A:B:STEP for a power curve. Default: ${DEFAULT-VALUE}.")
        String dyads;

        @Option(names = "--actor", paramLabel = "V|ROLE=V", description = "Actor effect, both roles (or ROLE=V; "
                + "repeatable). Default: 0.25.")
        List<String> actor = new ArrayList<>();

        @Option(names = "--partner", paramLabel = "V|ROLE=V", description = "Partner effect on both roles' outcomes (or "
                + "ROLE=V; repeatable). Default: 0.15.")
        List<String> partner = new ArrayList<>();

        @Option(names = "--effect-size", defaultValue = "beta", paramLabel = "beta|r|d",
                description = "Measure of --actor and --partner: beta, r (partial r) or d (Cohen's d for a dichotomous X). "
                        + "Default: ${DEFAULT-VALUE}.")
        String effectSize;

        @Option(names = "--proportion", paramLabel = "P|ROLE=P", description = "For d: proportion in category 1 of X "
                + "(or ROLE=P). Default: 0.5.")
        List<String> proportion = new ArrayList<>();

        @Option(names = "--r-x", defaultValue = "0.3", paramLabel = "R",
                description = "Correlation of the partners' predictors. Default: ${DEFAULT-VALUE}.")
        double rX;

        @Option(names = "--r-errors", defaultValue = "0.3", paramLabel = "R",
                description = "Correlation of the partners' errors. Default: ${DEFAULT-VALUE}.")
        double rErrors;

        @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A",
                description = "Two-sided significance level. Default: ${DEFAULT-VALUE}.")
        double alpha;

        @Option(names = "--distinguishable", description = "Distinguishable dyads (roles person1, person2 unless --roles).")
        boolean distinguishable;

        @Option(names = "--roles", paramLabel = "A,B", description = "Role names of distinguishable dyads (implies "
                + "--distinguishable).")
        String roles;

        @Option(names = "--variance-ratio-x", defaultValue = "1", paramLabel = "V",
                description = "Second role's predictor variance over the first's. Default: ${DEFAULT-VALUE}.")
        double varianceRatioX;

        @Option(names = "--variance-ratio-errors", defaultValue = "1", paramLabel = "V",
                description = "Second role's error variance over the first's. Default: ${DEFAULT-VALUE}.")
        double varianceRatioErrors;

        @Option(names = "--singles", paramLabel = "N|ROLE=N", description = "Persons whose partner's outcome is missing "
                + "(ROLE=N per role for distinguishable dyads; repeatable).")
        List<String> singles = new ArrayList<>();

        @Option(names = "--power", paramLabel = "P", description = "Solve for the smallest N with this power.")
        Double power;

        /** The design, or a usage error (exit 2) naming the option. */
        ApimPower build(CommandLine cl) {
            try {
                boolean dist = distinguishable || roles != null;
                ApimPower d;
                if (dist) {
                    String[] rs = roles == null ? new String[] {"person1", "person2"} : roles.split(",", -1);
                    if (rs.length != 2) {
                        throw new IllegalArgumentException("--roles takes two names, A,B; got \"" + roles + "\"");
                    }
                    d = ApimPower.distinguishable(rs[0].strip(), rs[1].strip());
                } else {
                    d = ApimPower.indistinguishable();
                }
                d = d.withEffectSize(switch (effectSize.toLowerCase(Locale.ROOT)) {
                    case "beta" -> EffectSize.BETA;
                    case "r", "partial-r", "partial_r" -> EffectSize.PARTIAL_R;
                    case "d" -> EffectSize.D;
                    default -> throw new IllegalArgumentException("--effect-size is beta, r or d; got \"" + effectSize + "\"");
                });
                for (String v : actor) {
                    d = perRole(v, "--actor", d::withActor, d::withActor);
                }
                for (String v : partner) {
                    d = perRole(v, "--partner", d::withPartner, d::withPartner);
                }
                for (String v : proportion) {
                    d = perRole(v, "--proportion", d::withProportion, d::withProportion);
                }
                if (alpha > 0 && alpha < MIN_ALPHA) {
                    // 1 - alpha rounds to 1 and the simulation's interval level became 1 (issue 18 fuzzing)
                    throw new IllegalArgumentException("--alpha " + alpha + ": give a significance level from "
                            + MIN_ALPHA + " to below 1, for example --alpha 0.05");
                }
                d = d.withPredictorCorrelation(rX).withErrorCorrelation(rErrors).withAlpha(alpha);
                if (dist) {
                    d = d.withVarianceRatioX(varianceRatioX).withVarianceRatioErrors(varianceRatioErrors);
                } else if (varianceRatioX != 1 || varianceRatioErrors != 1) {
                    throw new IllegalArgumentException("variance ratios need distinguishable dyads (--distinguishable)");
                }
                for (String s : singles) {
                    int eq = s.indexOf('=');
                    if (eq < 0) {
                        if (dist) {
                            throw new IllegalArgumentException("--singles: give ROLE=N for distinguishable dyads; got \""
                                    + s + "\"");
                        }
                        d = d.withSingles(integer(s, "--singles"));
                    } else {
                        d = d.withSingles(s.substring(0, eq).strip(), integer(s.substring(eq + 1), "--singles"));
                    }
                }
                d = dyads(d);
                if (power != null) {
                    d = d.withTargetPower(power);
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, OptionChecks.message(e));
            }
        }

        /** The smallest {@code --alpha}: below it {@code 1 - alpha} is no longer told apart from 1 in the intervals. */
        static final double MIN_ALPHA = 1e-12;

        /** The largest number of dyads {@code --dyads} names (after {@link #build} has checked it). */
        int largestDyads() {
            String[] parts = dyads.strip().split(":", -1);
            return Integer.parseInt(parts[parts.length == 3 ? 1 : 0].strip());
        }

        /** The most sample sizes a {@code --dyads A:B:STEP} grid may hold. */
        static final int MAX_GRID = 1000;

        private ApimPower dyads(ApimPower d) {
            String s = dyads.strip();
            String[] parts = s.split(":", -1);
            if (parts.length == 1) {
                return d.withDyads(integer(s, "--dyads"));
            }
            if (parts.length != 3) {
                throw new IllegalArgumentException("--dyads is N or A:B:STEP, for example 50:400:25; got \"" + dyads + "\"");
            }
            int from = integer(parts[0], "--dyads");
            int to = integer(parts[1], "--dyads");
            int step = integer(parts[2], "--dyads");
            // a grid of 2^31 sizes filled the heap (issue 18 fuzzing); a power curve needs far fewer points
            if (step > 0 && to >= from && ((long) to - from) / step + 1 > MAX_GRID) {
                throw new IllegalArgumentException("--dyads " + Messages.cut(dyads) + " gives "
                        + (((long) to - from) / step + 1) + " sample sizes; give at most " + MAX_GRID
                        + " (a larger STEP), for example --dyads 50:400:25");
            }
            return d.withDyads(from, to, step);
        }

        interface Both {
            ApimPower apply(double v);
        }

        interface One {
            ApimPower apply(String role, double v);
        }

        private static ApimPower perRole(String text, String option, Both both, One one) {
            int eq = text.indexOf('=');
            if (eq < 0) {
                return both.apply(number(text, option));
            }
            return one.apply(text.substring(0, eq).strip(), number(text.substring(eq + 1), option));
        }
    }

    static double number(String s, String option) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": \"" + s + "\" is not a number");
        }
    }

    static int integer(String s, String option) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": \"" + s + "\" is not a whole number");
        }
    }

    static void write(CommandLine cl, Output.Format format, PowerResult r) {
        PrintWriter out = cl.getOut();
        switch (format) {
            case JSON -> out.print(Formats.json(PowerRenderer.INSTANCE.json(r)));
            case CSV -> out.print(PowerRenderer.INSTANCE.tables(r).csv());
            default -> out.print(PowerRenderer.INSTANCE.text(r));
        }
        out.flush();
    }

    /** {@code dyadkit power apim}: analytic power in APIMPowerR's model. */
    @Command(name = "apim", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Analytic power (or N for a target power) of the actor and partner effects, their role "
                    + "differences and averages, from the noncentral t distribution (APIMPowerR's model, Ackerman 2016).",
            footer = {"", "Examples:",
                "  dyadkit power apim --dyads 150 --actor 0.25 --partner 0.15",
                "  dyadkit power apim --roles husband,wife --actor husband=0.3 --actor wife=0.2 --partner 0.1 --power 0.8",
                "  dyadkit power apim --dyads 50:400:25 --partner 0.15 --format csv",
                "", "Exit status: 0 done; 2 bad usage (impossible effects, too few dyads)."})
    static final class Analytic implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Design design;

        @Mixin
        Output.Option format;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            ApimPower d = design.build(cl);
            PowerResult r;
            try {
                r = d.fit();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, OptionChecks.message(e));
            }
            write(cl, format.format(), r);
            return 0;
        }
    }

    /** {@code dyadkit power simulate}: power by simulation, every replicate fitted by the analysis engine. */
    @Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Power by simulation: data sets drawn from a population APIM (with --covariate and "
                    + "--interaction: the moderated APIM) or APIMeM (--model apimem), each fitted like the apim and "
                    + "apimem commands; power with its Monte Carlo SE, mean estimate, bias, interval coverage and "
                    + "failed fits, per effect and N. Seeded; the same result on any number of threads.",
            footer = {"", "Examples:",
                "  dyadkit power simulate --dyads 150 --actor 0.25 --partner 0.15 --replicates 1000 --seed 1",
                "  dyadkit power simulate --roles husband,wife --dyads 50:400:50 --covariate z=0.2 \\",
                "      --interaction x:z=0.1 --replicates 1000 --seed 7",
                "  dyadkit power simulate --k-pattern couple --actor 0.3 --dyads 100:300:50 --replicates 1000 --seed 5",
                "  dyadkit power simulate --model apimem --distinguishable --a-actor 0.3 --b-actor 0.3 \\",
                "      --actor 0.1 --partner 0.05 --dyads 200 --replicates 500 --seed 3",
                "  dyadkit power simulate --model longitudinal-apim --roles man,woman --dyads 100 --occasions 14 \\",
                "      --actor-within 0.2 --partner-within 0.1 --missing 0.1 --replicates 1000 --seed 1",
                "", "Exit status: 0 done; 2 bad usage; 4 no replicate could be fitted."})
    static final class Simulate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Design design;

        @Option(names = "--model", defaultValue = "apim", paramLabel = "apim|apimem|longitudinal-apim",
                description = "Population model. Default: ${DEFAULT-VALUE}.")
        String model;

        @Mixin
        LongitudinalPowerOptions longitudinal;

        /** The most dyads a simulated data set may have: each replicate is generated and fitted whole. */
        static final int MAX_SIMULATED_DYADS = 100_000;

        @Option(names = "--replicates", defaultValue = "1000", paramLabel = "R",
                description = "Simulated data sets per N. Default: ${DEFAULT-VALUE}.")
        int replicates;

        @Option(names = "--seed", defaultValue = "12345", paramLabel = "S", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
        Integer threads;

        @Option(names = "--method", defaultValue = "reml", paramLabel = "reml|ml",
                description = "Fit of each replicate. Default: ${DEFAULT-VALUE}.")
        String method;

        @Option(names = "--df", defaultValue = "residual", paramLabel = "CONVENTION",
                description = "df of the t tests: residual, between-within or satterthwaite. Default: ${DEFAULT-VALUE}.")
        String df;

        @Option(names = "--missing", defaultValue = "0", paramLabel = "RATE",
                description = "Share of outcomes (and mediators) deleted at random. Default: ${DEFAULT-VALUE}.")
        double missing;

        @Option(names = "--covariate", paramLabel = "NAME=V", description = "APIM: a standard-normal person covariate "
                + "(or partner.NAME) with this raw effect (repeatable).")
        List<String> covariates = new ArrayList<>();

        @Option(names = "--interaction", paramLabel = "A:B=V", description = "APIM: an interaction of x, partner.x or "
                + "covariates with this raw effect (repeatable), e.g. x:partner.x=0.1 or x:z=0.15.")
        List<String> interactions = new ArrayList<>();

        @Option(names = "--a-actor", paramLabel = "V|ROLE=V", description = "APIMeM: actor effect X -> M. Default: 0.3.")
        List<String> aActor = new ArrayList<>();

        @Option(names = "--a-partner", paramLabel = "V|ROLE=V", description = "APIMeM: partner effect X -> M. Default: 0.1.")
        List<String> aPartner = new ArrayList<>();

        @Option(names = "--b-actor", paramLabel = "V|ROLE=V", description = "APIMeM: actor effect M -> Y. Default: 0.3.")
        List<String> bActor = new ArrayList<>();

        @Option(names = "--b-partner", paramLabel = "V|ROLE=V", description = "APIMeM: partner effect M -> Y. Default: 0.1.")
        List<String> bPartner = new ArrayList<>();

        @Option(names = "--mc", defaultValue = "1000", paramLabel = "N",
                description = "APIMeM: Monte Carlo draws per replicate for the indirect-effect intervals. "
                        + "Default: ${DEFAULT-VALUE}.")
        int mc;

        @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "N",
                description = "APIMeM: bias-corrected dyad-bootstrap intervals from N resamples per replicate instead "
                        + "of Monte Carlo (slow). With --k-pattern: bootstrap intervals of k (as apim --k --bootstrap) "
                        + "instead of the delta method.")
        int bootstrap;

        @Option(names = "--k-pattern", paramLabel = "couple|actor-only|partner-only|contrast",
                description = "APIM: the population is a dyadic pattern (Kenny and Ledermann 2010): partner = k x actor "
                        + "(k = 1, 0, -1; give --actor) or, partner-only, no actor effect (give --partner); adds the "
                        + "power of the k interval to exclude 0, its coverage, and the share of replicates whose "
                        + "pattern call (as apim --k) is the population's.")
        String kPattern;

        @Mixin
        Output.Option format;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            if (model.strip().equalsIgnoreCase("longitudinal-apim")) {
                if (kPattern != null) {
                    throw new CommandLine.ParameterException(cl, "--k-pattern needs --model apim; the longitudinal "
                            + "APIM's power is simulated per within and between effect, for example --model "
                            + "longitudinal-apim --actor-within 0.3");
                }
                return longitudinal.run(cl, design, this);
            }
            if (longitudinal.anySet()) {
                throw new CommandLine.ParameterException(cl, "--occasions, --actor-within and the other longitudinal "
                        + "options need --model longitudinal-apim");
            }
            ApimPower d = design.build(cl);
            if (design.largestDyads() > MAX_SIMULATED_DYADS) {
                // 1000001 dyads ran past a minute per replicate (issue 18 fuzzing); the closed form has no limit
                throw new CommandLine.ParameterException(cl, "--dyads " + design.largestDyads() + ": a simulation "
                        + "takes at most " + String.format(Locale.ROOT, "%,d", MAX_SIMULATED_DYADS) + " dyads; for "
                        + "larger samples use the closed form, for example dyadkit power apim --dyads "
                        + design.largestDyads());
            }
            OptionChecks.threads(cl, threads);
            OptionChecks.count(cl, "--replicates", replicates, 1, "1000");
            OptionChecks.count(cl, "--mc", mc, 0, "1000");
            OptionChecks.count(cl, "--bootstrap", bootstrap, 0, "1000");
            PowerSimulation s;
            try {
                switch (model.toLowerCase(Locale.ROOT)) {
                    case "apim" -> {
                        s = PowerSimulation.apim(d);
                        if (!aActor.isEmpty() || !aPartner.isEmpty() || !bActor.isEmpty() || !bPartner.isEmpty()) {
                            throw new IllegalArgumentException("--a-actor, --a-partner, --b-actor and --b-partner need "
                                    + "--model apimem");
                        }
                        if (kPattern != null) {
                            s = kPattern(s, cl);
                        } else if (bootstrap != 0) {
                            throw new IllegalArgumentException("--bootstrap needs --model apimem or --k-pattern");
                        }
                    }
                    case "apimem" -> {
                        if (kPattern != null) {
                            throw new IllegalArgumentException("--k-pattern needs --model apim");
                        }
                        s = PowerSimulation.apimem(d);
                        if (!covariates.isEmpty() || !interactions.isEmpty()) {
                            throw new IllegalArgumentException("--covariate and --interaction need --model apim");
                        }
                        s = paths(s, aActor, aPartner, true);
                        s = paths(s, bActor, bPartner, false);
                        if (bootstrap < 0 || mc < 0) {
                            throw new IllegalArgumentException("--bootstrap and --mc must be 0 or more");
                        }
                        s = bootstrap > 0 ? s.withIndirectInterval(PowerSimulation.IndirectInterval.BOOTSTRAP, bootstrap)
                                : s.withIndirectInterval(PowerSimulation.IndirectInterval.MONTE_CARLO, mc);
                    }
                    default -> throw new IllegalArgumentException("--model is apim, apimem or longitudinal-apim; got \""
                            + model + "\"");
                }
                for (String c : covariates) {
                    int eq = c.lastIndexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("--covariate is NAME=V; got \"" + c + "\"");
                    }
                    s = s.withCovariate(c.substring(0, eq).strip(), number(c.substring(eq + 1), "--covariate"));
                }
                for (String c : interactions) {
                    int eq = c.lastIndexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("--interaction is A:B=V; got \"" + c + "\"");
                    }
                    s = s.withInteraction(c.substring(0, eq).strip(), number(c.substring(eq + 1), "--interaction"));
                }
                s = s.withReplicates(replicates).withSeed(seed).withMissingRate(missing)
                        .withMethod(ApimOptions.method(cl, method)).withDf(ApimOptions.df(cl, df));
                if (threads != null) {
                    s = s.withThreads(threads);
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, OptionChecks.message(e));
            }
            ProgressBar bar = ProgressBar.onTerminal(cl.getErr());
            if (bar != null) {
                s = s.withProgress(bar);
            }
            PowerResult r;
            try {
                r = s.fit();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, OptionChecks.message(e));
            } finally {
                if (bar != null) {
                    bar.finish();
                }
            }
            write(cl, format.format(), r);
            return 0;
        }

        private PowerSimulation kPattern(PowerSimulation s, CommandLine cl) {
            KPattern p = switch (kPattern.strip().toLowerCase(Locale.ROOT)) {
                case "couple" -> KPattern.COUPLE;
                case "actor-only" -> KPattern.ACTOR_ONLY;
                case "partner-only" -> KPattern.PARTNER_ONLY;
                case "contrast" -> KPattern.CONTRAST;
                default -> throw new IllegalArgumentException("--k-pattern is couple, actor-only, partner-only or "
                        + "contrast; got \"" + kPattern + "\"");
            };
            boolean partnerGiven = cl.getParseResult().hasMatchedOption("--partner");
            boolean actorGiven = cl.getParseResult().hasMatchedOption("--actor");
            if (p == KPattern.PARTNER_ONLY && (actorGiven || !partnerGiven)) {
                throw new IllegalArgumentException("--k-pattern partner-only has no actor effect: give --partner and "
                        + "not --actor");
            }
            if (p != KPattern.PARTNER_ONLY && (partnerGiven || !actorGiven)) {
                throw new IllegalArgumentException("--k-pattern " + kPattern + " sets partner = k x actor: give --actor "
                        + "and not --partner");
            }
            if (bootstrap < 0) {
                throw new IllegalArgumentException("--bootstrap must be 0 or more");
            }
            return s.withKPattern(p).withKBootstrap(bootstrap);
        }

        private static PowerSimulation paths(PowerSimulation s, List<String> actor, List<String> partner, boolean a) {
            // [kind][role]: actor and partner path per role, both-role values first, then ROLE=V ones
            double[][] v = {{0.3, 0.3}, {0.1, 0.1}};
            List<String> roles = s.roles();
            String opt = a ? "--a-" : "--b-";
            for (int k = 0; k < 2; k++) {
                for (String t : k == 0 ? actor : partner) {
                    if (t.indexOf('=') < 0) {
                        v[k][0] = number(t, opt + (k == 0 ? "actor" : "partner"));
                        v[k][1] = v[k][0];
                    }
                }
                for (String t : k == 0 ? actor : partner) {
                    int eq = t.indexOf('=');
                    if (eq >= 0) {
                        String role = t.substring(0, eq).strip();
                        int r = roles.indexOf(role);
                        if (r < 0) {
                            throw new IllegalArgumentException(opt + (k == 0 ? "actor" : "partner") + ": no role \""
                                    + role + "\"; the roles are " + (roles.isEmpty() ? "none (indistinguishable dyads)"
                                            : String.join(", ", roles)));
                        }
                        v[k][r] = number(t.substring(eq + 1), opt + (k == 0 ? "actor" : "partner"));
                    }
                }
            }
            PowerSimulation out = a ? s.withMediatorPaths(v[0][0], v[1][0]) : s.withOutcomePaths(v[0][0], v[1][0]);
            if (!roles.isEmpty()) {
                for (int r = 0; r < 2; r++) {
                    out = a ? out.withMediatorPaths(roles.get(r), v[0][r], v[1][r])
                            : out.withOutcomePaths(roles.get(r), v[0][r], v[1][r]);
                }
            }
            return out;
        }
    }
}
