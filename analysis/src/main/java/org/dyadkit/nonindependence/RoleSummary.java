package org.dyadkit.nonindependence;

/**
 * Mean and standard deviation (n - 1 denominator) of a variable among the members with one role, over every
 * member of that role with a value (members whose partner is missing included).
 *
 * @param role the role value
 * @param n the number of members with a value
 * @param mean their mean
 * @param sd their standard deviation
 */
public record RoleSummary(String role, int n, double mean, double sd) {
}
