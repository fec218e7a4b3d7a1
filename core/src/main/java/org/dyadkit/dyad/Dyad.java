package org.dyadkit.dyad;

import java.util.List;
import java.util.Optional;

/**
 * One dyad: its id and its one or two members, in position order (role order for distinguishable dyads).
 * A dyad with one member is kept: it contributes wherever a statistic can use a single person.
 *
 * @param id the dyad id as read (trimmed)
 * @param members one or two members, in position order
 */
public record Dyad(String id, List<Member> members) {
    /** A dyad; the member list is copied. */
    public Dyad {
        members = List.copyOf(members);
    }

    /** Whether both members are present. */
    public boolean complete() {
        return members.size() == 2;
    }

    /** The member with a role, if present. */
    public Optional<Member> member(String role) {
        return members.stream().filter(m -> role.equals(m.role())).findFirst();
    }

    /** The member at position 1 or 2, if present. */
    public Optional<Member> member(int position) {
        return members.stream().filter(m -> m.position() == position).findFirst();
    }

    /** The other member of the dyad, if present. */
    public Optional<Member> partner(Member member) {
        return members.stream().filter(m -> m != member).findFirst();
    }
}
