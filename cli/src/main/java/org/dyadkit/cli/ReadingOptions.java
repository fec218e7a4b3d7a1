package org.dyadkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dyadkit.input.Messages;
import org.dyadkit.input.ReadOptions;
import org.dyadkit.table.DataTable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The dialect options every command that reads a file shares, with the same names and rules:
 * {@code --delimiter}, {@code --decimal}, {@code --na}, {@code --qualtrics}, {@code --encoding}. Use it as a
 * picocli {@code @Mixin}; {@link #options()} gives the {@link ReadOptions} (checked, exit 2 on a bad value).
 */
public final class ReadingOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "The input's field separator: , (default), ; (semicolon), tab or |.")
    String delimiter;

    @Option(names = "--decimal", paramLabel = "comma|point",
            description = "How numbers write their decimals: point (default, 3.5) or comma (3,5).")
    String decimal;

    @Option(names = "--na", split = ",", paramLabel = "CODE",
            description = "A code that means missing besides a blank cell (and NA and .), e.g. --na -99 --na 999 "
                    + "(repeatable, or comma-separated). A whole-number code also matches -99.0.")
    List<String> na = new ArrayList<>();

    @Option(names = "--qualtrics",
            description = "The file is a Qualtrics export: two extra header rows (question text, import ids) under "
                    + "the column names, skipped; lines count respondents from 1.")
    boolean qualtrics;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "The input's encoding: utf-8 (default, with or without a byte-order mark), windows-1252 or "
                    + "latin-1 (converted to UTF-8, with a note).")
    String encoding;

    /** The dialect the options describe. */
    public ReadOptions options() {
        CommandLine cl = spec.commandLine();
        ReadOptions o = ReadOptions.csv();
        if (delimiter != null) {
            o = o.withDelimiter(delimiter(cl, delimiter, "--delimiter"));
        }
        if (decimal != null) {
            String d = decimal.strip().toLowerCase(Locale.ROOT);
            if (!d.equals("comma") && !d.equals("point")) {
                throw new CommandLine.ParameterException(cl, "--decimal: " + Messages.quote(decimal)
                        + " is not comma or point; for 3,5 write --decimal comma");
            }
            o = o.withDecimalComma(d.equals("comma"));
        }
        List<String> codes = new ArrayList<>();
        for (String c : na) {
            if (c.isBlank()) {
                throw new CommandLine.ParameterException(cl, "--na: an empty code; a blank cell is always missing. "
                        + "Give codes such as --na -99 --na 999");
            }
            if (codes.contains(c.strip())) {
                throw new CommandLine.ParameterException(cl, "--na lists " + Messages.quote(c.strip()) + " twice");
            }
            codes.add(c.strip());
        }
        o = o.withNa(codes).withQualtrics(qualtrics);
        if (encoding != null) {
            try {
                o = o.withEncoding(ReadOptions.encoding(encoding));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--encoding: " + e.getMessage());
            }
        }
        return o;
    }

    /** Whether the input names standard input ({@code -}). */
    static boolean stdin(String input) {
        return input.equals("-");
    }

    /**
     * Reads a table in the dialect, from a file, a named pipe or standard input ({@code -}), and prints the
     * reading notes (an option the file seems to need, an encoding conversion) to the command's error stream.
     */
    DataTable readTable(String input) {
        ReadOptions o = options();
        DataTable t;
        if (stdin(input)) {
            InputStream in = System.in;
            t = DataTable.read(in, "<stdin>", o);
        } else {
            t = DataTable.read(Path.of(input), o);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String n : t.notes()) {
            err.println("dyadkit: note: " + t.source() + ": " + n);
        }
        err.flush();
        return t;
    }

    /**
     * A field separator option ({@code --delimiter}, {@code --output-delimiter}): {@code ,} {@code ;} tab
     * {@code |}, also written {@code comma}, {@code semicolon}, {@code tab}, {@code \t}, {@code bar}, {@code pipe}.
     * Digits, letters, {@code .}, {@code -}, quotes and anything else are refused (exit 2): they collide with
     * the cells.
     */
    static char delimiter(CommandLine cl, String text, String option) {
        String t = text.toLowerCase(Locale.ROOT);
        switch (t) {
            case "tab", "\\t", "\t" -> {
                return '\t';
            }
            case "semicolon", ";" -> {
                return ';';
            }
            case "comma", "," -> {
                return ',';
            }
            case "bar", "pipe", "|" -> {
                return '|';
            }
            default -> throw new CommandLine.ParameterException(cl, option + ": " + Messages.quote(text)
                    + " is not a separator dyadkit reads; use , or ; or tab or |, for example " + option + " ';'");
        }
    }

    /** Whether a path names the same file as another (symbolic links followed; false when either is absent). */
    static boolean sameFile(Path a, Path b) {
        try {
            return java.nio.file.Files.exists(a) && java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
