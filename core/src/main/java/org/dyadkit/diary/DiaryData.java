package org.dyadkit.diary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dyadkit.InputException;
import org.dyadkit.InputException.Location;
import org.dyadkit.table.DataTable;

/**
 * Couples measured repeatedly: long (person-period) data with one row per person per occasion, with dyad,
 * role, person and occasion columns. Both partners' rows of the same occasion are linked, so that a
 * model can use the partner's value at that occasion; missing occasions and missing partners at an
 * occasion are kept (an unbalanced design is the normal case in diary studies).
 *
 * <pre>{@code
 * DiaryData diary = DiaryData.of(table).dyad("couple").role("gender").occasion("day").build();
 * double[] y = diary.variable("closeness");
 * double[] p = diary.variable("partner(within(stress))");  // partner's person-mean centred stress, same day
 * }</pre>
 *
 * <p>The person is identified by the person column, or, without one, by dyad and role (so a role column
 * is then needed). A person belongs to one dyad and has at most one row per occasion; a dyad has at most
 * two persons; a blank dyad, person or occasion cell, a second row of the same person and occasion, a
 * third person in a dyad and a person in two dyads are {@link InputException}s naming the line.
 *
 * <p>Derived variables, by name ({@link #variable(String)}), as diary researchers compute them by hand
 * (Bolger and Laurenceau 2013, ch. 4; Kenny, Kashy and Cook 2006, ch. 13); they nest, as in
 * {@code partner(lag(y))}:
 * <ul>
 *   <li>{@code partner(x)}: the partner's value at the same occasion (missing without a partner row);</li>
 *   <li>{@code lag(x)}: the same person's value at occasion {@code t - 1} (missing when that occasion was
 *       not observed); {@code lag(x, g)}: the value at the latest earlier observed occasion no more than
 *       {@code g} occasions back (the gap rule);</li>
 *   <li>{@code within(x)}: the person-mean centred value {@code x - mean_person(x)} (the within-person part);</li>
 *   <li>{@code between(x)}: the person mean of x over the person's non-missing rows (the between part);</li>
 *   <li>{@code grand(x)}: the grand-mean centred value {@code x - mean(x)} over all non-missing rows;</li>
 *   <li>{@code centre(x, c)}: {@code x - c}, for example time recentred at a chosen occasion;</li>
 *   <li>{@code I(x^k)}: the power of a variable (for quadratic growth, as R's {@code I(time^2)});</li>
 *   <li>a role value such as {@code man}, when no column has that name: the 0/1 indicator of that role.</li>
 * </ul>
 * Missing values are {@code Double.NaN} inside the arrays (the house convention of {@link DataTable});
 * analyses drop such rows and count them in their sample.
 */
