package org.dyadkit.dyad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.dyadkit.InputException;
import org.dyadkit.InputException.Location;
import org.dyadkit.input.Messages;
import org.dyadkit.table.DataTable;

/**
 * Persons grouped into dyads: the input of every dyadic analysis, read from a {@link DataTable} in any
 * of the three {@link Layout layouts} and written back to any of them without loss.
 *
 * <pre>{@code
 * DyadicData couples = DyadicData.individual(table).dyad("cuplid").role("gender").build();
 * DyadicData same = DyadicData.dyad(wide).dyad("cuplid").roles("H", "W").role("gender").build();
 * DyadicData roommates = DyadicData.pairwise(table).dyad("pair").suffixes("_A", "_P").build();
 * for (Dyad d : couples.dyads()) { double husband = d.member("1").map(m -> m.value("satisfaction")).orElse(Double.NaN); }
 * DataTable wide = couples.toDyad();
 * }</pre>
 *
 * <p>Distinguishable dyads have a role per member, taken from a role column (individual and pairwise
 * layouts) or from the column suffixes {@code X_<role>} (dyad layout); indistinguishable dyads have
 * none, and their members are numbered 1 and 2 in order of appearance. Each variable is classified as
 * {@link VariableKind#BETWEEN between-dyad} (written once in the dyad and pairwise layouts),
 * {@link VariableKind#WITHIN within-dyad} or {@link VariableKind#MIXED mixed}.
 *
 * <p>Validation: a missing dyad id, duplicate persons (identical rows in a dyad), more than two persons in
 * a dyad, a role that does not distinguish the two members of a dyad, a missing role value and a third
 * role value are {@link InputException}s that list the offending dyads or lines. Dyads with one member are
 * kept and listed by {@link #singletons()}; other remarks (for example partner columns of a pairwise file
 * that disagree with the partner's own row) are listed by {@link #warnings()}.
 *
 * <p>Round trips: writing to one layout and reading back gives the same persons, dyads, roles and cells;
 * a table in dyadkit's own row order (dyads in order of first appearance, members in role order) comes
 * back cell for cell.
 */
public final class DyadicData {
    /** The default pairwise suffixes. */
    public static final List<String> DEFAULT_SUFFIXES = List.of("_A", "_P");
    /** The default member labels of indistinguishable dyads in the dyad layout ({@code X_1}, {@code X_2}). */
    public static final List<String> DEFAULT_MEMBER_LABELS = List.of("1", "2");
    /** The role column written to the individual and pairwise layouts when none was named. */
    public static final String DEFAULT_ROLE_COLUMN = "role";

    private final String source;
    private final String dyadColumn;
    private final String roleColumn;
    private final List<String> roles;
    private final List<String> labels;
    private final List<String> suffixes;
    private final List<String> order;
    private final List<String> variables;
    private final Set<String> known;
    /** Each variable's kind, judged on first request (most analyses ask about a few of the columns). */
    private final Map<String, VariableKind> kinds = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> personLevel;
    private final List<Dyad> dyads;
    private final List<String> warnings;
    /** The dyads with one member, listed on first request (an immutable list, so a benign race). */
    private volatile List<Dyad> singletons;
    /** The array view, made on first request. */
    private volatile DyadArrays arrays;

    private DyadicData(String source, String dyadColumn, String roleColumn, List<String> roles, List<String> labels,
            List<String> suffixes, List<String> order, Set<String> personLevel, List<Dyad> dyads,
            List<String> warnings) {
        this.source = source;
        this.dyadColumn = dyadColumn;
        this.roleColumn = roleColumn;
        this.roles = List.copyOf(roles);
        this.labels = List.copyOf(labels);
        this.suffixes = List.copyOf(suffixes);
        this.order = List.copyOf(order);
        this.variables = order.stream().filter(c -> !c.equals(dyadColumn) && !c.equals(roleColumn)).toList();
        this.personLevel = Set.copyOf(personLevel);
        this.dyads = List.copyOf(dyads);
        this.known = Set.copyOf(variables);
        this.warnings = List.copyOf(warnings);
    }

    // ------------------------------------------------------------------ factories

    /** Starts reading a table in the individual layout (one row per person). */
    public static Builder individual(DataTable table) {
        return new Builder(table, Layout.INDIVIDUAL);
    }

    /** Starts reading a table in the dyad layout (one row per dyad, {@code X_<role>} columns). */
    public static Builder dyad(DataTable table) {
        return new Builder(table, Layout.DYAD);
    }

    /** Starts reading a table in the pairwise layout (one row per person, {@code X_A}/{@code X_P} columns). */
    public static Builder pairwise(DataTable table) {
        return new Builder(table, Layout.PAIRWISE);
    }

    /** Starts reading a table in the given layout. */
    public static Builder layout(DataTable table, Layout layout) {
        return new Builder(table, Objects.requireNonNull(layout, "layout"));
    }

    /** Options for reading a table into dyads; {@link #build()} validates and groups. */
    public static final class Builder {
        private DataTable table;
        private boolean roleCodes;
        private final Layout layout;
        private String dyadColumn;
        private String roleColumn;
        private String personColumn;
        private List<String> roles;
        private boolean indistinguishable;
        private List<String> suffixes = DEFAULT_SUFFIXES;
        private String namesPattern;

        private Builder(DataTable table, Layout layout) {
            this.table = Objects.requireNonNull(table, "table");
            this.layout = layout;
        }

