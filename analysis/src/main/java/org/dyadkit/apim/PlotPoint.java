package org.dyadkit.apim;

/**
 * One point of an interaction plot: the predicted outcome at a focal value and a moderator value, the
 * other terms at the means of their factors among the persons of the role in the model.
 *
 * @param focal the focal term
 * @param moderator the moderator
 * @param role the role or {@code all}
 * @param at the moderator value
 * @param focalValue the focal value (its mean - 1 SD and + 1 SD)
 * @param predicted the predicted outcome
 */
public record PlotPoint(String focal, String moderator, String role, double at, double focalValue,
        double predicted) {
}
