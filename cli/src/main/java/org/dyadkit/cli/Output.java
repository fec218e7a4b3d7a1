package org.dyadkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import picocli.CommandLine;

/**
 * The {@code --format text|json|csv} option of the analysis commands and the one way they write a result:
 * through its {@link Renderer} from the {@code report} module (text as R's {@code summary()}, one JSON object,
 * or every table of the result in one tidy CSV with a {@code table} column).
 */
final class Output {
    /** The output formats. */
    enum Format {
        /** A table that reads like R's {@code summary()}. */
        TEXT,
        /** One JSON object on standard output. */
        JSON,
        /** Every table of the result in one long CSV table with a {@code table} column. */
        CSV
    }

    private Output() {
    }

    /** The {@code --format} option as a picocli mixin. */
    static final class Option {
        @CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                converter = Converter.class, description = "Output: text, json or csv. Default: ${DEFAULT-VALUE}.")
        Format format;

        /** The chosen format. */
        Format format() {
            return format;
        }
    }

    /** Converts {@code text}, {@code json} or {@code csv} (case-insensitive). */
    static final class Converter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            Format f = parse(value);
            if (f == null) {
                throw new CommandLine.TypeConversionException("unknown format \"" + value + "\"; use text, json or csv");
            }
            return f;
        }
    }

    /** The format {@code value} names ({@code text}, {@code json}, {@code csv}, any case, blanks around), or null. */
    static Format parse(String value) {
        for (Format f : Format.values()) {
            if (f.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    /**
     * Writes a result in the chosen format.
     *
     * @param json adds what only the command knows (the input file, the layout) to the JSON object
     */
    static <R> void write(PrintWriter out, Format format, Renderer<R> renderer, R result, Consumer<ObjectNode> json) {
        switch (format) {
            case JSON -> {
                ObjectNode o = renderer.json(result);
                json.accept(o);
                out.print(Formats.json(o));
            }
            case CSV -> out.print(renderer.tables(result).csv());
            case TEXT -> out.print(renderer.text(result));
            default -> throw new IllegalStateException();
        }
        out.flush();
    }
}