        /** The column holding the dyad id (required). */
        public Builder dyad(String column) {
            this.dyadColumn = column;
            return this;
        }

        /**
         * The column holding each person's role (individual and pairwise layouts); naming it makes the
         * dyads distinguishable. In the dyad layout it is the name of the role column written to the
         * other layouts (default {@code role}).
         */
        public Builder role(String column) {
            this.roleColumn = column;
            return this;
        }

        /**
         * The two role values, in the order used for members and columns. In the dyad layout they are the
         * column suffixes ({@code X_wife}) and make the dyads distinguishable; when absent they are inferred
         * from the column names (dyad layout: the two suffixes shared by the most variables; dyads whose
         * suffixes are {@code 1} and {@code 2} are taken as indistinguishable unless a role column name is
         * given) or taken in order of first appearance (other layouts). With {@link #indistinguishable()}
         * they are only the member suffixes of the dyad layout.
         */
        public Builder roles(String first, String second) {
            this.roles = List.of(first, second);
            return this;
        }

        /**
         * Keeps the role column's codes as role names. By default a role column with value labels (an SPSS
         * file's {@code VALUE LABELS gender 1 'husband' 2 'wife'}) names the roles by their labels, so that
         * every output says {@code husband} and {@code wife}; codes given to {@link #roles(String, String)} are
         * accepted either way.
         */
        public Builder roleCodes() {
            this.roleCodes = true;
            return this;
        }

        /** As {@link #roles(String, String)}, from a list of exactly two values. */
        public Builder roles(List<String> values) {
            if (values == null) {
                this.roles = null;
                return this;
            }
            if (values.size() != 2 || values.get(0).equals(values.get(1))) {
                throw new IllegalArgumentException("give exactly two different role values, for example husband,wife; got "
                        + values);
            }
            return roles(values.get(0), values.get(1));
        }

        /**
         * A column with a person id (individual and pairwise layouts, optional): an id used on more than one
         * row is reported as a duplicate person, wherever the rows are. Without it, duplicate persons are
         * identical rows within a dyad.
         */
        public Builder person(String column) {
            this.personColumn = column;
            return this;
        }

        /** Treats the dyads as indistinguishable even when a role column or role suffixes are given. */
        public Builder indistinguishable() {
            this.indistinguishable = true;
            return this;
        }

        /** Sets whether the dyads are treated as indistinguishable. */
        public Builder indistinguishable(boolean value) {
            this.indistinguishable = value;
            return this;
        }

        /**
         * How the member columns of the dyad layout are named: a pattern with {@code {var}} and {@code {role}}
         * ({@code {var}_{role}}, the default, {@code {var}.{role}}, {@code {role}_{var}}), or with the role
         * inside the name ({@code sat.g.{role}_{item}}; the variable is then the name without the role and one
         * separator beside it, {@code sat.g_3}). Without a pattern and without {@link #roles(String, String)}
         * the split is inferred from the names, and refused (naming the patterns that fit) when more than one
         * fits. Null: inferred.
         */
        public Builder names(String pattern) {
            this.namesPattern = pattern;
            return this;
        }

        /** The actor and partner suffixes of the pairwise layout (default {@code _A}, {@code _P}). */
        public Builder suffixes(String actor, String partner) {
            if (actor.isEmpty() || partner.isEmpty() || actor.equals(partner)) {
                throw new IllegalArgumentException("the actor and partner suffixes must be two different non-empty strings");
            }
            this.suffixes = List.of(actor, partner);
            return this;
        }

        /**
         * Reads, validates and groups the table.
         *
         * @throws InputException for a missing column, a missing dyad id or role, duplicate persons, more
         *     than two persons in a dyad, or a role that does not distinguish the members of a dyad (each
         *     message lists the dyads or lines concerned)
         * @throws IllegalStateException when no dyad column was named (individual and pairwise layouts; in
         *     the dyad layout each row is then a dyad numbered by its line, with a warning)
         */
        public DyadicData build() {
            if (layout == Layout.DYAD && dyadColumn == null) {
                return numbered().build();
            }
            if (dyadColumn == null || dyadColumn.isBlank()) {
                throw new IllegalStateException("name the dyad-id column with dyad(column)");
            }
            table.columnIndex(dyadColumn);
            boolean distinguishable = !indistinguishable && roleColumn != null;
            if (distinguishable && !roleCodes) {
                showRoleLabels();
            }
            return switch (layout) {
                case INDIVIDUAL -> readPersons(false, distinguishable);
                case PAIRWISE -> readPersons(true, distinguishable);
                case DYAD -> readDyads();
            };
        }

        /** Replaces the role column's codes (and those of its pairwise actor and partner copies) by their value labels. */
        private void showRoleLabels() {
            boolean mapped = false;
            for (String c : List.of(roleColumn, roleColumn + suffixes.get(0), roleColumn + suffixes.get(1))) {
                Map<String, String> labels = table.hasColumn(c) ? table.valueLabels(c) : Map.of();
                if (labels.isEmpty()) {
                    continue;
                }
                if (roles != null && !mapped) {
                    roles = roles.stream().map(r -> labels.getOrDefault(r, r)).toList();
                    mapped = true;
                }
                table = table.withLabelsShown(c);
            }
        }

