package org.dyadkit.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java code of the README's "From Java" section compiles against the library modules as a user
 * gets them (dyadkit-core and dyadkit-analysis with their dependencies, not this module's classes), so
 * the documented API cannot drift from the real one.
 */
class ReadmeQuickstartTest {
    private static final List<String> PACKAGES = List.of("java.nio.file", "java.util", "org.dyadkit",
            "org.dyadkit.instrument", "org.dyadkit.scoring", "org.dyadkit.survey", "org.dyadkit.dyad",
            "org.dyadkit.table", "org.dyadkit.spss", "org.dyadkit.apim", "org.dyadkit.mediation",
            "org.dyadkit.nonindependence", "org.dyadkit.reliability", "org.dyadkit.resample");

    @Test
    void readmeJavaCompiles(@TempDir Path tmp) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## From Java");
        assertTrue(section >= 0, "the README has a 'From Java' section");
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(section), "the 'From Java' section has a java block");
        String snippet = m.group(1);

        // a single-type import wins over the on-demand ones (org.dyadkit.mediation.Path is a type too)
        StringBuilder src = new StringBuilder("package readme;\nimport java.nio.file.Path;\n");
        for (String p : PACKAGES) {
            src.append("import ").append(p).append(".*;\n");
        }
        // answers is the one name the snippet uses without declaring it (its comment says what it holds)
        src.append("class Snippet {\n  static void run(int[] answers) {\n").append(snippet).append("\n  }\n}\n");
        Path file = tmp.resolve("readme/Snippet.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, src);

        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path e = Path.of(entry).toAbsolutePath().normalize();
            if (!e.startsWith(Path.of("").toAbsolutePath())) { // leave out the examples module itself
                cp.add(entry);
            }
        }
        assertTrue(cp.stream().anyMatch(e -> e.contains("core")), "dyadkit-core on the class path: " + cp);
        assertTrue(cp.stream().anyMatch(e -> e.contains("analysis")), "dyadkit-analysis on the class path: " + cp);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        Boolean ok = javac.getTask(out, null, null,
                List.of("--release", "17", "-proc:none", "-d", tmp.resolve("classes").toString(),
                        "-cp", String.join(File.pathSeparator, cp)),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile())).call();
        assertEquals(Boolean.TRUE, ok, "the README's Java code does not compile:\n" + out + "\n" + src);
    }
}
