package org.dyadkit.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dyadkit.Names;

/** Messages for absent columns: near matches by spelling, and an item pattern the header suggests. */
final class ColumnHints {
    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)(\\D*)$");

    private ColumnHints() {
    }

    static String absentMessage(String file, List<String> absent, List<String> header, int itemCount) {
        StringBuilder sb = new StringBuilder(file).append(": ");
        String first = absent.get(0);
        sb.append(absent.size() == 1 ? "the item column " : absent.size() + " item columns are absent: ");
        for (int i = 0; i < Math.min(5, absent.size()); i++) {
            String name = absent.get(i);
            sb.append(i == 0 ? "" : ", ").append(name);
            List<String> near = near(name, header);
            if (!near.isEmpty()) {
                sb.append(" (near: ").append(String.join(", ", near)).append(')');
            }
        }
        sb.append(absent.size() > 5 ? ", ..." : "").append(absent.size() == 1 ? " is absent" : "");
        String pattern = patternHint(header, itemCount);
        if (pattern != null && first.matches(Pattern.quote(pattern.substring(0, pattern.indexOf("{n}"))) + "\\d+"
                + Pattern.quote(pattern.substring(pattern.indexOf("{n}") + 3)))) {
            pattern = null; // the pattern in use; it is the items that are absent
            sb.append("; check that the file holds every item of the instrument");
        } else if (pattern != null) {
            sb.append("; the header looks like --items '").append(pattern).append("'");
        } else {
            sb.append("; name the item columns with --items PATTERN or --item-map FILE");
        }
        return sb.toString();
    }

    /** Up to three header names close to {@code name}: same letters ignoring case and punctuation, or few edits. */
    static List<String> near(String name, List<String> header) {
        String key = squash(name);
        List<String[]> scored = new ArrayList<>();
        for (String h : header) {
            String hs = h.strip();
            if (hs.isEmpty()) {
                continue;
            }
            int d = squash(hs).equals(key) ? 0 : distance(name.toLowerCase(Locale.ROOT), hs.toLowerCase(Locale.ROOT));
            if (d <= Math.max(1, Math.min(2, name.length() / 3))) {
                scored.add(new String[] {hs, Integer.toString(d)});
            }
        }
        scored.sort(Comparator.comparingInt(a -> Integer.parseInt(a[1])));
        if (!scored.isEmpty() && scored.get(0)[1].equals("0")) {
            scored.removeIf(a -> !a[1].equals("0"));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(3, scored.size()); i++) {
            out.add(scored.get(i)[0]);
        }
        return out;
    }

    /** A pattern {@code stem{n}} when at least {@code itemCount} header names share a stem and differ by a number. */
    static String patternHint(List<String> header, int itemCount) {
        Map<String, Integer> stems = new LinkedHashMap<>();
        for (String h : header) {
            Matcher m = TRAILING_NUMBER.matcher(h.strip());
            if (m.matches() && !m.group(2).startsWith("0")) {
                stems.merge(m.group(1) + "{n}" + m.group(3), 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : stems.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return bestCount >= Math.max(2, itemCount) ? best : null;
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) {
            return Integer.MAX_VALUE;
        }
        return Names.distance(a, b);
    }
}