        /** The wide table with a first column {@code dyad} holding the line numbers, read with the same options. */
        private Builder numbered() {
            String name = "dyad";
            for (int k = 2; table.hasColumn(name); k++) {
                name = "dyad" + k;
            }
            List<String> cols = new ArrayList<>();
            cols.add(name);
            cols.addAll(table.columns());
            List<String[]> rows = new ArrayList<>(table.rowCount());
            for (int r = 0; r < table.rowCount(); r++) {
                String[] row = new String[cols.size()];
                row[0] = Integer.toString(r + 1);
                System.arraycopy(table.row(r), 0, row, 1, cols.size() - 1);
                rows.add(row);
            }
            Builder b = new Builder(DataTable.of(table.source(), cols, rows), Layout.DYAD);
            b.dyadColumn = name;
            b.roleColumn = roleColumn;
            b.personColumn = personColumn;
            b.roles = roles;
            b.indistinguishable = indistinguishable;
            b.suffixes = suffixes;
            b.namesPattern = namesPattern;
            b.numberedRows = true;
            return b;
        }

        private boolean numberedRows;

        // ------------------------------------------------------------ individual and pairwise

        private DyadicData readPersons(boolean pairwise, boolean distinguishable) {
            String file = table.source();
            List<String> cols = table.columns();
            int dyadIdx = table.columnIndex(dyadColumn);
            String actorSuffix = suffixes.get(0);
            String partnerSuffix = suffixes.get(1);
            // a pairwise file may hold the role only as an actor column (gender_A for --role gender)
            String roleSource = distinguishable && pairwise && !table.hasColumn(roleColumn)
                    && table.hasColumn(roleColumn + actorSuffix) ? roleColumn + actorSuffix : roleColumn;
            int roleIdx = distinguishable ? table.columnIndex(roleSource) : -1;
            // variable name -> source column index; partner column index for pairwise
            List<String> order = new ArrayList<>();
            Map<String, Integer> actorCol = new LinkedHashMap<>();
            Map<String, Integer> partnerCol = new HashMap<>();
            Set<String> suffixed = new HashSet<>();
            List<String> warnings = new ArrayList<>();
            if (pairwise) {
                Map<String, Integer> partnerCandidates = new LinkedHashMap<>();
                Set<String> reserved = new HashSet<>();
                reserved.add(dyadColumn);
                if (roleIdx >= 0) {
                    reserved.add(roleColumn);
                }
                for (int c = 0; c < cols.size(); c++) {
                    String n = cols.get(c);
                    if (c == dyadIdx || c == roleIdx) {
                        order.add(c == roleIdx ? roleColumn : n);
                        continue;
                    }
                    String name = n;
                    boolean actor = n.endsWith(actorSuffix) && n.length() > actorSuffix.length();
                    if (actor) {
                        name = n.substring(0, n.length() - actorSuffix.length());
                    } else if (n.endsWith(partnerSuffix) && n.length() > partnerSuffix.length()) {
                        partnerCandidates.put(n.substring(0, n.length() - partnerSuffix.length()), c);
                        continue;
                    }
                    if (reserved.contains(name) || actorCol.containsKey(name)) {
                        warnings.add("column " + n + " was not read: the name " + name + " is already used by "
                                + (reserved.contains(name) ? "the dyad or role column" : "another column"));
                        continue;
                    }
                    actorCol.put(name, c);
                    order.add(name);
                    if (actor) {
                        suffixed.add(name);
                    }
                }
                for (Map.Entry<String, Integer> e : partnerCandidates.entrySet()) {
                    if (suffixed.contains(e.getKey())) {
                        partnerCol.put(e.getKey(), e.getValue());
                    } else {
                        warnings.add("column " + cols.get(e.getValue()) + " has no actor column " + e.getKey()
                                + actorSuffix + "; it was not read");
                    }
                }
            } else {
                for (int c = 0; c < cols.size(); c++) {
                    String n = cols.get(c);
                    order.add(n);
                    if (c != dyadIdx && c != roleIdx) {
                        actorCol.put(n, c);
                    }
                }
            }
            Map<String, String> sourceColumns = new HashMap<>();
            for (Map.Entry<String, Integer> e : actorCol.entrySet()) {
                sourceColumns.put(e.getKey(), cols.get(e.getValue()));
            }
            Map<String, Integer> memberColumns = Map.copyOf(actorCol);

            // group rows by dyad id: the groups in order of first appearance, each group's rows linked in row order
            int n = table.rowCount();
            List<String> missingId = new ArrayList<>();
            List<String> missingRole = new ArrayList<>();
            Groups groups = new Groups(n);
            String[] roleOf = distinguishable ? new String[n] : null;
            List<String> roleOrder = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                groupRow(r, dyadIdx, roleIdx, groups, roleOf, missingId, missingRole, roleOrder);
            }
            if (!missingId.isEmpty()) {
                throw new InputException(new Location(file, Long.parseLong(missingId.get(0)), dyadColumn, ""),
                        "missing dyad id on line" + plural(missingId) + " " + list(missingId)
                        + "; every person needs the id of their dyad");
            }
            if (!missingRole.isEmpty()) {
                throw new InputException(new Location(file, Long.parseLong(missingRole.get(0)), roleSource, ""),
                        "missing role on line" + plural(missingRole) + " " + list(missingRole)
                        + "; fill in the role, or analyse the dyads as indistinguishable");
            }
            List<String> roleValues = distinguishable ? resolveRoles(roleOrder, file) : List.of();
            if (personColumn != null) {
                checkPersons(file);
            }
            checkGroups(groups, file);

