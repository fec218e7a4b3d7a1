package org.dyadkit.cli;

import java.util.IllegalFormatException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help footer of every command, with its example lines printed as written. picocli wraps a footer
 * at the help width, which broke long example commands in the middle of an argument; here a footer line
 * that starts with a space (an example, or the indented continuation of one) is printed verbatim and
 * only the prose lines are wrapped, at word boundaries.
 */
final class ExampleFooter {
    private ExampleFooter() {}

    /** Puts the footer renderer on {@code cl} and on each of its subcommands. */
    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, ExampleFooter::render);
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    static String render(CommandLine.Help help) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        int width = usage.width();
        StringBuilder sb = new StringBuilder();
        for (String raw : usage.footer()) {
            String line = format(raw);
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
                sb.append(line).append(System.lineSeparator());
            } else {
                wrap(line, width, sb);
            }
        }
        return sb.toString();
    }

    private static String format(String line) {
        if (line.indexOf('%') < 0) {
            return line;
        }
        try {
            return String.format(Locale.ROOT, line);
        } catch (IllegalFormatException e) {
            return line;
        }
    }

    private static void wrap(String line, int width, StringBuilder sb) {
        int col = 0;
        for (String word : line.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) {
                sb.append(System.lineSeparator());
                col = 0;
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(word);
            col += word.length();
        }
        sb.append(System.lineSeparator());
    }
}
