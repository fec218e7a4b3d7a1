package org.dyadkit.apim;

import java.util.List;

/**
 * The lean APIM fit of dyadkit's simulation loops (power by simulation; analyses use {@link Apim#fit()}): the
 * coefficients, their covariance sigma^2 (X'V^-1 X)^-1 and their degrees of freedom, the same numbers as the
 * {@link ApimFit} of the same model (Kenny, Kashy and Cook 2006, ch. 7; nlme's {@code gls}), and nothing else:
 * no p values or intervals, variance-parameter intervals, pseudo-R2, k or sample. Made by {@link Apim#leanFit()};
 * immutable.
 */
public final class LeanApimFit {
    private final CoefficientCovariance covariance;
    private final double[] estimates;
    private final double[] df;
    private final int nObs;
    private final boolean closedForm;

    LeanApimFit(CoefficientCovariance covariance, double[] estimates, double[] df, int nObs, boolean closedForm) {
        this.covariance = covariance;
        this.estimates = estimates.clone();
        this.df = df.clone();
        this.nObs = nObs;
        this.closedForm = closedForm;
    }

    /** The coefficients, covariance and df of a full fit (the same numbers as the lean fit of its model). */
    public static LeanApimFit of(ApimFit fit) {
        int p = fit.coefficients().size();
        double[] est = new double[p];
        double[] df = new double[p];
        for (int j = 0; j < p; j++) {
            est[j] = fit.coefficients().get(j).estimate();
            df[j] = fit.coefficients().get(j).df();
        }
        return new LeanApimFit(fit.covariance(), est, df, fit.nObs(), fit.closedForm());
    }

    /** The coefficient names, in the order of {@link ApimFit#coefficients()}. */
    public List<String> terms() {
        return covariance.terms();
    }

    /** The position of a term, or -1 when the model has none of that name. */
    public int index(String term) {
        return covariance.terms().indexOf(term);
    }

    /** The estimate of coefficient j (from 0). */
    public double estimate(int j) {
        return estimates[j];
    }

    /** The degrees of freedom of coefficient j's t test (the model's df convention). */
    public double df(int j) {
        return df[j];
    }

    /** The covariance matrix of the coefficients. */
    public CoefficientCovariance covariance() {
        return covariance;
    }

    /** Persons in the model. */
    public int nObs() {
        return nObs;
    }

    /** Whether the closed form gave the estimates. */
    public boolean closedForm() {
        return closedForm;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("LeanApimFit[n = ").append(nObs);
        for (int j = 0; j < estimates.length; j++) {
            b.append(", ").append(terms().get(j)).append(" = ").append(estimates[j]);
        }
        return b.append(']').toString();
    }
}
