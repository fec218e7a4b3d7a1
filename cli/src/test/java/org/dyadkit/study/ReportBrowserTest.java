package org.dyadkit.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The study report opened in headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it):
 * the rendered document contains the key numbers of each analysis, every inline figure is rendered, and
 * a screenshot of the first page is written to {@code target/study-report.png} for a person to look at.
 * Skipped, with the reason, where no browser is installed.
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static String chromium(Path userDir, List<String> extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + userDir));
        cmd.addAll(extra);
        Path log = Files.createTempFile("chromium", ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
        Files.deleteIfExists(log);
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void theRenderedReportShowsTheKeyNumbers() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no browser at " + CHROMIUM + ": the rendered-report "
                + "check is skipped (install it with 'apt-get install -y chromium'; .ci/run does)");
        Path out = StudyFixture.shared();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        String url = out.resolve("report.html").toUri().toString();
        Path user = Files.createTempDirectory("chromium-profile");
        String dom = chromium(user, List.of("--dump-dom", url));
        String text = Jsoup.parse(dom).text();
        List<String> expected = new ArrayList<>();
        for (JsonNode a : results.get("analyses")) {
            JsonNode r = a.get("result");
            switch (a.get("type").asText()) {
                case "apim" -> {
                    for (JsonNode c : r.get("coefficients")) {
                        String term = c.get("term").asText();
                        if ((term.startsWith("actor") || term.startsWith("partner")) && term.chars().filter(ch -> ch == ':')
                                .count() == 1) {
                            expected.add(String.format(Locale.ROOT, "b = %.2f, SE = %.2f", c.get("estimate").asDouble(),
                                    c.get("se").asDouble()));
                        }
                    }
                    if (r.get("k").isArray()) {
                        expected.add(String.format(Locale.ROOT, "k = %.2f", org.dyadkit.cli.Roles.row(r.get("k"), "man")
                                .get("k").asDouble()));
                    }
                    r.path("simple_slopes").forEach(c -> expected.add(String.format(Locale.ROOT, "%.3f",
                            c.get("estimate").asDouble())));
                }
                case "nonindependence" -> r.get("variables").forEach(v -> expected.add(
                        ("= " + String.format(Locale.ROOT, "%.2f", v.get("pearson_r").asDouble())).replace("0.", ".")));
                case "distinguishability" -> expected.add(String.format(Locale.ROOT, "= %.2f",
                        r.get("chi_square").asDouble()));
                case "apimem" -> r.get("paths").get("a").forEach(c -> expected.add(String.format(Locale.ROOT, "%.3f",
                        c.get("estimate").asDouble())));
                case "mediate" -> expected.add(String.format(Locale.ROOT, "%.3f",
                        r.get("indirect").get("estimate").asDouble()));
                case "reliability" -> expected.add(String.format(Locale.ROOT, "%.2f",
                        r.get("scales").get(0).get("alpha").get("raw_alpha").asDouble()).replace("0.", "."));
                case "correlate" -> expected.add(String.format(Locale.ROOT, "%.2f",
                        r.get("rows").get(0).get("r").asDouble()).replace("0.", "."));
                case "power" -> expected.add(String.format(Locale.ROOT, "%.2f",
                        r.get("rows").get(0).get("power").asDouble()).replace("0.", "."));
                case "mlm", "growth", "longitudinal-apim", "stability-influence" -> r.get("coefficients").forEach(
                        c -> expected.add(String.format(Locale.ROOT, "%.3f", c.get("estimate").asDouble())));
                default -> throw new AssertionError(a.get("type").asText());
            }
        }
        for (String s : expected) {
            assertTrue(text.contains(s), "rendered report lacks \"" + s + "\"");
        }
        assertEquals(Jsoup.parse(Files.readString(out.resolve("report.html"))).select("figure svg").size(),
                Jsoup.parse(dom).select("figure svg").size(), "every inline figure is in the rendered document");

        Path shot = Path.of("target", "study-report.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium(Files.createTempDirectory("chromium-profile"), List.of("--window-size=1200,1600",
                "--hide-scrollbars", "--screenshot=" + shot, url));
        assertTrue(Files.size(shot) > 10_000, "screenshot " + shot);
        System.out.println("ReportBrowserTest: screenshot of the report's first page: " + shot);
    }
}