            // build members and dyads (every group has one or two rows now)
            List<Dyad> dyads = new ArrayList<>(groups.count());
            List<String> notDistinguished = new ArrayList<>();
            int[] mismatches = new int[cols.size()];
            String[] firstMismatch = new String[cols.size()];
            int[] rows = new int[2];
            for (int g = 0; g < groups.count(); g++) {
                String key = groups.id(g);
                int size = groups.size(g);
                rows[0] = groups.first(g);
                rows[1] = size == 2 ? groups.next(rows[0]) : -1;
                if (distinguishable && size == 2) {
                    if (roleOf[rows[0]].equals(roleOf[rows[1]])) {
                        notDistinguished.add(key + " (both " + roleOf[rows[0]]
                                + ", lines " + (rows[0] + 1) + " and " + (rows[1] + 1) + ")");
                        continue;
                    }
                    if (roleValues.indexOf(roleOf[rows[0]]) > roleValues.indexOf(roleOf[rows[1]])) {
                        int t = rows[0];
                        rows[0] = rows[1];
                        rows[1] = t;
                    }
                }
                Member[] members = new Member[size];
                for (int i = 0; i < size; i++) {
                    int r = rows[i];
                    String role = distinguishable ? roleOf[r] : null;
                    int position = distinguishable ? roleValues.indexOf(role) + 1 : i + 1;
                    members[i] = new Member(role, position, r + 1, table, r, memberColumns, file, sourceColumns);
                }
                if (pairwise && size == 2) {
                    for (Map.Entry<String, Integer> e : partnerCol.entrySet()) {
                        int a = actorCol.get(e.getKey());
                        int p = e.getValue();
                        for (int i = 0; i < 2; i++) {
                            String own = table.cell(rows[i], p);
                            String other = table.cell(rows[1 - i], a);
                            if (!sameCell(own, other)) {
                                if (mismatches[p]++ == 0) {
                                    firstMismatch[p] = "line " + (rows[i] + 1) + " has \"" + own
                                            + "\" where the partner's row (line " + (rows[1 - i] + 1) + ") has \""
                                            + other + "\" in " + cols.get(a);
                                }
                            }
                        }
                    }
                }
                if (pairwise && size == 1) {
                    for (Map.Entry<String, Integer> e : partnerCol.entrySet()) {
                        if (!isMissing(table.cell(rows[0], e.getValue()).strip())) {
                            warnings.add("line " + (rows[0] + 1) + ": dyad " + key
                                    + " has one row but partner values in " + cols.get(e.getValue())
                                    + "; they were not read (add the partner's row to use them)");
                            break;
                        }
                    }
                }
                dyads.add(new Dyad(key, List.of(members)));
            }
            if (!notDistinguished.isEmpty()) {
                throw new InputException(Location.file(file), "the role column " + roleColumn
                        + " does not distinguish the two members of dyad" + plural(notDistinguished) + " "
                        + list(notDistinguished) + "; correct the roles, or analyse the dyads as indistinguishable");
            }
            for (int c = 0; c < cols.size(); c++) {
                if (mismatches[c] > 0) {
                    warnings.add("column " + cols.get(c) + " disagrees with the partner's own values in "
                            + mismatches[c] + " row" + (mismatches[c] == 1 ? "" : "s") + " (first: " + firstMismatch[c]
                            + "); each person's own (actor) value was used");
                }
            }
            String roleCol = distinguishable ? roleColumn : null;
            return new DyadicData(file, dyadColumn, roleCol, roleValues, distinguishable ? roleValues
                    : DEFAULT_MEMBER_LABELS, suffixes, order, suffixed, dyads, warnings);
        }

        /**
         * One row of the grouping pass: its dyad id (or a missing-id line) and, with a role column, its role
         * (or a missing-role line). A method of its own so that a cold JVM compiles it after a few hundred
         * rows instead of interpreting the whole pass.
         */
        private void groupRow(int r, int dyadIdx, int roleIdx, Groups groups, String[] roleOf, List<String> missingId,
                List<String> missingRole, List<String> roleOrder) {
            String id = table.cell(r, dyadIdx).strip();
            if (id.isEmpty() || id.equals("NA")) {
                missingId.add(String.valueOf(r + 1));
                return;
            }
            groups.add(id, r);
            if (roleOf != null) {
                String role = table.cell(r, roleIdx).strip();
                roleOf[r] = role;
                if (role.isEmpty() || role.equals("NA")) {
                    missingRole.add(String.valueOf(r + 1));
                } else if (!roleOrder.contains(role)) {
                    roleOrder.add(role);
                }
            }
        }

        private List<String> resolveRoles(List<String> seen, String file) {
            if (roles != null) {
                List<String> unknown = seen.stream().filter(r -> !roles.contains(r)).toList();
                if (!unknown.isEmpty()) {
                    throw new InputException(Location.file(file), "role column " + roleColumn + " has value"
                            + plural(unknown) + " " + list(unknown) + " besides the roles given (" + String.join(", ",
                            roles) + ")");
                }
                return roles;
            }
            if (seen.size() > 2) {
                throw new InputException(Location.file(file), "role column " + roleColumn + " has " + seen.size()
                        + " different values (" + list(seen) + "); distinguishable dyads need exactly two roles");
            }
            if (seen.size() < 2) {
                throw new InputException(Location.file(file), "role column " + roleColumn + " has only one value ("
                        + list(seen) + "); name both roles (--roles a,b) or analyse the dyads as indistinguishable");
            }
            return seen;
        }

