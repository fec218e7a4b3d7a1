package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's "done when": the same couple survey exported as a semicolon file with decimal commas and
 * -99 codes, as a Qualtrics export, as a Windows-1252 file and as a wide (one row per couple) file goes
 * from {@code score} to {@code apim} and {@code nonindependence} with the same dialect options on every
 * command, and gives the numbers of the plain comma-separated export.
 */
class DialectEndToEndTest {
    private static final long SEED = 20261202L;
    private static final int COUPLES = 40;

    @TempDir
    Path dir;

    /** One person: couple, role, the 12 SCS-SF answers, the 7 RAS answers, hours (a decimal), a name. */
    private record Person(int couple, String role, int[] sf, int[] ras, double hours, String name) {
    }

    private static List<Person> people() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        List<Person> out = new ArrayList<>();
        for (int c = 1; c <= COUPLES; c++) {
            double shared = gauss(rng);
            for (String role : List.of("H", "W")) {
                double self = 0.8 * gauss(rng);
                int[] sf = new int[12];
                int[] ras = new int[7];
                for (int i = 0; i < 12; i++) {
                    sf[i] = answer(3 + 0.7 * shared + self + 0.6 * gauss(rng));
                }
                for (int i = 0; i < 7; i++) {
                    ras[i] = answer(3 + 0.5 * shared + 0.4 * self + 0.6 * gauss(rng));
                }
                double hours = Math.round((10 + 3 * gauss(rng)) * 4) / 4.0;
                out.add(new Person(c, role, sf, ras, hours, role.equals("H") ? "Andr\u00e9" : "Zo\u00eb"));
            }
        }
        return out;
    }

    private static double gauss(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static int answer(double v) {
        return (int) Math.max(1, Math.min(5, Math.round(v)));
    }

    /** The individual layout; the first SCS-SF answer of person 3 is -99 (missing) and hours of person 5 too. */
    private static String individual(char sep, boolean decimalComma, boolean qualtrics) {
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>(List.of("couple_id", "role", "name", "hours"));
        for (int i = 1; i <= 12; i++) {
            head.add("sf" + i);
        }
        for (int i = 1; i <= 7; i++) {
            head.add("ras" + i);
        }
        sb.append(String.join(String.valueOf(sep), head)).append('\n');
        if (qualtrics) {
            List<String> text = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (String h : head) {
                text.add("\"Question " + h + (sep == ',' ? ", in full" : "") + "\"");
                ids.add("\"{\"\"ImportId\"\":\"\"QID_" + h + "\"\"}\"");
            }
            sb.append(String.join(String.valueOf(sep), text)).append('\n');
            sb.append(String.join(String.valueOf(sep), ids)).append('\n');
        }
        int n = 0;
        for (Person p : people()) {
            n++;
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(p.couple()));
            cells.add(p.role());
            cells.add(p.name());
            String hours = n == 5 ? "-99" : String.format(Locale.ROOT, "%.2f", p.hours());
            if (decimalComma) {
                hours = hours.replace('.', ',');
            } else if (sep == ',' && n == 5) {
                hours = "";
            }
            cells.add(hours);
            for (int i = 0; i < 12; i++) {
                cells.add(n == 3 && i == 0 ? (decimalComma ? "-99" : "") : Integer.toString(p.sf()[i]));
            }
            for (int v : p.ras()) {
                cells.add(Integer.toString(v));
            }
            sb.append(String.join(String.valueOf(sep), cells)).append('\n');
        }
        return sb.toString();
    }

    private Path write(String name, String text, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(cs));
        return p;
    }

    private static final String[] SCORE = {"--instrument", "scs-sf", "--items", "sf{n}", "--instrument", "ras",
        "--items", "ras{n}", "--min-answered", "0.5"};

    private Path score(Path in, String... dialect) {
        Path out = dir.resolve(in.getFileName() + ".scored.csv");
        List<String> args = new ArrayList<>(List.of("score", "--input", in.toString(), "--output", out.toString()));
        args.addAll(List.of(SCORE));
        args.addAll(List.of(dialect));
        Run r = Run.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    private static JsonNode json(Run r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private JsonNode apim(Path in, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("apim", "--input", in.toString(), "--dyad", "couple_id",
                "--y", "ras_total", "--x", "scs_sf_total", "--covariate", "hours", "--format", "json"));
        args.addAll(List.of(extra));
        return json(Run.run(args.toArray(String[]::new))).get("coefficients");
    }

    /** The APIM on two items of the export itself (before scoring). */
    private JsonNode apimItems(Path in, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("apim", "--input", in.toString(), "--dyad", "couple_id",
                "--y", "ras1", "--x", "sf1", "--covariate", "hours", "--format", "json"));
        args.addAll(List.of(extra));
        return json(Run.run(args.toArray(String[]::new))).get("coefficients");
    }

    private JsonNode nonindependence(Path in, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("nonindependence", "--input", in.toString(), "--dyad", "couple_id",
                "--var", "ras_total", "--var", "hours", "--format", "json"));
        args.addAll(List.of(extra));
        return json(Run.run(args.toArray(String[]::new))).get("variables");
    }

    @Test
    void semicolonQualtricsAndWindows1252ExportsGiveThePlainExportsNumbers() throws IOException {
        Path plainExport = write("plain.csv", individual(',', false, false), StandardCharsets.UTF_8);
        JsonNode items = apimItems(plainExport, "--role", "role");
        Path plain = score(plainExport);
        JsonNode reference = apim(plain, "--role", "role");
        JsonNode referenceNi = nonindependence(plain, "--role", "role");
        assertTrue(reference != null && reference.size() > 0 && referenceNi != null && referenceNi.size() == 2);

        String[] semicolon = {"--delimiter", ";", "--decimal", "comma", "--na", "-99"};
        Path semi = write("semi.csv", individual(';', true, false), StandardCharsets.UTF_8);
        Path semiScored = score(semi, semicolon);
        String scoredText = Files.readString(semiScored);
        assertFalse(scoredText.contains(";"), "the scored file is plain comma-separated");
        assertEquals(COUPLES * 2 + 1, scoredText.lines().count(), "one header row");
        // the scored file reads without options; the export itself with the options given to score
        assertEquals(reference, apim(semiScored, "--role", "role", "--na", "-99"));
        assertEquals(items, apimItems(semi, "--role", "role", "--delimiter", ";", "--decimal", "comma", "--na", "-99"));
        assertEquals(referenceNi, nonindependence(semiScored, "--role", "role", "--na", "-99"));
        // without the options: -99 is a number (other numbers), a decimal comma or the separator is named
        assertFalse(reference.equals(apim(semiScored, "--role", "role")), "-99 read as a value");
        Run noDelimiter = Run.run("apim", "--input", semi.toString(), "--dyad", "couple_id", "--role", "role",
                "--y", "ras1", "--x", "sf1");
        assertEquals(3, noDelimiter.exit());
        assertTrue(noDelimiter.err().contains("--delimiter ';'"), noDelimiter.err());
        Run noDecimal = Run.run("apim", "--input", semi.toString(), "--dyad", "couple_id", "--role", "role",
                "--y", "ras1", "--x", "sf1", "--covariate", "hours", "--delimiter", ";", "--na", "-99");
        assertEquals(3, noDecimal.exit());
        assertTrue(noDecimal.err().contains("--decimal comma"), noDecimal.err());

        String[] qualtrics = {"--qualtrics"};
        Path q = write("qualtrics.csv", individual(',', false, true), StandardCharsets.UTF_8);
        Path qScored = score(q, qualtrics);
        Run noQualtrics = Run.run("score", "--input", q.toString(), "--output", dir.resolve("x.csv").toString(),
                "--instrument", "ras", "--items", "ras{n}");
        assertEquals(0, noQualtrics.exit(), noQualtrics.err());
        assertTrue(noQualtrics.err().contains("add --qualtrics"), noQualtrics.err());
        assertEquals(COUPLES * 2 + 1, Files.readString(qScored).lines().count(), "Qualtrics rows left out");
        assertEquals(reference, apim(qScored, "--role", "role"));
        assertEquals(items, apimItems(q, "--role", "role", "--qualtrics"));

        Path win = write("windows.csv", individual(',', false, false), Charset.forName("windows-1252"));
        Run noOption = Run.run("nonindependence", "--input", win.toString(), "--dyad", "couple_id", "--role", "role",
                "--var", "hours");
        assertEquals(3, noOption.exit());
        assertTrue(noOption.err().contains("--encoding windows-1252"), noOption.err());
        Path winScored = score(win, "--encoding", "windows-1252");
        assertTrue(Files.readString(winScored, StandardCharsets.UTF_8).contains("Zo\u00eb"), "converted to UTF-8");
        assertEquals(reference, apim(winScored, "--role", "role"));
        Run converted = Run.run("apim", "--input", win.toString(), "--dyad", "couple_id", "--role", "role",
                "--y", "ras1", "--x", "sf1", "--encoding", "windows-1252");
        assertEquals(0, converted.exit(), converted.err());
        assertTrue(converted.err().contains("converted to UTF-8"), converted.err());
    }

    /** The wide layout: one row per couple, member columns named with the role inside (sf3.W_1). */
    private String wide(String pattern) {
        List<Person> ps = people();
        List<String> head = new ArrayList<>(List.of("couple_id"));
        for (String role : List.of("H", "W")) {
            head.add(pattern.replace("{var}", "hours").replace("{role}", role));
            for (int i = 1; i <= 12; i++) {
                head.add(pattern.replace("{var}", "sf" + i).replace("{role}", role));
            }
            for (int i = 1; i <= 7; i++) {
                head.add(pattern.replace("{var}", "ras" + i).replace("{role}", role));
            }
        }
        StringBuilder sb = new StringBuilder(String.join(",", head)).append('\n');
        for (int c = 0; c < COUPLES; c++) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(c + 1)));
            for (int m = 0; m < 2; m++) {
                int n = 2 * c + m + 1;
                Person p = ps.get(2 * c + m);
                cells.add(n == 5 ? "" : String.format(Locale.ROOT, "%.2f", p.hours()));
                for (int i = 0; i < 12; i++) {
                    cells.add(n == 3 && i == 0 ? "" : Integer.toString(p.sf()[i]));
                }
                for (int v : p.ras()) {
                    cells.add(Integer.toString(v));
                }
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aWideExportIsScoredPerRoleAndAnalysedWithANamesPattern() throws IOException {
        Path plain = score(write("plain.csv", individual(',', false, false), StandardCharsets.UTF_8));
        JsonNode reference = apim(plain, "--role", "role");

        Path wide = write("wide.csv", wide("{var}_{role}"), StandardCharsets.UTF_8);
        Path scored = dir.resolve("wide_scored.csv");
        Run s = Run.run("score", "--input", wide.toString(), "--output", scored.toString(), "--min-answered", "0.5",
                "--instrument", "scs-sf", "--items", "sf{n}_H", "--prefix", "scs_sf.H",
                "--instrument", "scs-sf", "--items", "sf{n}_W", "--prefix", "scs_sf.W",
                "--instrument", "ras", "--items", "ras{n}_H", "--prefix", "ras.H",
                "--instrument", "ras", "--items", "ras{n}_W", "--prefix", "ras.W");
        assertEquals(0, s.exit(), s.err());
        // scs_sf.H_total is variable scs_sf_total of role H; hours_H the covariate, named {var}_{role}
        String text = Files.readString(scored).replace("hours_H", "hours.H_x").replace("hours_W", "hours.W_x");
        Files.writeString(scored, text);
        Run a = Run.run("apim", "--input", scored.toString(), "--layout", "dyad", "--dyad", "couple_id",
                "--names", "{var}.{role}_{item}", "--y", "ras_total", "--x", "scs_sf_total", "--covariate", "hours_x",
                "--format", "json");
        JsonNode got = json(a).get("coefficients");
        assertEquals(reference.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(reference.get(i).get("estimate").asDouble(), got.get(i).get("estimate").asDouble(),
                    1e-6 * Math.max(1, Math.abs(reference.get(i).get("estimate").asDouble())), "coefficient " + i);
        }
    }
}
