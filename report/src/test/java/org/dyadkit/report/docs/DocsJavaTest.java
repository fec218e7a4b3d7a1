package org.dyadkit.report.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of the user guide ({@code docs/*.md}) compile against the library and print what the page
 * shows. A page marks an example with the fence {@code ```java tested}: a whole class with a {@code main} method,
 * as a reader would copy it. The block that follows it, fenced {@code ```text output}, is its standard output;
 * the example is run from the repository root (so {@code data-samples/...} paths work) and its output must
 * equal the page's, line by line.
 */
class DocsJavaTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern EXAMPLE = Pattern.compile(
            "```java tested\\n(.*?)```\\s*\\n(?:[^`\\n]*\\n)?\\s*(```text output\\n(.*?)```)?", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public (?:final )?class (\\w+)");
    /** The user-guide pages that must each have at least one tested example. */
    private static final List<String> PAGES = List.of("scoring.md", "reliability.md", "dyad.md", "apim.md",
            "mediation.md", "power.md", "overtime.md", "spss.md", "tablesaw.md");

    record Example(String page, int line, String className, String code, String output) {
    }

    static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(p);
                Matcher m = EXAMPLE.matcher(text);
                while (m.find()) {
                    int line = (int) text.substring(0, m.start()).lines().count() + 1;
                    Matcher c = CLASS.matcher(m.group(1));
                    String where = p.getFileName() + ":" + line;
                    assertTrue(c.find(), where + ": a tested example is a public class with a main method");
                    out.add(new Example(p.getFileName().toString(), line, c.group(1), m.group(1), m.group(3)));
                }
            }
        }
        return out;
    }

    @Test
    void everyUserGuidePageHasATestedExample() throws IOException {
        List<Example> all = examples();
        for (String page : PAGES) {
            assertTrue(all.stream().anyMatch(e -> e.page().equals(page)), "docs/" + page + " has no ```java tested example");
        }
        for (Example e : all) {
            assertTrue(e.output() != null, "docs/" + e.page() + ":" + e.line()
                    + ": the example is followed by no ```text output block showing what it prints");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleCompilesRunsAndPrintsWhatThePageShows(@TempDir Path tmp) throws IOException {
        return examples().stream().map(e -> DynamicTest.dynamicTest(e.page() + ":" + e.line() + " " + e.className(),
                () -> run(e, tmp.resolve(e.page().replace(".md", "") + "_" + e.line()))));
    }

    private static void run(Example e, Path dir) throws Exception {
        Path src = dir.resolve(e.className() + ".java");
        Files.createDirectories(dir);
        Files.writeString(src, e.code());
        String cp = classPath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        Boolean ok = javac.getTask(diagnostics, null, null,
                List.of("--release", "17", "-proc:none", "-d", dir.toString(), "-cp", cp), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src.toFile())).call();
        String where = "docs/" + e.page() + ":" + e.line();
        assertEquals(Boolean.TRUE, ok, where + ": the example does not compile:\n" + diagnostics);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Duser.language=en", "-Duser.country=US", "-cp", dir + File.pathSeparator + cp, e.className())
                .directory(ROOT.toFile()).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), where + ": the example did not end");
        String printed = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), where + ": the example failed:\n" + new String(err, StandardCharsets.UTF_8));
        assertEquals(normalise(e.output()), normalise(printed), where + ": the page shows another output than the"
                + " example prints; it prints:\n" + printed);
    }

    private static String normalise(String s) {
        return s == null ? "" : s.lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n").strip();
    }

    private static String classPath() {
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            cp.add(Path.of(entry).toAbsolutePath().normalize().toString());
        }
        return String.join(File.pathSeparator, cp);
    }
}