public final class DiaryData {
    private final DataTable table;
    private final String dyadColumn;
    private final String roleColumn;
    private final String personColumn;
    private final String occasionColumn;
    private final int[] dyad;
    private final int[] person;
    private final double[] occasion;
    private final String[] role;
    private final int[] partner;
    /** Rows of each person ordered by occasion. */
    private final int[][] personRows;
    private final List<String> dyadIds;
    private final List<String> roleValues;
    private final int occasions;
    private final Map<String, double[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private DiaryData(Builder b) {
        this.table = b.table;
        this.dyadColumn = b.dyad;
        this.roleColumn = b.role;
        this.personColumn = b.person;
        this.occasionColumn = b.occasion;
        String src = table.source();
        int n = table.rowCount();
        if (dyadColumn == null || occasionColumn == null) {
            throw new IllegalStateException("a diary needs a dyad and an occasion column");
        }
        if (personColumn == null && roleColumn == null) {
            throw new InputException(Location.file(src), "neither a person nor a role column was named; name the "
                    + "person column (--person) or the role column (--role) so that partners can be told apart");
        }
        String[] dyadCells = table.text(dyadColumn);
        String[] roleCells = roleColumn == null ? null : table.text(roleColumn);
        String[] personCells = personColumn == null ? null : table.text(personColumn);
        String[] occCells = table.text(occasionColumn);
        dyad = new int[n];
        person = new int[n];
        occasion = new double[n];
        role = new String[n];
        Map<String, Integer> dyadIndex = new LinkedHashMap<>();
        Map<String, Integer> personIndex = new LinkedHashMap<>();
        List<Integer> personDyad = new ArrayList<>();
        List<String> personRole = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            String d = dyadCells[r].strip();
            if (d.isEmpty() || d.equals("NA")) {
                throw new InputException(new Location(src, r + 1, dyadColumn, dyadCells[r]),
                        "the dyad id is blank; every row needs the id of its couple");
            }
            String o = occCells[r].strip();
            double t;
            try {
                t = Double.parseDouble(o);
            } catch (NumberFormatException e) {
                throw new InputException(new Location(src, r + 1, occasionColumn, occCells[r]),
                        "the occasion is not a number; number the occasions (day 1, 2, ...) in this column");
            }
            if (!Double.isFinite(t)) {
                throw new InputException(new Location(src, r + 1, occasionColumn, occCells[r]),
                        "the occasion is not a finite number");
            }
            String ro = null;
            if (roleCells != null) {
                ro = roleCells[r].strip();
                if (ro.isEmpty() || ro.equals("NA")) {
                    throw new InputException(new Location(src, r + 1, roleColumn, roleCells[r]),
                            "the role is blank; give every row its partner's role");
                }
                if (!roles.contains(ro)) {
                    roles.add(ro);
                }
            }
            String pid;
            if (personCells != null) {
                pid = personCells[r].strip();
                if (pid.isEmpty() || pid.equals("NA")) {
                    throw new InputException(new Location(src, r + 1, personColumn, personCells[r]),
                            "the person id is blank; every row needs the id of its person");
                }
            } else {
                pid = d + "\u0000" + ro;
            }
            int di = dyadIndex.computeIfAbsent(d, k -> dyadIndex.size());
            Integer pi = personIndex.get(pid);
            if (pi == null) {
                pi = personIndex.size();
                personIndex.put(pid, pi);
                personDyad.add(di);
                personRole.add(ro);
            } else {
                if (personDyad.get(pi) != di) {
                    throw new InputException(new Location(src, r + 1, dyadColumn, dyadCells[r]),
                            "person " + pidText(pid) + " appears in two dyads; a person belongs to one couple");
                }
                if (!Objects.equals(personRole.get(pi), ro)) {
                    throw new InputException(new Location(src, r + 1, roleColumn, roleCells[r]),
                            "person " + pidText(pid) + " has two roles (" + org.dyadkit.input.Messages.cut(personRole.get(pi))
                                    + " and " + org.dyadkit.input.Messages.cut(ro) + "); a person keeps one role");
                }
            }
            dyad[r] = di;
            person[r] = pi;
            occasion[r] = t;
            role[r] = ro;
        }
        if (roleColumn != null && roles.size() > 2) {
            throw new InputException(new Location(src, -1, roleColumn, roles.get(2)),
                    "a third role value; distinguishable dyads have two roles (" + roles.get(0) + ", " + roles.get(1)
                            + ")");
        }
        this.roleValues = List.copyOf(roles);
        this.dyadIds = List.copyOf(dyadIndex.keySet());
        int persons = personIndex.size();
        // persons per dyad
        int[] perDyad = new int[dyadIds.size()];
        int[][] dyadPersons = new int[dyadIds.size()][2];
        for (int p = 0; p < persons; p++) {
            int di = personDyad.get(p);
            if (perDyad[di] == 2) {
                int line = firstRowOf(p) + 1;
                throw new InputException(new Location(src, line, personColumn != null ? personColumn : roleColumn, null),
                        "dyad " + dyadIds.get(di) + " has more than two persons; a couple has two partners");
            }
            if (perDyad[di] == 1 && roleColumn != null && Objects.equals(personRole.get(dyadPersons[di][0]),
                    personRole.get(p))) {
                int line = firstRowOf(p) + 1;
                throw new InputException(new Location(src, line, roleColumn, personRole.get(p)),
                        "both persons of dyad " + dyadIds.get(di) + " have role " + personRole.get(p)
                                + "; the role must tell the partners apart");
            }
            dyadPersons[di][perDyad[di]++] = p;
        }
        // rows of each person ordered by occasion; duplicates
        List<List<Integer>> byPerson = new ArrayList<>();
        for (int p = 0; p < persons; p++) {
            byPerson.add(new ArrayList<>());
        }
        for (int r = 0; r < n; r++) {
            byPerson.get(person[r]).add(r);
        }
        personRows = new int[persons][];
        for (int p = 0; p < persons; p++) {
            int[] rows = byPerson.get(p).stream().mapToInt(Integer::intValue).toArray();
            Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, (a, c) -> Double.compare(occasion[a], occasion[c]));
            for (int i = 1; i < boxed.length; i++) {
                if (occasion[boxed[i]] == occasion[boxed[i - 1]]) {
                    int later = Math.max(boxed[i], boxed[i - 1]);
                    throw new InputException(new Location(src, later + 1, occasionColumn, occCells[later]),
                            "a second row of the same person at the same occasion (also line "
                                    + (Math.min(boxed[i], boxed[i - 1]) + 1) + "); keep one row per person per occasion");
                }
            }
            personRows[p] = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
        // partners at the same occasion
        partner = new int[n];
        Arrays.fill(partner, -1);
        for (int d = 0; d < dyadIds.size(); d++) {
            if (perDyad[d] < 2) {
                continue;
            }
            int a = dyadPersons[d][0];
            int c = dyadPersons[d][1];
            linkPartners(personRows[a], personRows[c]);
        }
        java.util.Set<Double> occ = new java.util.HashSet<>();
        for (double t : occasion) {
            occ.add(t);
        }
        this.occasions = occ.size();
    }