        private void checkPersons(String file) {
            int c = table.columnIndex(personColumn);
            Map<String, List<Integer>> lines = new LinkedHashMap<>();
            for (int r = 0; r < table.rowCount(); r++) {
                String id = table.cell(r, c).strip();
                if (!isMissing(id)) {
                    lines.computeIfAbsent(id, k -> new ArrayList<>()).add(r + 1);
                }
            }
            List<String> dups = lines.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .map(e -> e.getKey() + " (lines " + e.getValue().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ")").toList();
            if (!dups.isEmpty()) {
                throw new InputException(new Location(file, -1, personColumn, null), "duplicate person id"
                        + plural(dups) + " " + list(dups) + "; each person must appear once");
            }
        }

        private void checkGroups(Groups groups, String file) {
            List<String> duplicates = new ArrayList<>();
            List<String> tooMany = new ArrayList<>();
            for (int g = 0; g < groups.count(); g++) {
                int size = groups.size(g);
                if (size <= 2) {
                    if (size == 2) {
                        int a = groups.first(g);
                        int b = groups.next(a);
                        if (table.sameRow(a, b)) {
                            duplicates.add(groups.id(g) + " (lines " + (a + 1) + " and " + (b + 1) + ")");
                        }
                    }
                    continue;
                }
                List<Integer> rows = groups.rows(g);
                Set<List<String>> distinct = new HashSet<>();
                boolean dup = false;
                for (int r : rows) {
                    dup |= !distinct.add(Arrays.asList(table.row(r)));
                }
                String lines = rows.stream().map(r -> String.valueOf(r + 1)).collect(Collectors.joining(", "));
                if (dup) {
                    duplicates.add(groups.id(g) + " (lines " + lines + ")");
                } else {
                    tooMany.add(groups.id(g) + " (" + rows.size() + " persons, lines " + lines + ")");
                }
            }
            if (!duplicates.isEmpty()) {
                throw new InputException(Location.file(file), "duplicate persons (identical rows) in dyad"
                        + plural(duplicates) + " " + list(duplicates) + "; remove the repeated rows");
            }
            if (!tooMany.isEmpty()) {
                throw new InputException(Location.file(file), "more than two persons in dyad" + plural(tooMany) + " "
                        + list(tooMany) + "; check the " + dyadColumn + " column (each dyad id must be used by at most two persons)");
            }
        }

        // ------------------------------------------------------------ dyad layout

        private DyadicData readDyads() {
            String file = table.source();
            List<String> cols = table.columns();
            int dyadIdx = table.columnIndex(dyadColumn);
            WideNames names;
            List<String> labels;
            if (namesPattern == null && roles == null) {
                names = WideNames.infer(cols, dyadIdx, file);
                labels = WideNames.rolesOf(names, cols, dyadIdx);
            } else {
                String pattern = namesPattern == null ? WideNames.DEFAULT : namesPattern;
                try {
                    names = WideNames.of(pattern, roles);
                } catch (IllegalArgumentException e) {
                    throw new InputException(Location.file(file), e.getMessage());
                }
                labels = roles != null ? roles : WideNames.rolesOf(names, cols, dyadIdx);
                if (labels == null) {
                    throw new InputException(Location.file(file), "with --names '" + pattern + "' no variable has"
                            + " columns for two roles; check the pattern against the header ("
                            + Messages.cut(String.join(", ", cols)) + ")");
                }
                if (roles == null) {
                    names = WideNames.of(pattern, labels);
                }
            }
            // suffixes that only number the members (_1, _2) do not make the dyads distinguishable
            boolean distinguishable = !indistinguishable && (roles != null || roleColumn != null
                    || !labels.equals(DEFAULT_MEMBER_LABELS));
            String roleCol = distinguishable ? (roleColumn == null ? DEFAULT_ROLE_COLUMN : roleColumn) : null;
            // variable -> [column for member 1, column for member 2] or a single dyad-level column
            Map<String, int[]> person = new LinkedHashMap<>();
            Map<String, Integer> dyadLevel = new LinkedHashMap<>();
            List<String> order = new ArrayList<>();
            for (int c = 0; c < cols.size(); c++) {
                String n = cols.get(c);
                if (c == dyadIdx) {
                    order.add(n);
                    continue;
                }
                WideNames.Split split = names.split(n);
                int which = split == null ? -1 : labels.indexOf(split.role());
                String base = split == null ? null : split.variable();
                if (which < 0) {
                    if (dyadLevel.containsKey(n) || person.containsKey(n)) {
                        throw new InputException(new Location(file, 0, n, null), "column " + n
                                + " clashes with a member column of the same name; rename one of them");
                    }
                    dyadLevel.put(n, c);
                    order.add(n);
                } else {
                    if (dyadLevel.containsKey(base)) {
                        throw new InputException(new Location(file, 0, n, null), "column " + n
                                + " clashes with the dyad-level column " + base + "; rename one of them");
                    }
                    int[] pair = person.get(base);
                    if (pair == null) {
                        pair = new int[] {-1, -1};
                        person.put(base, pair);
                        if (roleCol != null && !order.contains(roleCol)) {
                            order.add(roleCol);
                        }
                        order.add(base);
                    }
                    pair[which] = c;
                }
            }
            if (roleCol != null && (dyadLevel.containsKey(roleCol) || person.containsKey(roleCol))) {
                throw new InputException(new Location(file, 0, roleCol, null), "the role column name " + roleCol
                        + " is already a variable; choose another name for the role column");
            }
            if (person.isEmpty()) {
                throw new InputException(Location.file(file), "no member columns of roles " + labels.get(0) + " and "
                        + labels.get(1) + " named as " + names.pattern() + "; name the columns with --names PATTERN"
                        + " and the roles with --roles a,b");
            }
            if (roleCol != null && !order.contains(roleCol)) {
                order.add(1, roleCol);
            }
            List<String> warnings = new ArrayList<>();
            for (Map.Entry<String, int[]> e : person.entrySet()) {
                for (int i = 0; i < 2; i++) {
                    if (e.getValue()[i] < 0) {
                        warnings.add("variable " + e.getKey() + " has no column " + names.column(e.getKey(), labels.get(i))
                                + "; it is missing for that member");
                    }
                }
            }
            List<Map<String, String>> sourceColumns = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Map<String, String> m = new HashMap<>();
                for (Map.Entry<String, int[]> e : person.entrySet()) {
                    m.put(e.getKey(), e.getValue()[i] >= 0 ? cols.get(e.getValue()[i]) : names.column(e.getKey(), labels.get(i)));
                }
                for (String d : dyadLevel.keySet()) {
                    m.put(d, d);
                }
                sourceColumns.add(Collections.unmodifiableMap(m));
            }

