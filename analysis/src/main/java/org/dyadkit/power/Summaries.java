package org.dyadkit.power;

import java.util.OptionalDouble;

/** The one-sentence summaries of power rows, in the wording of APIMPowerR's summary text. */
final class Summaries {
    private Summaries() {
    }

    static String what(String name, String role, String kind, boolean distinguishable, java.util.List<String> roles,
            double size, OptionalDouble beta, OptionalDouble partialR) {
        String sz = ApimPower.apa(size);
        if (name.endsWith("_difference")) {
            return "a difference between the " + roles.get(0) + " and " + roles.get(1) + " " + kind + " effects of size "
                    + sz;
        }
        if (name.endsWith("_average")) {
            return "the average of the " + roles.get(0) + " and " + roles.get(1) + " " + kind + " effects of size " + sz;
        }
        String who = distinguishable && role != null ? " for " + role : "";
        String article = kind.startsWith("a") ? "an " : "a ";
        String tail = beta.isPresent() && partialR.isPresent()
                ? " (i.e., a beta of " + ApimPower.apa(beta.getAsDouble()) + " or a partial r of "
                        + ApimPower.apa(partialR.getAsDouble()) + ")" : "";
        return article + kind + " effect" + who + " of size " + sz + tail;
    }

    static String analytic(ApimPower d, ApimPower.Effect e, int n, double power, double size, OptionalDouble beta,
            OptionalDouble partialR) {
        String w = what(e.name(), e.role(), e.kind(), d.distinguishable, d.roles, size, beta, partialR);
        if (d.target != null) {
            if (n < 0) {
                return "No number of dyads gives " + ApimPower.apa(d.target) + " power to detect " + w + ".";
            }
            return "At minimum, " + n + " dyads (power " + ApimPower.apa(power) + ") are needed to have "
                    + ApimPower.apa(d.target) + " power to detect " + w + ".";
        }
        return "There is " + ApimPower.apa(power) + " power to detect " + w + " with " + n + " dyads.";
    }
}