    private void linkPartners(int[] ra, int[] rc) {
        int i = 0;
        int j = 0;
        while (i < ra.length && j < rc.length) {
            double ta = occasion[ra[i]];
            double tc = occasion[rc[j]];
            if (ta == tc) {
                partner[ra[i]] = rc[j];
                partner[rc[j]] = ra[i];
                i++;
                j++;
            } else if (ta < tc) {
                i++;
            } else {
                j++;
            }
        }
    }

    private int firstRowOf(int p) {
        for (int r = 0; r < person.length; r++) {
            if (person[r] == p) {
                return r;
            }
        }
        return -1;
    }

    private static String pidText(String pid) {
        return pid.replace('\u0000', '/');
    }

    /** Starts a diary from a long (person-period) table. */
    public static Builder of(DataTable table) {
        return new Builder(Objects.requireNonNull(table, "table"));
    }

    /** Names the columns of a long (person-period) table. */
    public static final class Builder {
        private final DataTable table;
        private String dyad;
        private String role;
        private String person;
        private String occasion;

        private Builder(DataTable table) {
            this.table = table;
        }

        /** The dyad (couple) id column. */
        public Builder dyad(String column) {
            table.columnIndex(column);
            this.dyad = column;
            return this;
        }

        /** The role column (distinguishable dyads); optional when a person column is given. */
        public Builder role(String column) {
            if (column != null) {
                table.columnIndex(column);
            }
            this.role = column;
            return this;
        }

        /** The person id column; optional when a role column is given (the person is then dyad and role). */
        public Builder person(String column) {
            if (column != null) {
                table.columnIndex(column);
            }
            this.person = column;
            return this;
        }

        /** The occasion column (day, wave): numbers, the AR(1) and lag index. */
        public Builder occasion(String column) {
            table.columnIndex(column);
            this.occasion = column;
            return this;
        }

        /** The diary, validated (see the class description for what is refused). */
        public DiaryData build() {
            if (dyad == null) {
                throw new IllegalStateException("name the dyad column with dyad(...)");
            }
            if (occasion == null) {
                throw new IllegalStateException("name the occasion column with occasion(...)");
            }
            return new DiaryData(this);
        }
    }

    /** The table the diary was read from. */
    public DataTable table() {
        return table;
    }

    /** The name used in messages (usually the file). */
    public String source() {
        return table.source();
    }

    /** The number of rows (person-occasions). */
    public int rowCount() {
        return dyad.length;
    }

    /** The dyad column. */
    public String dyadColumn() {
        return dyadColumn;
    }

    /** The role column, when the dyads are distinguishable. */
    public Optional<String> roleColumn() {
        return Optional.ofNullable(roleColumn);
    }

