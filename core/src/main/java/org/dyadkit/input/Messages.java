package org.dyadkit.input;

import java.util.List;

/** Keeps messages short: values quoted to at most 80 characters, lists to at most 10 entries. */
public final class Messages {
    /** The most characters of a value a message quotes. */
    public static final int MAX_VALUE = 80;
    /** The most entries (line numbers, names) a message lists. */
    public static final int MAX_LIST = 10;

    private Messages() {
    }

    /** The value in double quotes, cut to {@value #MAX_VALUE} characters (then {@code ...}, and its length). */
    public static String quote(String value) {
        return "\"" + cut(value) + "\"";
    }

    /** The value cut to {@value #MAX_VALUE} characters, followed by {@code ... (N characters)} when cut. */
    public static String cut(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() <= MAX_VALUE) {
            return value;
        }
        return value.substring(0, MAX_VALUE) + "... (" + value.length() + " characters)";
    }

    /** At most {@value #MAX_LIST} entries, each {@linkplain #cut cut}, joined by commas, then {@code and N more}. */
    public static String list(List<String> items) {
        String head = String.join(", ", items.subList(0, Math.min(MAX_LIST, items.size())).stream()
                .map(Messages::cut).toList());
        return items.size() > MAX_LIST ? head + " and " + (items.size() - MAX_LIST) + " more" : head;
    }
}
