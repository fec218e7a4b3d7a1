package org.dyadkit.apim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dyadkit.InputException;
import org.dyadkit.dyad.DyadArrays;

/**
 * Centres variables of dyadic data before an APIM is fitted, so that moderation models need no
 * hand-centred columns: the grand mean, the role mean, or the dyad mean (with the dyad mean kept as a
 * variable). Centring a predictor changes the meaning of the lower-order terms of an interaction (their
 * effect at the moderator's mean), not the interaction or the fit (Aiken and West 1991, ch. 3).
 *
 * <pre>{@code
 * Centring.Result c = Centring.of(data).withCentre("tension", CentreMode.GRAND).apply();
 * Apim.indistinguishable(c.data()).withOutcome("satisfaction").withPredictor("other_pos")...
 * }</pre>
 *
 * <p>Missing values stay missing and are left out of the means. Immutable.
 */
public final class Centring {
    /** One variable's centring, as recorded in the output. */
    public record Centred(String variable, CentreMode mode, Map<String, Double> centres) {
        /** Copies the map (keys: {@code all} for the grand mean, role labels for role means; empty for dyad). */
        public Centred {
            centres = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(centres));
        }
    }

    /**
     * The centred data and what was done.
     *
     * @param data the data with the centred variables in place of the raw ones (and {@code NAME_dyad_mean}
     *     for dyad centring)
     * @param centred each centred variable in request order
     */
    public record Result(DyadArrays data, List<Centred> centred) {
        /** Copies the list. */
        public Result {
            centred = List.copyOf(centred);
        }
    }

    private final DyadArrays data;
    private final Map<String, CentreMode> modes;

    private Centring(DyadArrays data, Map<String, CentreMode> modes) {
        this.data = data;
        this.modes = modes;
    }

    /** Centring of these data (nothing centred yet). */
    public static Centring of(DyadArrays data) {
        return new Centring(Objects.requireNonNull(data), Map.of());
    }

    /** Centres a variable (a later call for the same variable replaces the earlier). */
    public Centring withCentre(String variable, CentreMode mode) {
        Map<String, CentreMode> m = new LinkedHashMap<>(modes);
        m.put(Objects.requireNonNull(variable), Objects.requireNonNull(mode));
        return new Centring(data, m);
    }

    /**
     * Centres the variables.
     *
     * @throws InputException for an unknown variable, role centring without roles, or a variable with no value
     */
    public Result apply() {
        Map<String, double[]> out = new LinkedHashMap<>();
        List<Centred> rec = new ArrayList<>();
        int n = data.persons();
        for (Map.Entry<String, CentreMode> e : modes.entrySet()) {
            String v = e.getKey();
            double[] x = data.values(v);
            double[] c = new double[n];
            Map<String, Double> centres = new LinkedHashMap<>();
            switch (e.getValue()) {
                case GRAND -> {
                    double m = mean(x, i -> true, v);
                    for (int i = 0; i < n; i++) {
                        c[i] = x[i] - m;
                    }
                    centres.put("all", m);
                }
                case ROLE -> {
                    if (!data.distinguishable()) {
                        throw new InputException("role centring of " + v + " needs the roles (--role)");
                    }
                    for (String r : data.roles()) {
                        double m = mean(x, i -> r.equals(data.role(i)), v + " for role " + r);
                        centres.put(r, m);
                    }
                    for (int i = 0; i < n; i++) {
                        Double m = data.role(i) == null ? null : centres.get(data.role(i));
                        c[i] = m == null ? Double.NaN : x[i] - m;
                    }
                }
                case DYAD -> {
                    double[] dm = new double[n];
                    for (int i = 0; i < n; i++) {
                        int j = data.partner(i);
                        dm[i] = j < 0 ? Double.NaN : (x[i] + x[j]) / 2;
                        c[i] = x[i] - dm[i];
                    }
                    out.put(v + "_dyad_mean", dm);
                }
                default -> throw new IllegalStateException();
            }
            out.put(v, c);
            rec.add(new Centred(v, e.getValue(), centres));
        }
        return new Result(out.isEmpty() ? data : data.withValues(out), rec);
    }

    private double mean(double[] x, java.util.function.IntPredicate use, String what) {
        double s = 0;
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (use.test(i) && !Double.isNaN(x[i])) {
                s += x[i];
                k++;
            }
        }
        if (k == 0) {
            throw new InputException("no value of " + what + " to centre on");
        }
        return s / k;
    }
}