    /** The person column, when one was named. */
    public Optional<String> personColumn() {
        return Optional.ofNullable(personColumn);
    }

    /** The occasion column. */
    public String occasionColumn() {
        return occasionColumn;
    }

    /** The dyad ids in order of first appearance. */
    public List<String> dyadIds() {
        return dyadIds;
    }

    /** The role values in order of first appearance (empty without a role column). */
    public List<String> roles() {
        return roleValues;
    }

    /** The number of dyads. */
    public int dyadCount() {
        return dyadIds.size();
    }

    /** The number of persons. */
    public int personCount() {
        return personRows.length;
    }

    /** The number of distinct occasion values. */
    public int occasionCount() {
        return occasions;
    }

    /** The dyad (index into {@link #dyadIds()}) of a row. */
    public int dyadOf(int row) {
        return dyad[row];
    }

    /** The person (from 0, in order of first appearance) of a row. */
    public int personOf(int row) {
        return person[row];
    }

    /** The occasion of a row. */
    public double occasionOf(int row) {
        return occasion[row];
    }

    /** The role value of a row, or null without a role column. */
    public String roleOf(int row) {
        return role[row];
    }

    /** The row of the partner at the same occasion, or -1 when the partner has no row there. */
    public int partnerRow(int row) {
        return partner[row];
    }

    /** Whether the expression names a text (non-numeric) column, to be coded as a factor. */
    public boolean isFactor(String expression) {
        String e = expression.strip();
        if (!table.hasColumn(e)) {
            return false;
        }
        for (String s : table.text(e)) {
            String v = s.strip();
            if (v.isEmpty() || v.equals("NA") || v.equals(".")) {
                continue;
            }
            try {
                Double.parseDouble(v);
            } catch (NumberFormatException ex) {
                return true;
            }
        }
        return false;
    }

