package org.dyadkit.apim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.InputException;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.ExclusionReason;
import org.dyadkit.dyad.Sample;
import org.dyadkit.numerics.Moments;
import org.dyadkit.resample.Interval;
import org.dyadkit.resample.IntervalKind;
import org.dyadkit.resample.DyadBootstrap;

/**
 * The actor-partner interdependence model (Kenny, Kashy and Cook 2006, ch. 7): a person's outcome on
 * their own (actor) and their partner's (partner) predictor values, fitted by generalised least squares
 * with a 2x2 residual covariance per dyad, by REML (default) or ML, as {@code nlme::gls} with
 * {@code corCompSymm(form = ~1 | dyad)} and, for distinguishable dyads, {@code varIdent(form = ~1 | role)}.
 *
 * <pre>{@code
 * ApimFit fit = Apim.distinguishable(data).withOutcome("satisfaction").withPredictor("other_pos").fit();
 * fit.coefficient("actor:wife").estimate(); fit.residualSd("wife"); fit.rho(); fit.k("wife").k();
 * fit.sample(); // who was used, and why the others were not
 * }</pre>
 *
 * <p>Immutable: every {@code withXxx} returns a new model; {@link #fit()} may be called from any thread.
 *
 * <p>Missing data: a person enters the model when their outcome, their own predictor and covariate
 * values and their partner's predictor values are present (and, for distinguishable dyads, their role);
 * a dyad with one such person is a 1x1 block. The {@link Sample} of the fit counts each person left out
 * under the first reason that applies. Complete dyads whose design meets Zyskind's condition are
 * fitted by the closed form (sum and difference regressions; per-role OLS), all others by profiled
 * REML/ML. Degenerate data raise {@link AnalysisException} with a named reason; unknown variables raise
 * {@link InputException}.
 */
public final class Apim {
    private final DyadArrays data;
    private final boolean distinguishable;
    private String outcome;
    private List<String> predictors = List.of();
    private List<String> covariates = List.of();
    private List<String> interactions = List.of();
    private Method method = Method.REML;
    private DfMethod dfMethod = DfMethod.RESIDUAL;
    private Parameterisation parameterisation = Parameterisation.TWO_INTERCEPT;
    private List<String> roleOrder;
    private double level = 0.95;
    private boolean normalIntervals;
    private int bootstrap;
    private long seed;
    private int threads = Runtime.getRuntime().availableProcessors();
    private String kPredictor;
    private boolean iterativeOnly;

    private Apim(DyadArrays data, boolean distinguishable) {
        this.data = Objects.requireNonNull(data);
        this.distinguishable = distinguishable;
    }

    private Apim(Apim o) {
        this.data = o.data;
        this.distinguishable = o.distinguishable;
        this.outcome = o.outcome;
        this.predictors = o.predictors;
        this.covariates = o.covariates;
        this.interactions = o.interactions;
        this.method = o.method;
        this.dfMethod = o.dfMethod;
        this.parameterisation = o.parameterisation;
        this.roleOrder = o.roleOrder;
        this.level = o.level;
        this.normalIntervals = o.normalIntervals;
        this.bootstrap = o.bootstrap;
        this.seed = o.seed;
        this.threads = o.threads;
        this.kPredictor = o.kPredictor;
        this.iterativeOnly = o.iterativeOnly;
    }

    private Apim with(Consumer<Apim> change) {
        Apim copy = new Apim(this);
        change.accept(copy);
        return copy;
    }

    private static List<String> plus(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(Objects.requireNonNull(item));
        return List.copyOf(out);
    }

    /**
     * An APIM for distinguishable dyads read into the dyadic data model: role-specific effects and residual
     * SDs, one correlation (roles in the data's role order).
     *
     * @throws InputException when the data have no roles
     */
    public static Apim distinguishable(DyadicData data) {
        return distinguishable(DyadArrays.of(data));
    }

    /** An APIM for indistinguishable dyads read into the dyadic data model (any roles are ignored). */
    public static Apim indistinguishable(DyadicData data) {
        return indistinguishable(DyadArrays.of(data));
    }

    /**
     * An APIM for distinguishable dyads on the array view (for resamples and simulated data).
     *
     * @throws InputException when the persons carry no roles
     */
    public static Apim distinguishable(DyadArrays data) {
        if (!data.distinguishable()) {
            throw new InputException("the data carry no roles; distinguishable dyads need a role for each person "
                    + "(or fit the indistinguishable model)");
        }
        return new Apim(data, true);
    }

