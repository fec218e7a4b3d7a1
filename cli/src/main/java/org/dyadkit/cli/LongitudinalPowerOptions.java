package org.dyadkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dyadkit.mlm.DfRule;
import org.dyadkit.mlm.Method;
import org.dyadkit.power.ApimPower;
import org.dyadkit.power.LongitudinalApimPower;
import org.dyadkit.power.PowerResult;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of {@code dyadkit power simulate --model longitudinal-apim} ({@link LongitudinalApimPower}): the
 * occasions, the within- and between-person actor and partner effects (raw coefficients), the predictor's SDs,
 * the random intercepts, the residual SDs and the autocorrelation. {@code --actor} and {@code --partner} set both
 * the within and the between effect; {@code --r-x}, {@code --r-errors}, {@code --dyads}, {@code --roles},
 * {@code --alpha}, {@code --power}, {@code --missing} (person-occasions) and the simulation options keep their
 * meaning.
 */
final class LongitudinalPowerOptions {
    /** The most couple-occasions a simulated data set may have: each replicate is generated and fitted whole. */
    static final long MAX_COUPLE_OCCASIONS = 1_000_000;

    @Option(names = "--occasions", paramLabel = "T", description = "Longitudinal APIM: occasions per person "
            + "(default 14).")
    Integer occasions;

    @Option(names = "--actor-within", paramLabel = "V|ROLE=V", description = "Longitudinal APIM: within-person actor "
            + "effect (raw; default 0.3; repeatable).")
    List<String> actorWithin = new ArrayList<>();

    @Option(names = "--partner-within", paramLabel = "V|ROLE=V", description = "Longitudinal APIM: within-person "
            + "partner effect (default 0.15).")
    List<String> partnerWithin = new ArrayList<>();

    @Option(names = "--actor-between", paramLabel = "V|ROLE=V", description = "Longitudinal APIM: between-person "
            + "actor effect (default 0.3).")
    List<String> actorBetween = new ArrayList<>();

    @Option(names = "--partner-between", paramLabel = "V|ROLE=V", description = "Longitudinal APIM: between-person "
            + "partner effect (default 0.15).")
    List<String> partnerBetween = new ArrayList<>();

    @Option(names = "--sd-x-within", paramLabel = "SD", description = "Longitudinal APIM: SD of x around the person "
            + "mean (default 1).")
    Double sdXWithin;

    @Option(names = "--sd-x-between", paramLabel = "SD", description = "Longitudinal APIM: SD of the person means of "
            + "x (default 1).")
    Double sdXBetween;

    @Option(names = "--intercept-sd", paramLabel = "SD|ROLE=SD", description = "Longitudinal APIM: random-intercept "
            + "SD (default 1).")
    List<String> interceptSd = new ArrayList<>();

    @Option(names = "--intercept-correlation", paramLabel = "R", description = "Longitudinal APIM: correlation of the "
            + "partners' random intercepts (distinguishable; default 0.3).")
    Double interceptCorrelation;

    @Option(names = "--residual-sd", paramLabel = "SD|ROLE=SD", description = "Longitudinal APIM: residual SD "
            + "(default 1).")
    List<String> residualSd = new ArrayList<>();

    @Option(names = "--autocorrelation", paramLabel = "PHI", description = "Longitudinal APIM: AR(1) of the "
            + "residuals within person (default 0: none; otherwise fitted with CS and AR(1)).")
    Double autocorrelation;

    /** Whether any longitudinal option was given (they need {@code --model longitudinal-apim}). */
    boolean anySet() {
        return occasions != null || !actorWithin.isEmpty() || !partnerWithin.isEmpty() || !actorBetween.isEmpty()
                || !partnerBetween.isEmpty() || sdXWithin != null || sdXBetween != null || !interceptSd.isEmpty()
                || interceptCorrelation != null || !residualSd.isEmpty() || autocorrelation != null;
    }

    interface Both {
        LongitudinalApimPower apply(LongitudinalApimPower p, double v);
    }

    interface One {
        LongitudinalApimPower apply(LongitudinalApimPower p, String role, double v);
    }

    /** Applies V and ROLE=V values in the order given. */
    private static LongitudinalApimPower perRole(LongitudinalApimPower p, List<String> values, String option, Both both,
            One one) {
        LongitudinalApimPower out = p;
        for (String t : values) {
            int eq = t.indexOf('=');
            out = eq < 0 ? both.apply(out, PowerCommand.number(t, option))
                    : one.apply(out, t.substring(0, eq).strip(), PowerCommand.number(t.substring(eq + 1), option));
        }
        return out;
    }