    /** The text of a factor column per row, blank and {@code NA} as null. */
    public String[] factor(String column) {
        String[] cells = table.text(column.strip());
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String v = cells[i].strip();
            out[i] = v.isEmpty() || v.equals("NA") || v.equals(".") ? null : v;
        }
        return out;
    }

    /**
     * The values of a variable or derived expression per row (a copy), {@code NaN} where missing. See the
     * class description for the functions.
     *
     * @throws InputException when a column is missing or not numeric, or the expression cannot be read
     */
    public double[] variable(String expression) {
        String key = expression.replaceAll("\\s+", "");
        return cache.computeIfAbsent(key, k -> new Expr(k).parse()).clone();
    }

    private double[] raw(String name) {
        if (table.hasColumn(name)) {
            return table.numeric(name);
        }
        if (roleColumn != null && roleValues.contains(name)) {
            double[] out = new double[role.length];
            for (int r = 0; r < out.length; r++) {
                out[r] = name.equals(role[r]) ? 1 : 0;
            }
            return out;
        }
        if (name.equals(occasionColumn)) {
            return occasion.clone();
        }
        table.columnIndex(name); // throws with a hint
        throw new AssertionError();
    }

    private double[] partnerOf(double[] x) {
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            out[r] = partner[r] < 0 ? Double.NaN : x[partner[r]];
        }
        return out;
    }

    private double[] lagOf(double[] x, double gap) {
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        for (int[] rows : personRows) {
            for (int i = 0; i < rows.length; i++) {
                double t = occasion[rows[i]];
                for (int j = i - 1; j >= 0; j--) {
                    double s = occasion[rows[j]];
                    if (t - s > gap + 1e-9) {
                        break;
                    }
                    if (gap == 1) {
                        if (Math.abs(t - s - 1) < 1e-9) {
                            out[rows[i]] = x[rows[j]];
                        }
                        break;
                    }
                    if (!Double.isNaN(x[rows[j]])) {
                        out[rows[i]] = x[rows[j]];
                        break;
                    }
                }
            }
        }
        return out;
    }

    private double[] personMean(double[] x) {
        double[] out = new double[x.length];
        for (int[] rows : personRows) {
            double s = 0;
            int k = 0;
            for (int r : rows) {
                if (!Double.isNaN(x[r])) {
                    s += x[r];
                    k++;
                }
            }
            double m = k == 0 ? Double.NaN : s / k;
            for (int r : rows) {
                out[r] = m;
            }
        }
        return out;
    }

    /** A recursive-descent reader of the derived-variable expressions. */
    private final class Expr {
        private final String s;
        private int pos;

        Expr(String s) {
            this.s = s;
        }

        double[] parse() {
            double[] v = term();
            if (pos != s.length()) {
                throw bad("unexpected '" + s.charAt(pos) + "'");
            }
            return v;
        }

        private InputException bad(String what) {
            return new InputException(Location.file(table.source()), "cannot read the variable \"" + s + "\": "
                    + what + "; use a column name or partner(x), lag(x), lag(x, gap), within(x), between(x), "
                    + "grand(x), centre(x, c), I(x^k)");
        }

        private double[] term() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                    || s.charAt(pos) == '.')) {
                pos++;
            }
            if (start == pos) {
                throw bad("a name was expected at position " + (pos + 1));
            }
            String name = s.substring(start, pos);
            if (pos >= s.length() || s.charAt(pos) != '(') {
                return raw(name);
            }
            pos++;
            double[] inner = term();
            double arg = Double.NaN;
            boolean power = false;
            if (pos < s.length() && (s.charAt(pos) == ',' || s.charAt(pos) == '^')) {
                power = s.charAt(pos) == '^';
                pos++;
                int a = pos;
                while (pos < s.length() && s.charAt(pos) != ')') {
                    pos++;
                }
                try {
                    arg = Double.parseDouble(s.substring(a, pos));
                } catch (NumberFormatException e) {
                    throw bad("a number was expected after '" + s.charAt(a - 1) + "'");
                }
            }
            if (pos >= s.length() || s.charAt(pos) != ')') {
                throw bad("a closing parenthesis is missing");
            }
            pos++;
            boolean hasArg = !Double.isNaN(arg);
            switch (name) {
                case "partner" -> {
                    requireArg(name, hasArg, false, power);
                    return partnerOf(inner);
                }
                case "lag" -> {
                    if (power) {
                        throw bad("lag takes (x) or (x, gap)");
                    }
                    double gap = hasArg ? arg : 1;
                    if (gap < 1 || gap != Math.rint(gap)) {
                        throw bad("the gap of lag must be a whole number of occasions, at least 1");
                    }
                    return lagOf(inner, gap);
                }
                case "within" -> {
                    requireArg(name, hasArg, false, power);
                    double[] m = personMean(inner);
                    double[] out = new double[inner.length];
                    for (int r = 0; r < out.length; r++) {
                        out[r] = inner[r] - m[r];
                    }
                    return out;
                }
                case "between" -> {
                    requireArg(name, hasArg, false, power);
                    return personMean(inner);
                }
                case "grand" -> {
                    requireArg(name, hasArg, false, power);
                    double sum = 0;
                    int k = 0;
                    for (double v : inner) {
                        if (!Double.isNaN(v)) {
                            sum += v;
                            k++;
                        }
                    }
                    double m = sum / k;
                    double[] out = new double[inner.length];
                    for (int r = 0; r < out.length; r++) {
                        out[r] = inner[r] - m;
                    }
                    return out;
                }
                case "centre", "center" -> {
                    if (!hasArg || power) {
                        throw bad("centre takes (x, c)");
                    }
                    double[] out = new double[inner.length];
                    for (int r = 0; r < out.length; r++) {
                        out[r] = inner[r] - arg;
                    }
                    return out;
                }
                case "I" -> {
                    if (!power) {
                        throw bad("I() takes a power, I(x^k)");
                    }
                    double[] out = new double[inner.length];
                    for (int r = 0; r < out.length; r++) {
                        out[r] = Math.pow(inner[r], arg);
                    }
                    return out;
                }
                default -> throw bad("unknown function " + name);
            }
        }

        private void requireArg(String name, boolean hasArg, boolean wanted, boolean power) {
            if (hasArg != wanted || power) {
                throw bad(name + " takes one variable, " + name + "(x)");
            }
        }
    }

    @Override
    public String toString() {
        return "DiaryData[" + table.source() + ", " + rowCount() + " rows, " + personCount() + " persons in "
                + dyadCount() + " dyads, " + occasions + " occasions]";
    }
}
