package org.dyadkit.examples.simulate;

import java.util.List;

/**
 * The true parameter values of the simulated couple survey written by {@link CoupleSurveySimulator}.
 * Every value here is stated, with its meaning, in {@code docs/samples.md}; dyadic analyses of the sample
 * data can be checked against them (allowing for sampling error and for the attenuation that item
 * responses and ordinal categories bring).
 *
 * <p>The model, per couple: latent self-compassion {@code eta} of the man and the woman is bivariate
 * normal with means {@link #MAN_MEAN} and {@link #WOMAN_MEAN}, unit variances and correlation
 * {@link #COUPLE_CORRELATION}. Each facet of an instrument has a latent score
 * {@code F = w * cause + sqrt(1 - w^2) * z} with {@code z} standard normal, where {@code cause} is the
 * person's own {@code eta} (SCS, Authenticity Scale), the rated partner's {@code eta} (partner-rated
 * behaviour) or the person's latent satisfaction (RAS, where {@code F} is the satisfaction itself).
 * An item's continuous response is {@code y = s * (a + LOADING * F) + sqrt(1 - LOADING^2) * e}
 * ({@code s} = -1 for a reverse-worded item, {@code a} the facet intercept, {@code e} standard normal),
 * and the recorded answer is 1 plus the number of thresholds below {@code y}.
 *
 * <p>Latent satisfaction: {@code S = ACTOR * eta_self + PARTNER * eta_partner + r}, with residuals
 * normal with SD {@link #SATISFACTION_RESIDUAL_SD} and within-couple correlation
 * {@link #SATISFACTION_RESIDUAL_CORRELATION}.
 *
 * <p>Conflict styles ({@link #CONFLICT_STYLES}): each style is a facet of the person's own {@code eta}
 * whose unique parts are correlated {@link #STYLE_PARTNER_CORRELATION} between partners; the styles do
 * not enter satisfaction, so the true indirect effect of {@code eta} on satisfaction through any style
 * is zero.
 */
public final class SimulationModel {
    private SimulationModel() {
    }

    /** Mean latent self-compassion of men (women's mean is {@link #WOMAN_MEAN}; both SDs are 1). */
    public static final double MAN_MEAN = 0.10;
    /** Mean latent self-compassion of women: men are 0.20 SD higher, a small difference. */
    public static final double WOMAN_MEAN = -0.10;
    /** Correlation of the two partners' latent self-compassion. */
    public static final double COUPLE_CORRELATION = 0.30;

    /** Loading of every item's continuous response on its facet's latent score. */
    public static final double LOADING = 0.80;
    /** Thresholds of the 1..5 items (SCS, RAS): five categories. */
    public static final List<Double> THRESHOLDS_5 = List.of(-1.2, -0.4, 0.4, 1.2);
    /** Thresholds of the 1..7 items (Authenticity Scale, partner-rated behaviour): seven categories. */
    public static final List<Double> THRESHOLDS_7 = List.of(-1.5, -0.9, -0.3, 0.3, 0.9, 1.5);

    /** Actor effect of latent self-compassion on latent relationship satisfaction. */
    public static final double SATISFACTION_ACTOR = 0.40;
    /** Partner effect of the partner's latent self-compassion on latent relationship satisfaction. */
    public static final double SATISFACTION_PARTNER = 0.20;
    /** Residual SD of latent satisfaction (the same for men and women). */
    public static final double SATISFACTION_RESIDUAL_SD = 0.85;
    /** Within-couple correlation of the satisfaction residuals. */
    public static final double SATISFACTION_RESIDUAL_CORRELATION = 0.25;

    /** Probability that any one item cell is left blank at random (not in the {@code --clean} data). */
    public static final double MISSING_RATE = 0.01;

    /**
     * One facet: its score name, the item numbers that measure it, the weight {@code w} of its cause
     * (negative when the facet runs against the cause), its intercept {@code a}, and the items worded in
     * the reverse direction of the facet ({@code s = -1}).
     */
    public record Facet(String name, List<Integer> items, double weight, double intercept, List<Integer> reversedItems) {
        /** A facet whose items are all worded in its own direction. */
        public static Facet of(String name, List<Integer> items, double weight, double intercept) {
            return new Facet(name, items, weight, intercept, List.of());
        }
    }