    /** An APIM for indistinguishable dyads on the array view: common effects, compound-symmetric residuals. */
    public static Apim indistinguishable(DyadArrays data) {
        return new Apim(data, false);
    }

    /** The outcome variable Y. */
    public Apim withOutcome(String name) {
        return with(a -> a.outcome = Objects.requireNonNull(name));
    }

    /** An actor/partner predictor X (repeatable): adds the actor term (own X) and the partner term (partner's X). */
    public Apim withPredictor(String name) {
        return with(a -> a.predictors = plus(predictors, name));
    }

    /**
     * A covariate (repeatable): the person's own value, or the partner's with {@code partner.NAME}
     * (for models whose actor and partner variables differ).
     */
    public Apim withCovariate(String name) {
        return with(a -> a.covariates = plus(covariates, name));
    }

    /**
     * An interaction {@code A:B} (moderation; repeatable). Each factor is a variable name (the person's
     * own value, so a predictor's own value is its actor term) or {@code partner.NAME} for the partner's value.
     */
    public Apim withInteraction(String spec) {
        return with(a -> a.interactions = plus(interactions, spec));
    }

    /** REML (default) or ML. */
    public Apim withMethod(Method m) {
        Objects.requireNonNull(m);
        return with(a -> a.method = m);
    }

    /** Degrees-of-freedom convention of the t tests (default {@link DfMethod#RESIDUAL}, nlme's N - p). */
    public Apim withDf(DfMethod d) {
        Objects.requireNonNull(d);
        return with(a -> a.dfMethod = d);
    }

    /** Parameterisation of a distinguishable model (default two-intercept). */
    public Apim withParameterisation(Parameterisation p) {
        Objects.requireNonNull(p);
        return with(a -> a.parameterisation = p);
    }

    /** The order of the two roles (default: the data's role order); the first is coded +1. */
    public Apim withRoles(String first, String second) {
        List<String> r = List.of(first, second);
        return with(a -> a.roleOrder = r);
    }

    /** Confidence level of the intervals (default 0.95). */
    public Apim withLevel(double l) {
        if (!(l > 0 && l < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + l);
        }
        return with(a -> a.level = l);
    }

    /**
     * Coefficient intervals from the normal quantile (as R's {@code confint} on a gls fit) instead of
     * the t quantile with the chosen df (as {@code nlme::intervals}, the default).
     */
    public Apim withNormalIntervals(boolean normal) {
        return with(a -> a.normalIntervals = normal);
    }

    /** Bootstrap intervals for k from {@code replicates} dyad resamples with this seed (0 = none). */
    public Apim withBootstrap(int replicates, long seed) {
        if (replicates < 0) {
            throw new IllegalArgumentException("replicates must be >= 0: " + replicates);
        }
        return with(a -> {
            a.bootstrap = replicates;
            a.seed = seed;
        });
    }

