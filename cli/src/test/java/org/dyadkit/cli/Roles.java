package org.dyadkit.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Test helper: the row of a JSON array of per-role rows with a role. */
public final class Roles {
    private Roles() {
    }

    /** The row whose {@code role} is the given one. @throws AssertionError when there is none */
    public static JsonNode row(JsonNode rows, String role) {
        for (JsonNode r : rows) {
            if (r.path("role").asText().equals(role)) {
                return r;
            }
        }
        throw new AssertionError("no row for role " + role + " in " + rows);
    }
}