    /**
     * SCS-26 facets (Neff 2003), in the direction of their raw items: the three uncompassionate facets
     * (self-judgment, isolation, over-identification) have negative weights, so their raw items run
     * against self-compassion and are reverse-scored (6 - x) for a total.
     */
    public static final List<Facet> SCS = List.of(
            Facet.of("self_kindness", List.of(5, 12, 19, 23, 26), 0.80, 0.0),
            Facet.of("self_judgment", List.of(1, 8, 11, 16, 21), -0.70, 0.0),
            Facet.of("common_humanity", List.of(3, 7, 10, 15), 0.60, 0.0),
            Facet.of("isolation", List.of(4, 13, 18, 25), -0.70, 0.0),
            Facet.of("mindfulness", List.of(9, 14, 17, 22), 0.75, 0.0),
            Facet.of("over_identification", List.of(2, 6, 20, 24), -0.70, 0.0));

    /**
     * Authenticity Scale facets (Wood et al. 2008): authentic living rises with self-compassion,
     * accepting external influence and self-alienation fall.
     */
    public static final List<Facet> AUTHENTICITY = List.of(
            Facet.of("authentic_living", List.of(1, 8, 9, 11), 0.50, 0.80),
            Facet.of("accepting_external_influence", List.of(3, 4, 5, 6), -0.30, -0.20),
            Facet.of("self_alienation", List.of(2, 7, 10, 12), -0.45, -0.70));

    /**
     * The RAS (Hendrick 1988) as one facet whose latent score is the satisfaction {@code S} itself
     * (weight 1, no unique part); items 4 and 7 are worded negatively.
     */
    public static final Facet RAS = new Facet("total", List.of(1, 2, 3, 4, 5, 6, 7), 1.0, 0.90, List.of(4, 7));

    /**
     * Partner-rated behaviour: each person rates the partner's caring (pb1-pb3), controlling (pb4-pb6) and
     * accepting (pb7-pb9) behaviour; the cause is the rated partner's self-compassion (after the finding
     * of Neff and Beretvas 2013 that self-compassionate people are described by their partners as more
     * caring and less controlling).
     */
    public static final List<Facet> PARTNER_BEHAVIOUR = List.of(
            Facet.of("caring", List.of(1, 2, 3), 0.40, 0.70),
            Facet.of("controlling", List.of(4, 5, 6), -0.35, -0.60),
            Facet.of("accepting", List.of(7, 8, 9), 0.40, 0.50));

    /**
     * Conflict styles, five 1..5 items each ({@code cs1..cs30}): the cause is the person's own
     * self-compassion. Compromise rises with it and submission falls (Yarnell and Neff 2013: self-compassionate
     * people compromise, people low in self-compassion subordinate their needs); the other four styles fall
     * a little. The style names are those of the Romantic Partner Conflict Scale (Zacchilli, Hendrick and
     * Hendrick 2009), but the items and their layout are the simulation's own: the RPCS item key was not
     * available to this project (docs/instruments-research.md), so nothing here reproduces it.
     */
    public static final List<Facet> CONFLICT_STYLES = List.of(
            Facet.of("compromise", List.of(1, 2, 3, 4, 5), 0.45, 0.50),
            Facet.of("domination", List.of(6, 7, 8, 9, 10), -0.25, -0.40),
            Facet.of("submission", List.of(11, 12, 13, 14, 15), -0.40, -0.20),
            Facet.of("avoidance", List.of(16, 17, 18, 19, 20), -0.20, 0.0),
            Facet.of("separation", List.of(21, 22, 23, 24, 25), -0.15, -0.10),
            Facet.of("interactional_reactivity", List.of(26, 27, 28, 29, 30), -0.30, -0.30));

    /**
     * Correlation of the two partners' unique parts {@code z} of the same conflict style. With
     * {@link #COUPLE_CORRELATION} also 0.30, the partners' latent style scores correlate exactly 0.30:
     * {@code cov = w^2 * 0.30 + (1 - w^2) * 0.30}.
     */
    public static final double STYLE_PARTNER_CORRELATION = 0.30;

    /**
     * The second element of the seed array of the conflict-style random stream: the conflict-style items
     * and their missing answers come from their own stream ({@code seed, CONFLICT_STREAM}), so adding them
     * left every earlier column of the sample unchanged.
     */
    public static final long CONFLICT_STREAM = 17L;
}