    /** Worker threads for the bootstrap (the result does not depend on it). */
    public Apim withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + n);
        }
        return with(a -> a.threads = n);
    }

    /** The predictor whose actor and partner effects define k (default: the first predictor). */
    public Apim withKPredictor(String name) {
        return with(a -> a.kPredictor = name);
    }

    /** Skips the closed form (for checking it against the iterative fit). */
    Apim iterativeOnly() {
        return with(a -> a.iterativeOnly = true);
    }

    /** The persons this model reads. */
    public DyadArrays data() {
        return data;
    }

    @Override
    public String toString() {
        return "Apim[" + (distinguishable ? "distinguishable" : "indistinguishable") + ", outcome " + outcome
                + ", predictors " + predictors + (covariates.isEmpty() ? "" : ", covariates " + covariates)
                + (interactions.isEmpty() ? "" : ", interactions " + interactions) + ", " + method + "]";
    }


    /**
     * Fits the model.
     *
     * @throws AnalysisException for degenerate data (no variance, singular design, too few dyads, no
     *     complete dyads, rho at the boundary, no convergence)
     * @throws InputException for unknown variables or unusable roles
     */
    public ApimFit fit() {
        Spec s = spec(distinguishable);
        ExclusionReason[] why = Design.eligible(data, outcome, s.terms, distinguishable, s.roles, predictors);
        return fitOn(s, why, method, distinguishable);
    }

    /**
     * The ML likelihood-ratio test of distinguishability: this model fitted by ML as distinguishable
     * and as indistinguishable, on the persons who enter the distinguishable model.
     */
    public DistinguishabilityTest distinguishability() {
        if (!distinguishable) {
            throw new InputException("the distinguishability test needs the roles; build the model with "
                    + "Apim.distinguishable");
        }
        Apim ml = with(a -> a.bootstrap = 0);
        Spec sd = ml.spec(true);
        ExclusionReason[] why = Design.eligible(data, outcome, sd.terms, true, sd.roles, predictors);
        ApimFit d = ml.fitOn(sd, why, Method.ML, true);
        ApimFit i = ml.fitOn(ml.spec(false), why, Method.ML, false);
        double chi = 2 * (d.logLik() - i.logLik());
        int df = d.nParameters() - i.nParameters();
        double p = chi <= 0 ? 1.0 : ChiSquaredDistribution.of(df).survivalProbability(chi);
        return new DistinguishabilityTest(d, i, chi, df, p, d.sample());
    }

    /**
     * The standardised design and cross products of this model for the constrained refits and the SEM
     * tests ({@code completeOnly}: only persons whose partner also enters; the others are left out as
     * missing the partner's values).
     */
    ModelFrame frame(boolean completeOnly) {
        boolean dist = distinguishable;
        Spec s = spec(dist);
        ExclusionReason[] why = Design.eligible(data, outcome, s.terms, dist, s.roles, predictors);
        if (completeOnly) {
            why = ModelFrame.completeOnly(data, why);
        }
        boolean[] ok = Design.mask(why);
        Design d = Design.build(data, outcome, s.terms, dist, parameterisation, s.roles, ok);
        d.check(outcome);
        d.standardise();
        CrossProducts cp = CrossProducts.of(d, null);
        d.checkRank(cp);
        String x = kPredictor != null ? kPredictor : predictors.isEmpty() ? null : predictors.get(0);
        return new ModelFrame(data, d, cp, outcome, predictors, covariates, interactions, s.roles, dist, x, level,
                method, data.sample(why));
    }

    private record Spec(List<Design.Term> terms, List<String> roles, boolean distinguishable) {
    }

    private Spec spec(boolean dist) {
        if (outcome == null) {
            throw new InputException("no outcome given; name the outcome variable");
        }
        List<String> roles = List.of();
        if (dist) {
            roles = roleOrder != null ? roleOrder : data.roles();
            if (roles.size() != 2) {
                throw new InputException("distinguishable dyads need exactly two roles; the data have "
                        + data.roles().size() + " (" + String.join(", ", data.roles()) + ")");
            }
            for (String r : roles) {
                if (!data.roles().contains(r)) {
                    throw new InputException("no role \"" + r + "\" in the data; roles: "
                            + String.join(", ", data.roles()));
                }
            }
        }
        data.values(outcome);
        List<Design.Term> terms = new ArrayList<>();
        terms.add(new Design.Term("intercept", List.of()));
        boolean several = predictors.size() > 1;
        for (String x : predictors) {
            data.values(x);
            terms.add(new Design.Term(several ? "actor." + x : "actor", List.of(new Design.Factor(x, false))));
            terms.add(new Design.Term(several ? "partner." + x : "partner",
                    List.of(new Design.Factor(x, true))));
        }
        for (String c : covariates) {
            boolean partner = c.startsWith("partner.");
            String v = partner ? c.substring("partner.".length()) : c;
            data.values(v);
            terms.add(new Design.Term(c, List.of(new Design.Factor(v, partner))));
        }
        for (String spec : interactions) {
            String[] parts = spec.split(":");
            if (parts.length < 2) {
                throw new InputException("interaction \"" + spec + "\" is not of the form A:B");
            }
            List<Design.Factor> fs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String part : parts) {
                String v = part.trim();
                boolean partner = false;
                if (v.startsWith("partner.")) {
                    partner = true;
                    v = v.substring("partner.".length());
                } else if (v.startsWith("actor.")) {
                    v = v.substring("actor.".length());
                }
                data.values(v);
                fs.add(new Design.Factor(v, partner));
                if (predictors.contains(v)) {
                    names.add((partner ? "partner" : "actor") + (several ? "." + v : ""));
                } else {
                    names.add(partner ? "partner." + v : v);
                }
            }
            terms.add(new Design.Term(String.join(":", names), fs));
        }
        return new Spec(terms, roles, dist);
    }

    private ApimFit fitOn(Spec s, ExclusionReason[] why, Method m, boolean dist) {
        boolean reml = m == Method.REML;
        boolean[] ok = new boolean[why.length];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = why[i] == null;
        }
        Sample sample = data.sample(why);
        Design d = Design.build(data, outcome, s.terms, dist, parameterisation, s.roles, ok);
        d.check(outcome);
        d.standardise();
        CrossProducts cp = CrossProducts.of(d, null);
        d.checkRank(cp);
        GlsEngine.ClosedFormPlan plan = iterativeOnly ? null : GlsEngine.plan(cp, dist);
        GlsEngine.Estimate est = GlsEngine.fit(cp, reml, dist, plan);
        GlsEngine.Eval ev = est.eval();
        double[] beta = d.toOriginal(ev.beta);
        int p = d.p;
        int nObs = d.n;
        int nDyads = d.dyads.length;
        int singles = 0;
        for (int[] b : d.dyads) {
            if (b.length == 1) {
                singles++;
            }
        }
        double sigma2 = ev.sigma2;
        // nlme: Var(beta) = sigma^2 (N - REML*p)/(N - p) (X'V0^-1 X)^-1, i.e. RSS/(N - p) under ML too
        double scale = reml ? sigma2 : sigma2 * nObs / (nObs - p);
        // Var(beta) = T D Var(beta~) D T'
        double[][] cov = new double[p][p];
        double[] tm = d.transform;
        double[] tmp = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s2 = 0;
                for (int k = 0; k < p; k++) {
                    s2 += tm[i * p + k] * ev.xtxInv[k * p + j];
                }
                tmp[i * p + j] = s2;
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s2 = 0;
                for (int k = 0; k < p; k++) {
                    s2 += tmp[i * p + k] * tm[j * p + k];
                }
                cov[i][j] = scale * s2;
            }
        }
        double[] df = degreesOfFreedom(d, cp, reml, est, dist);
        List<Coefficient> coefs = new ArrayList<>();
        String[] names = d.names();
        for (int j = 0; j < p; j++) {
            double b = beta[j];
            double se = Math.sqrt(cov[j][j]);
            double t = b / se;
            TDistribution td = TDistribution.of(df[j]);
            double pv = 2 * td.survivalProbability(Math.abs(t));
            double q = normalIntervals ? NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2)
                    : td.inverseSurvivalProbability((1 - level) / 2);
            coefs.add(new Coefficient(names[j], d.columnRole(j), b, se, df[j], t, pv, b - q * se, b + q * se));
        }
        double sd0 = Math.sqrt(sigma2);
        Map<String, Double> sds = new LinkedHashMap<>();
        if (dist) {
            sds.put(s.roles.get(0), sd0);
            sds.put(s.roles.get(1), sd0 * est.lambda());
        } else {
            sds.put("all", sd0);
        }
        ResidualCovariance res = new ResidualCovariance(Collections.unmodifiableMap(sds), est.rho(),
                est.rho() * sd0 * sd0 * est.lambda());
        ResidualIntervals ri = VarianceIntervals.of(cp, reml, est, dist, List.copyOf(sds.keySet()), sds, level);
        int npar = p + (dist ? 3 : 2);
        // REML: -1/2 log|X'V0^-1 X| of the original columns = that of the standardised ones + sum log d_j
        double ll = reml ? ev.logLik + d.logScale : ev.logLik;
        double aic = -2 * ll + 2 * npar;
        double bic = -2 * ll + npar * Math.log(reml ? nObs - p : nObs);
        Map<String, Double> r2 = new LinkedHashMap<>();
        if (s.terms.size() > 1) {
            // the empty model's columns (intercepts; the role effect in the interaction parameterisation)
            // span the same space as the intercept columns of this design
            CrossProducts ce = cp.select(d.interceptColumns());
            GlsEngine.Estimate e0 = GlsEngine.fit(ce, reml, dist, iterativeOnly ? null : GlsEngine.plan(ce, dist));
            double s0 = e0.eval().sigma2;
            for (Map.Entry<String, Double> en : sds.entrySet()) {
                boolean second = dist && en.getKey().equals(s.roles.get(1));
                double v0 = second ? s0 * e0.lambda() * e0.lambda() : s0;
                r2.put(en.getKey(), 1 - en.getValue() * en.getValue() / v0);
            }
        }
        List<KEstimate> ks = predictors.isEmpty() ? List.of()
                : kEstimates(d, cp, plan, est, beta, cov, reml, dist, s);
        return new ApimFit(outcome, List.copyOf(predictors), List.copyOf(covariates), List.copyOf(interactions),
                dist, s.roles, dist ? Optional.of(parameterisation) : Optional.empty(), m, dfMethod, level, normalIntervals, nDyads, nObs, singles,
                List.copyOf(coefs), new CoefficientCovariance(names, cov), res, ll, npar, aic, bic, Collections.unmodifiableMap(r2), est.rho(),
                ks, est.closedForm(), ri, sample);
    }

    private double[] degreesOfFreedom(Design d, CrossProducts cp, boolean reml, GlsEngine.Estimate est,
            boolean dist) {
        int p = d.p;
        double[] df = new double[p];
        switch (dfMethod) {
            case RESIDUAL -> java.util.Arrays.fill(df, d.n - p);
            case BETWEEN_WITHIN -> {
                boolean[] within = d.within;
                int pw = 0;
                for (boolean w : within) {
                    pw += w ? 1 : 0;
                }
                int pb = p - pw;
                for (int j = 0; j < p; j++) {
                    df[j] = within[j] ? d.n - d.dyads.length - pw : d.dyads.length - pb;
                }
                for (double v : df) {
                    if (v < 1) {
                        throw new AnalysisException(Reason.TOO_FEW_DYADS, "between/within degrees of freedom "
                                + "are below 1 for these data; use --df residual");
                    }
                }
            }
            case SATTERTHWAITE -> df = Satterthwaite.df(cp, reml, est, dist, d.transform);
            default -> throw new IllegalStateException();
        }
        return df;
    }

    private List<KEstimate> kEstimates(Design d, CrossProducts cp, GlsEngine.ClosedFormPlan plan,
            GlsEngine.Estimate full, double[] beta, double[][] cov, boolean reml, boolean dist, Spec s) {
        String x = kPredictor != null ? kPredictor : predictors.get(0);
        if (!predictors.contains(x)) {
            throw new InputException("k needs a predictor of the model; \"" + x + "\" is not one of "
                    + predictors);
        }
        boolean several = predictors.size() > 1;
        int ta = d.termIndex(several ? "actor." + x : "actor");
        int tp = d.termIndex(several ? "partner." + x : "partner");
        int nr = dist ? 2 : 1;
        double[][] la = new double[nr][];
        double[][] lp = new double[nr][];
        double[][] laStd = new double[nr][];
        double[][] lpStd = new double[nr][];
        for (int r = 0; r < nr; r++) {
            la[r] = d.contrast(ta, r);
            lp[r] = d.contrast(tp, r);
            laStd[r] = d.toStandardisedContrast(la[r]);
            lpStd[r] = d.toStandardisedContrast(lp[r]);
        }
        double[] xv = data.values(x);
        double[] yv = data.values(outcome);
        DyadBootstrap.Replicates reps = null;
        if (bootstrap > 0) {
            reps = DyadBootstrap.run(d.dyads.length, bootstrap, seed, threads, counts -> {
                CrossProducts c = CrossProducts.of(d, counts);
                GlsEngine.Estimate e = GlsEngine.fit(c, reml, dist, plan, full);
                double[] out = new double[2 * nr];
                for (int r = 0; r < nr; r++) {
                    double a = dot(laStd[r], e.eval().beta);
                    double pp = dot(lpStd[r], e.eval().beta);
                    out[2 * r] = pp / a;
                    out[2 * r + 1] = a / pp;
                }
                return out;
            });
        }
        NormalDistribution nd = NormalDistribution.of(0, 1);
        double z = nd.inverseSurvivalProbability((1 - level) / 2);
        List<KEstimate> out = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            double a = dot(la[r], beta);
            double pp = dot(lp[r], beta);
            double va = quad(la[r], cov, la[r]);
            double vp = quad(lp[r], cov, lp[r]);
            double cap = quad(la[r], cov, lp[r]);
            // SDs among this role's persons in the model
            double[] sx = new double[d.n];
            double[] sxp = new double[d.n];
            double[] sy = new double[d.n];
            int m = 0;
            for (int i = 0; i < d.n; i++) {
                if (dist && d.role[i] != r) {
                    continue;
                }
                int person = d.person[i];
                sx[m] = xv[person];
                sxp[m] = xv[data.partner(person)];
                sy[m] = yv[person];
                m++;
            }
            double sdx = Math.sqrt(Moments.sampleVariance(sx, m));
            double sdxp = Math.sqrt(Moments.sampleVariance(sxp, m));
            double sdy = Math.sqrt(Moments.sampleVariance(sy, m));
            double aStd = a * sdx / sdy;
            double pStd = pp * sdxp / sdy;
            String role = dist ? s.roles.get(r) : "all";
            int failed = reps == null ? 0 : reps.failed(2 * r);
            if (Math.abs(aStd) < 0.10) {
                String reason = String.format(Locale.ROOT, "the standardised actor effect is %.4f, below .10 "
                        + "in absolute value, so k = p/a is not computed (Kenny and Ledermann 2010)", aStd);
                KPattern pattern = KPattern.UNDETERMINED;
                String basis = null;
                if (Math.abs(pStd) >= 0.10) {
                    double inv = a / pp;
                    double seInv = Math.sqrt(Math.max(0, va - 2 * inv * cap + inv * inv * vp)) / Math.abs(pp);
                    double lo = inv - z * seInv;
                    double hi = inv + z * seInv;
                    basis = "delta-method interval of a/p";
                    if (reps != null && reps.enough(2 * r + 1)) {
                        double[] inverse = reps.values()[2 * r + 1];
                        Interval use = Interval.biasCorrected(inverse, inv, level)
                                .orElseGet(() -> Interval.percentile(inverse, level));
                        lo = use.lower();
                        hi = use.upper();
                        basis = use.kind().label() + " bootstrap interval of a/p";
                    }
                    if (lo <= 0 && 0 <= hi) {
                        pattern = KPattern.PARTNER_ONLY;
                        reason = reason + "; the interval of a/p contains 0: partner-only pattern";
                    } else {
                        reason = reason + "; the interval of a/p excludes 0, so no pattern is called";
                    }
                }
                out.add(new KEstimate(role, x, a, pp, aStd, OptionalDouble.empty(), OptionalDouble.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), bootstrap, failed, seed, pattern,
                        Optional.ofNullable(basis), Optional.of(withBootstrapNote(reason, reps, 2 * r + 1))));
                continue;
            }
            double k = pp / a;
            double se = Math.sqrt(Math.max(0, vp - 2 * k * cap + k * k * va)) / Math.abs(a);
            double lo = k - z * se;
            double hi = k + z * se;
            Optional<Interval> pc = Optional.empty();
            Optional<Interval> bc = Optional.empty();
            String basis = "delta-method interval";
            if (reps != null) {
                double[] t = reps.values()[2 * r];
                if (reps.enough(2 * r)) {
                    pc = Optional.of(Interval.percentile(t, level));
                    bc = Interval.biasCorrected(t, k, level);
                    Interval use = bc.orElse(pc.get());
                    basis = use.kind().label() + " bootstrap interval";
                    lo = use.lower();
                    hi = use.upper();
                }
            }
            KPattern pattern;
            String reason = null;
            boolean c1 = lo <= 1 && 1 <= hi;
            boolean c0 = lo <= 0 && 0 <= hi;
            boolean cm = lo <= -1 && -1 <= hi;
            int inside = (c1 ? 1 : 0) + (c0 ? 1 : 0) + (cm ? 1 : 0);
            if (inside == 1) {
                pattern = c1 ? KPattern.COUPLE : c0 ? KPattern.ACTOR_ONLY : KPattern.CONTRAST;
            } else {
                pattern = KPattern.UNDETERMINED;
                reason = inside == 0 ? "the interval of k contains none of 1, 0, -1"
                        : "the interval of k contains more than one of 1, 0, -1";
            }
            Interval delta = new Interval(IntervalKind.DELTA, level, k - z * se, k + z * se);
            out.add(new KEstimate(role, x, a, pp, aStd, OptionalDouble.of(k), OptionalDouble.of(se),
                    Optional.of(delta), pc, bc, bootstrap, failed, seed, pattern, Optional.of(basis),
                    Optional.ofNullable(reps == null || reps.failed(2 * r) == 0 ? reason
                            : withBootstrapNote(reason, reps, 2 * r))));
        }
        return List.copyOf(out);
    }

    /** The reason with the bootstrap failure summary of statistic s appended (the summary alone if none). */
    private static String withBootstrapNote(String reason, DyadBootstrap.Replicates reps, int s) {
        if (reps == null) {
            return reason;
        }
        String note = reps.summary(s).map(t -> reps.enough(s) ? t : t + "; the delta-method interval is used")
                .orElse(null);
        if (note == null) {
            return reason;
        }
        return reason == null ? note : reason + "; " + note;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double quad(double[] a, double[][] m, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                s += a[i] * m[i][j] * b[j];
            }
        }
        return s;
    }
}
