package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code docs/degenerate-data.md}: the command run on its fixture ends with the documented exit
 * status, each quoted fragment of the last column appears in the output, and nothing prints NaN, Infinity,
 * an exception or a stack frame. The doc is the test's data, so the two cannot drift.
 */
class DegenerateDataTableTest {
    private static final Path DOC = Path.of("..", "docs", "degenerate-data.md");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "degenerate");
    private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");
    private static final Pattern EXIT = Pattern.compile("^exit (\\d)");

    /** One row: its input description, the command's arguments, the exit status and the fragments. */
    record Row(String input, List<String> args, int exit, List<String> fragments) {
        @Override
        public String toString() {
            return input;
        }
    }

    static Stream<Arguments> rows() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            if (!line.startsWith("| ") || line.startsWith("| input ")) {
                continue;
            }
            String[] cells = line.split("\\|");
            // cells[0] is empty (the line starts with |)
            String input = cells[1].trim();
            Matcher cmd = QUOTED.matcher(cells[2]);
            assertTrue(cmd.find(), "no command in " + line);
            List<String> args = new ArrayList<>();
            for (String a : cmd.group(1).trim().split("\\s+")) {
                args.add(a.endsWith(".csv") ? FIXTURES.resolve(a).toString() : a);
            }
            String what = cells[3].trim();
            Matcher exit = EXIT.matcher(what);
            assertTrue(exit.find(), "no exit status in " + line);
            List<String> fragments = new ArrayList<>();
            Matcher q = QUOTED.matcher(what);
            while (q.find()) {
                fragments.add(q.group(1));
            }
            out.add(Arguments.of(new Row(input, List.copyOf(args), Integer.parseInt(exit.group(1)),
                    List.copyOf(fragments))));
        }
        assertTrue(out.size() >= 15, "the table has " + out.size() + " rows");
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowHoldsAsDocumented(Row row) {
        Run r = Run.run(row.args().toArray(new String[0]));
        String all = r.out() + r.err();
        String shown = String.join(" ", row.args()) + "\nexit " + r.exit() + "\nstdout:\n" + r.out() + "\nstderr:\n"
                + r.err();
        assertEquals(row.exit(), r.exit(), shown);
        String where = row.exit() == 0 ? all : r.err();
        for (String f : row.fragments()) {
            assertTrue(where.contains(f), "missing \"" + f + "\" in\n" + shown);
        }
        for (String bad : new String[] {"NaN", "Infinity", "Exception", "\tat "}) {
            assertFalse(all.contains(bad), "\"" + bad + "\" printed:\n" + shown);
        }
        if (row.exit() != 0) {
            assertTrue(r.err().lines().count() <= 3, "a short message:\n" + shown);
        }
    }
}
