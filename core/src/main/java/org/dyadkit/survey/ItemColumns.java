package org.dyadkit.survey;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dyadkit.InputException;
import org.dyadkit.InputException.Location;

/**
 * Which column holds which item, by item number (the item's number in the published instrument,
 * never its position in the file). Either a name pattern such as {@code scs{n}} ({@code {n}} is the
 * item number; {@code {n:02}} pads it to two digits: {@code Q5_{n:02}} gives {@code Q5_07}) or an
 * explicit map read from a CSV file.
 */
public final class ItemColumns {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{n(?::0(\\d))?\\}");

    private final String pattern;
    private final Map<Integer, String> map;
    private final String description;

    private ItemColumns(String pattern, Map<Integer, String> map, String description) {
        this.pattern = pattern;
        this.map = map;
        this.description = description;
    }

    /**
     * Columns named by a pattern with one {@code {n}} (or {@code {n:0W}}) placeholder.
     *
     * @throws IllegalArgumentException when the pattern has no placeholder or more than one
     */
    public static ItemColumns pattern(String pattern) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        int found = 0;
        while (m.find()) {
            found++;
        }
        if (found != 1) {
            throw new IllegalArgumentException("the item pattern \"" + pattern
                    + "\" must contain {n} exactly once (for example scs{n} or Q5_{n})");
        }
        return new ItemColumns(pattern, null, "pattern " + pattern);
    }

    /** Columns from an explicit map of item number to column name. */
    public static ItemColumns map(Map<Integer, String> itemToColumn) {
        return new ItemColumns(null, Map.copyOf(itemToColumn), "item map");
    }

    /**
     * Reads an item map: a CSV file with columns {@code item,column}, or {@code instrument,item,column}
     * when it holds several instruments (then only the rows of {@code instrumentId} are used).
     *
     * @throws InputException when the file cannot be read, lacks those columns, has an item number that is
     *     not a whole number, or maps an item twice
     */
    public static ItemColumns read(Path file, String instrumentId) {
        String name = file.toString();
        Map<Integer, String> map = new TreeMap<>();
        try (SurveyReader r = SurveyReader.open(file, SurveyFormat.csv())) {
            int item = r.columnIndex("item");
            int column = r.columnIndex("column");
            int inst = r.columnIndex("instrument");
            if (item < 0 || column < 0) {
                throw new InputException(new Location(name, 0, null, null),
                        "an item map needs the columns item,column (and optionally instrument); found "
                                + String.join(",", r.header()));
            }
            while (r.next()) {
                if (inst >= 0 && !r.cell(inst).strip().equals(instrumentId)) {
                    continue;
                }
                String n = r.cell(item).strip();
                int number;
                try {
                    number = Integer.parseInt(n);
                } catch (NumberFormatException e) {
                    throw new InputException(new Location(name, r.line(), "item", n),
                            "not an item number; write the item's number in the instrument (1, 2, ...)");
                }
                if (map.put(number, r.cell(column).strip()) != null) {
                    throw new InputException(new Location(name, r.line(), "item", n),
                            "item mapped twice; keep one row per item");
                }
            }
        }
        if (map.isEmpty()) {
            throw new InputException(name + ": the item map has no rows" + " for instrument " + instrumentId);
        }
        return new ItemColumns(null, Map.copyOf(map), "item map " + name);
    }

    /**
     * The column name of an item, or null when an explicit map does not list it.
     */
    public String column(int itemNumber) {
        if (map != null) {
            return map.get(itemNumber);
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String n = Integer.toString(itemNumber);
            if (m.group(1) != null) {
                int w = Integer.parseInt(m.group(1));
                n = "0".repeat(Math.max(0, w - n.length())) + n;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(n));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Where the names come from, for messages ({@code pattern scs{n}} or {@code item map FILE}). */
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return describe();
    }
}