            // each position's variable -> column (-1: no column for that member, read as blank)
            List<Map<String, Integer>> memberColumns = new ArrayList<>(2);
            List<int[]> personCols = new ArrayList<>(2);
            for (int i = 0; i < 2; i++) {
                Map<String, Integer> m = new HashMap<>();
                int[] pc = new int[person.size()];
                int k = 0;
                for (Map.Entry<String, int[]> e : person.entrySet()) {
                    m.put(e.getKey(), e.getValue()[i]);
                    pc[k++] = e.getValue()[i];
                }
                m.putAll(dyadLevel);
                memberColumns.add(Map.copyOf(m));
                personCols.add(pc);
            }

            Map<String, Integer> seen = new HashMap<>();
            List<String> missingId = new ArrayList<>();
            List<String> duplicateIds = new ArrayList<>();
            List<Dyad> dyads = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                String id = table.cell(r, dyadIdx).strip();
                if (id.isEmpty() || id.equals("NA")) {
                    missingId.add(String.valueOf(r + 1));
                    continue;
                }
                Integer prev = seen.putIfAbsent(id, r);
                if (prev != null) {
                    duplicateIds.add(id + " (lines " + (prev + 1) + " and " + (r + 1) + ")");
                    continue;
                }
                List<Member> members = new ArrayList<>(2);
                for (int i = 0; i < 2; i++) {
                    boolean present = false;
                    for (int c : personCols.get(i)) {
                        present |= c >= 0 && !isMissing(table.cell(r, c).strip());
                    }
                    if (present) {
                        members.add(new Member(distinguishable ? labels.get(i) : null, i + 1, r + 1, table, r,
                                memberColumns.get(i), file, sourceColumns.get(i)));
                    }
                }
                if (members.isEmpty()) {
                    warnings.add("line " + (r + 1) + ": dyad " + id + " has no member values; it was left out");
                    continue;
                }
                if (!distinguishable && members.size() == 1 && members.get(0).position() == 2) {
                    Member m = members.get(0);
                    members.set(0, m.at(1, sourceColumns.get(1)));
                }
                dyads.add(new Dyad(id, members));
            }
            if (!missingId.isEmpty()) {
                throw new InputException(new Location(file, Long.parseLong(missingId.get(0)), dyadColumn, ""),
                        "missing dyad id on line" + plural(missingId) + " " + list(missingId)
                        + "; every row needs the id of its dyad");
            }
            if (!duplicateIds.isEmpty()) {
                throw new InputException(Location.file(file), "dyad id" + plural(duplicateIds) + " used on more than one row: "
                        + list(duplicateIds) + "; the dyad layout has one row per dyad");
            }
            if (numberedRows) {
                warnings.add(0, "no dyad id column was named: each row is one dyad, numbered by its line (1 to "
                        + table.rowCount() + ") in a column " + dyadColumn + "; name the couple id column with --dyad COL");
            }
            return new DyadicData(file, dyadColumn, roleCol, distinguishable ? labels : List.of(), labels, suffixes,
                    order, person.keySet(), dyads, warnings);
        }
    }

    /**
     * Rows grouped by dyad id without a list per group: the groups in order of first appearance, and each
     * group's rows linked in row order (first row, then {@link #next(int)} of each row).
     */
    private static final class Groups {
        private final Map<String, Integer> index;
        private final int[] next;
        private String[] ids;
        private int[] first;
        private int[] last;
        private int[] size;
        private int count;

        Groups(int rows) {
            index = new HashMap<>(Math.max(16, rows));
            next = new int[rows];
            int cap = Math.max(4, rows / 2 + 1);
            ids = new String[cap];
            first = new int[cap];
            last = new int[cap];
            size = new int[cap];
        }

        void add(String id, int row) {
            next[row] = -1;
            Integer g = index.putIfAbsent(id, count);
            if (g == null) {
                if (count == ids.length) {
                    int cap = count * 2;
                    ids = Arrays.copyOf(ids, cap);
                    first = Arrays.copyOf(first, cap);
                    last = Arrays.copyOf(last, cap);
                    size = Arrays.copyOf(size, cap);
                }
                ids[count] = id;
                first[count] = row;
                last[count] = row;
                size[count] = 1;
                count++;
            } else {
                next[last[g]] = row;
                last[g] = row;
                size[g]++;
            }
        }

        int count() {
            return count;
        }

        String id(int g) {
            return ids[g];
        }

        int size(int g) {
            return size[g];
        }

        int first(int g) {
            return first[g];
        }

        int next(int row) {
            return next[row];
        }

        List<Integer> rows(int g) {
            List<Integer> out = new ArrayList<>(size[g]);
            for (int r = first[g]; r >= 0; r = next[r]) {
                out.add(r);
            }
            return out;
        }
    }

    private static boolean sameCell(String a, String b) {
        String x = a.strip();
        String y = b.strip();
        if (x.equals(y)) {
            return true;
        }
        try {
            double u = Double.parseDouble(x);
            double v = Double.parseDouble(y);
            return Math.abs(u - v) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(u), Math.abs(v)));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String plural(List<?> items) {
        return items.size() == 1 ? "" : "s";
    }

    private static String list(List<String> items) {
        return Messages.list(items);
    }

    private VariableKind kindOf(String variable) {
        return kinds.computeIfAbsent(variable, this::classify);
    }

    private VariableKind classify(String variable) {
        boolean between = true;
        boolean within = true;
        boolean sameSet = true;
        boolean numeric = true;
        double sum = Double.NaN;
        String pairLow = null;
        String pairHigh = null;
        int compared = 0;
        for (Dyad d : dyads) {
            if (!d.complete()) {
                continue;
            }
            String a = d.members().get(0).text(variable).strip();
            String b = d.members().get(1).text(variable).strip();
            if (!a.equals(b)) {
                between = false;
            }
            if (isMissing(a) || isMissing(b)) {
                continue;
            }
            compared++;
            if (numeric) {
                try {
                    double s = Double.parseDouble(a) + Double.parseDouble(b);
                    if (Double.isNaN(sum)) {
                        sum = s;
                    } else if (Math.abs(s - sum) > 1e-9 * Math.max(1.0, Math.abs(sum))) {
                        within = false;
                    }
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            // the set {a, b} as its sorted pair ({a} as (a, a)), compared without building a set per dyad
            String low = a.compareTo(b) <= 0 ? a : b;
            String high = low == a ? b : a;
            if (pairLow == null) {
                pairLow = low;
                pairHigh = high;
            } else if (!pairLow.equals(low) || !pairHigh.equals(high)) {
                sameSet = false;
            }
        }
        if (between) {
            return VariableKind.BETWEEN;
        }
        return (numeric ? within : sameSet) && compared > 1 ? VariableKind.WITHIN : VariableKind.MIXED;
    }

    private static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals("NA") || cell.equals(".");
    }

    // ------------------------------------------------------------------ accessors

    /** The name of the input used in messages. */
    public String source() {
        return source;
    }

    /** The dyads, in order of first appearance in the input; each with its one or two members. */
    public List<Dyad> dyads() {
        return dyads;
    }

    /** The number of dyads (including those with one member). */
    public int size() {
        return dyads.size();
    }

    /** The dyads with one member only (kept, never dropped). */
    public List<Dyad> singletons() {
        List<Dyad> s = singletons;
        if (s == null) {
            s = dyads.stream().filter(d -> !d.complete()).toList();
            singletons = s;
        }
        return s;
    }

    /** Whether the members have roles. */
    public boolean distinguishable() {
        return !roles.isEmpty();
    }

    /** The two role values in member order; empty for indistinguishable dyads. */
    public List<String> roles() {
        return roles;
    }

    /** The dyad-id column. */
    public String dyadColumn() {
        return dyadColumn;
    }

    /** The role column; {@code null} for indistinguishable dyads. */
    public String roleColumn() {
        return roleColumn;
    }

    /** The person-level and dyad-level variables in column order (without the dyad and role columns). */
    public List<String> variables() {
        return variables;
    }

    /** Whether a variable of that name exists. */
    public boolean hasVariable(String name) {
        return known.contains(name);
    }

    /**
     * The kind of a variable, judged from the complete dyads.
     *
     * @throws InputException when there is no such variable (the message suggests near names)
     */
    public VariableKind kind(String variable) {
        requireVariable(variable);
        return kindOf(variable);
    }

    /**
     * Checks that a variable exists.
     *
     * @throws InputException naming the input and suggesting near names when it does not
     */
    public void requireVariable(String variable) {
        if (!known.contains(variable)) {
            throw new InputException(Location.file(source), "no variable named \"" + variable + "\""
                    + DataTable.suggest(variable, variables) + "; variables are: "
                    + org.dyadkit.input.Messages.list(List.copyOf(variables)));
        }
    }

    /** Remarks made while reading (columns not read, partner columns that disagree, dyads without values). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The values of a variable for the member at a position (1 or 2), aligned with {@link #dyads()};
     * {@code NaN} where the member or the value is missing.
     *
     * @throws InputException when the variable is absent or a cell is not a number
     */
    public double[] values(String variable, int position) {
        requireVariable(variable);
        double[] out = new double[dyads.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dyads.get(i).member(position).map(m -> m.value(variable)).orElse(Double.NaN);
        }
        return out;
    }

    /**
     * The values of a variable for the member with a role, aligned with {@link #dyads()}; {@code NaN} where
     * the member or the value is missing.
     *
     * @throws IllegalArgumentException when the role is not one of {@link #roles()}
     * @throws InputException when the variable is absent or a cell is not a number
     */
    public double[] values(String variable, String role) {
        int i = roles.indexOf(role);
        if (i < 0) {
            throw new IllegalArgumentException("no role \"" + role + "\"; roles are " + roles);
        }
        return values(variable, i + 1);
    }

    /** The array view of these data ({@link DyadArrays#of(DyadicData)}), made once. */
    DyadArrays arrays() {
        DyadArrays a = arrays;
        if (a == null) {
            synchronized (this) {
                a = arrays;
                if (a == null) {
                    a = DyadArrays.make(this);
                    arrays = a;
                }
            }
        }
        return a;
    }

    // ------------------------------------------------------------------ writers

    /** The data in a layout (see {@link #toIndividual()}, {@link #toDyad()}, {@link #toPairwise()}). */
    public DataTable to(Layout layout) {
        return switch (layout) {
            case INDIVIDUAL -> toIndividual();
            case DYAD -> toDyad();
            case PAIRWISE -> toPairwise();
        };
    }

    private boolean personLevel(String variable) {
        return personLevel.contains(variable) || kindOf(variable) != VariableKind.BETWEEN;
    }

    /** One row per person: the dyad id, the role (distinguishable dyads) and every variable. */
    public DataTable toIndividual() {
        List<String> header = new ArrayList<>(order);
        List<String[]> rows = new ArrayList<>();
        for (Dyad d : dyads) {
            for (Member m : d.members()) {
                String[] row = new String[header.size()];
                for (int c = 0; c < row.length; c++) {
                    String n = header.get(c);
                    row[c] = n.equals(dyadColumn) ? d.id() : n.equals(roleColumn) ? m.role() : m.text(n);
                }
                rows.add(row);
            }
        }
        return DataTable.of(source, header, rows);
    }

    /**
     * One row per dyad: between-dyad variables once, person-level variables as {@code X_<role>} columns
     * (member labels {@code _1}/{@code _2} for indistinguishable dyads), all of the first role's columns
     * and then all of the second's, placed where the first person-level variable stood. An absent
     * member's cells are blank; when reading this layout, a member whose person-level cells are all blank
     * (blank, {@code NA} or {@code .}) is taken as absent.
     */
    public DataTable toDyad() {
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<Object> plan = blockPlan();
        for (Object o : plan) {
            if (o instanceof String n) {
                header.add(n);
            } else {
                for (String label : labels) {
                    for (String v : personVariables()) {
                        header.add(v + "_" + label);
                    }
                }
            }
        }
        for (Dyad d : dyads) {
            List<String> row = new ArrayList<>(header.size());
            for (Object o : plan) {
                if (o instanceof String n) {
                    row.add(n.equals(dyadColumn) ? d.id() : d.members().get(0).text(n));
                } else {
                    for (int p = 1; p <= 2; p++) {
                        Member m = d.member(p).orElse(null);
                        for (String v : personVariables()) {
                            row.add(m == null ? "" : m.text(v));
                        }
                    }
                }
            }
            rows.add(row.toArray(new String[0]));
        }
        return DataTable.of(source, header, rows);
    }

    /** The person-level variables (written once per member) in column order. */
    private List<String> personVariables() {
        return variables.stream().filter(this::personLevel).toList();
    }

    /**
     * The column plan of the wide layouts: the dyad column and dyad-level variables by name in their
     * places, and one marker (the plan list itself is never a member) where the block of person-level
     * columns goes, at the place of the first person-level variable. The role column is left out.
     */
    private List<Object> blockPlan() {
        List<Object> plan = new ArrayList<>();
        boolean block = false;
        for (String n : order) {
            if (n.equals(roleColumn)) {
                continue;
            }
            if (n.equals(dyadColumn) || !personLevel(n)) {
                plan.add(n);
            } else if (!block) {
                plan.add(Boolean.TRUE);
                block = true;
            }
        }
        return plan;
    }

    /**
     * One row per person: between-dyad variables once, the role column, then each person-level variable
     * as an actor column (own value) and, after all of them, as a partner column (the partner's value,
     * blank when the partner is absent), with the suffixes given to the builder (default {@code _A},
     * {@code _P}).
     */
    public DataTable toPairwise() {
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<Object> plan = blockPlan();
        List<String> person = personVariables();
        boolean roleDone = roleColumn == null;
        for (Object o : plan) {
            if (o instanceof String n) {
                header.add(n);
            } else {
                if (!roleDone) {
                    header.add(roleColumn);
                    roleDone = true;
                }
                for (String suffix : suffixes) {
                    for (String v : person) {
                        header.add(v + suffix);
                    }
                }
            }
        }
        if (!roleDone) {
            header.add(roleColumn);
        }
        for (Dyad d : dyads) {
            for (Member m : d.members()) {
                Member partner = d.partner(m).orElse(null);
                List<String> row = new ArrayList<>(header.size());
                boolean roleWritten = roleColumn == null;
                for (Object o : plan) {
                    if (o instanceof String n) {
                        row.add(n.equals(dyadColumn) ? d.id() : m.text(n));
                    } else {
                        if (!roleWritten) {
                            row.add(m.role());
                            roleWritten = true;
                        }
                        for (String v : person) {
                            row.add(m.text(v));
                        }
                        for (String v : person) {
                            row.add(partner == null ? "" : partner.text(v));
                        }
                    }
                }
                if (!roleWritten) {
                    row.add(m.role());
                }
                rows.add(row.toArray(new String[0]));
            }
        }
        return DataTable.of(source, header, rows);
    }

    @Override
    public String toString() {
        return "DyadicData[" + source + ", " + dyads.size() + " dyads, " + (distinguishable() ? "roles " + roles
                : "indistinguishable") + ", " + singletons().size() + " with one member]";
    }
}
