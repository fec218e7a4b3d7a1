package org.dyadkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The output formats of the analysis commands, {@code --format text|json|csv}, with the shared writers:
 * JSON is one object, snake_case keys (Jackson {@code SNAKE_CASE} over record components), numbers
 * unrounded, {@code null} for missing (a NaN or infinite double is written as {@code null}); CSV has a
 * header row, unrounded numbers and empty cells for missing values.
 */
public enum OutputFormat {
    /** A table that reads like R's {@code summary()}. */
    TEXT,
    /** One JSON object on standard output. */
    JSON,
    /** Comma-separated values with a header row. */
    CSV;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("dyadkit-numbers").addSerializer(Double.class, new FiniteDoubleSerializer())
                    .addSerializer(double.class, new FiniteDoubleSerializer()))
            .build();

    /** The JSON text of a value (records, maps, lists) as described above. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a value as one JSON object followed by a newline. */
    public static void writeJson(PrintWriter out, Object value) {
        out.println(toJson(value));
        out.flush();
    }

    /** Writes CSV rows (header first); numbers unrounded, {@code null} and non-finite numbers as empty cells. */
    public static void writeCsv(PrintWriter out, List<String> header, List<List<Object>> rows) {
        out.println(csvLine(header));
        for (List<Object> row : rows) {
            out.println(csvLine(row));
        }
        out.flush();
    }

    /** One CSV line for the cells, quoted where needed. */
    public static String csvLine(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csvCell(cells.get(i)));
        }
        return sb.toString();
    }

    private static String csvCell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            return Double.isFinite(d) ? number(d) : "";
        }
        String s = o.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** A number unrounded (the shortest text that reads back to the same double), integers without ".0". */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** A number rounded for text output ({@code null} and non-finite values as {@code NA}). */
    public static String fixed(Double d, int decimals) {
        if (d == null || !Double.isFinite(d)) {
            return "NA";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", d);
    }

    /** A p value for text output: four decimals, or {@code <.0001}. */
    public static String pValue(Double p) {
        if (p == null || !Double.isFinite(p)) {
            return "NA";
        }
        return p < 1e-4 ? "<.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** Lays out rows of text cells as a left-aligned table with two spaces between columns. */
    public static String table(List<List<String>> rows) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.size(); c++) {
                String cell = r.get(c);
                line.append(cell).append(" ".repeat(width[c] - cell.length() + (c + 1 < r.size() ? 2 : 0)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** Writes doubles as JSON numbers and non-finite ones as {@code null}. */
    private static final class FiniteDoubleSerializer extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    /** The {@code --format} option as a picocli mixin. */
    public static final class Option {
        @CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                converter = Converter.class, description = "Output: text, json or csv. Default: ${DEFAULT-VALUE}.")
        OutputFormat format;

        /** The chosen format. */
        public OutputFormat format() {
            return format;
        }
    }

    /** Converts {@code text}, {@code json} or {@code csv} (case-insensitive). */
    public static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown format \"" + value + "\"; use text, json or csv");
            }
        }
    }
}