    /** Runs the simulation: the design options of the {@code power} command plus these. */
    Integer run(CommandLine cl, PowerCommand.Design design, PowerCommand.Simulate sim) {
        // the design's actor and partner effects are betas checked against an impossible correlation matrix;
        // here they are raw coefficients, so they are read here and not by the design
        List<String> actor = new ArrayList<>(design.actor);
        List<String> partner = new ArrayList<>(design.partner);
        design.actor.clear();
        design.partner.clear();
        ApimPower d;
        try {
            d = design.build(cl);
        } finally {
            design.actor.addAll(actor);
            design.partner.addAll(partner);
        }
        long cells = (long) design.largestDyads() * (occasions == null ? 14 : Math.max(occasions, 1));
        if (cells > MAX_COUPLE_OCCASIONS) {
            throw new CommandLine.ParameterException(cl, "--dyads " + design.largestDyads() + " x --occasions "
                    + (occasions == null ? 14 : occasions) + ": a longitudinal simulation takes at most "
                    + String.format(Locale.ROOT, "%,d", MAX_COUPLE_OCCASIONS) + " couple-occasions per data set");
        }
        OptionChecks.threads(cl, sim.threads);
        LongitudinalApimPower p;
        try {
            if (!sim.covariates.isEmpty() || !sim.interactions.isEmpty() || !sim.aActor.isEmpty()
                    || !sim.aPartner.isEmpty() || !sim.bActor.isEmpty() || !sim.bPartner.isEmpty()
                    || sim.bootstrap != 0) {
                throw new IllegalArgumentException("--covariate, --interaction, --bootstrap and the a and b paths do "
                        + "not apply to --model longitudinal-apim");
            }
            p = LongitudinalApimPower.of(d);
            p = perRole(p, actor, "--actor", LongitudinalApimPower::withActorWithin,
                    LongitudinalApimPower::withActorWithin);
            p = perRole(p, actor, "--actor", LongitudinalApimPower::withActorBetween,
                    LongitudinalApimPower::withActorBetween);
            p = perRole(p, partner, "--partner", LongitudinalApimPower::withPartnerWithin,
                    LongitudinalApimPower::withPartnerWithin);
            p = perRole(p, partner, "--partner", LongitudinalApimPower::withPartnerBetween,
                    LongitudinalApimPower::withPartnerBetween);
            p = perRole(p, actorWithin, "--actor-within", LongitudinalApimPower::withActorWithin,
                    LongitudinalApimPower::withActorWithin);
            p = perRole(p, partnerWithin, "--partner-within", LongitudinalApimPower::withPartnerWithin,
                    LongitudinalApimPower::withPartnerWithin);
            p = perRole(p, actorBetween, "--actor-between", LongitudinalApimPower::withActorBetween,
                    LongitudinalApimPower::withActorBetween);
            p = perRole(p, partnerBetween, "--partner-between", LongitudinalApimPower::withPartnerBetween,
                    LongitudinalApimPower::withPartnerBetween);
            p = perRole(p, interceptSd, "--intercept-sd", LongitudinalApimPower::withInterceptSd,
                    LongitudinalApimPower::withInterceptSd);
            p = perRole(p, residualSd, "--residual-sd", LongitudinalApimPower::withResidualSd,
                    LongitudinalApimPower::withResidualSd);
            if (occasions != null) {
                p = p.withOccasions(occasions);
            }
            if (sdXWithin != null || sdXBetween != null) {
                p = p.withPredictorSd(sdXWithin == null ? 1 : sdXWithin, sdXBetween == null ? 1 : sdXBetween);
            }
            if (interceptCorrelation != null) {
                p = p.withInterceptCorrelation(interceptCorrelation);
            }
            if (autocorrelation != null) {
                p = p.withAutocorrelation(autocorrelation);
            }
            Method m = switch (sim.method.strip().toLowerCase(Locale.ROOT)) {
                case "reml" -> Method.REML;
                case "ml" -> Method.ML;
                default -> throw new IllegalArgumentException("--method is reml or ml; got \"" + sim.method + "\"");
            };
            DfRule df = switch (sim.df.strip().toLowerCase(Locale.ROOT)) {
                case "residual", "containment", "between-within" -> DfRule.CONTAINMENT;
                case "satterthwaite" -> DfRule.SATTERTHWAITE;
                default -> throw new IllegalArgumentException("--df for the longitudinal APIM is containment (nlme's "
                        + "between-within) or satterthwaite; got \"" + sim.df + "\"");
            };
            p = p.withReplicates(sim.replicates).withSeed(sim.seed).withMissingRate(sim.missing).withMethod(m).withDf(df);
            if (sim.threads != null) {
                p = p.withThreads(sim.threads);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        ProgressBar bar = ProgressBar.onTerminal(cl.getErr());
        if (bar != null) {
            p = p.withProgress(bar);
        }
        PowerResult res;
        try {
            res = p.fit();
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        PowerCommand.write(cl, sim.format.format(), res);
        return 0;
    }
}
