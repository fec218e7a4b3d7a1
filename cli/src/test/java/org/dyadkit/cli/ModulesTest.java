package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The library modules as published: each names its module, and no package is split between two. */
class ModulesTest {
    static final List<String> MODULES = List.of("core", "analysis", "report", "cli");

    @Test
    void noPackageIsSplitBetweenModules() throws IOException {
        Map<String, String> owner = new HashMap<>();
        for (String module : MODULES) {
            Path src = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String pkg = src.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.');
                    String prev = owner.putIfAbsent(pkg, module);
                    if (prev != null && !prev.equals(module)) {
                        fail("package " + pkg + " is in both " + prev + " and " + module);
                    }
                }
            }
        }
        assertTrue(owner.containsKey("org.dyadkit.spss"), owner.keySet().toString());
    }

    @Test
    void everyModuleNamesItsAutomaticModule() throws IOException {
        for (String module : MODULES) {
            String pom = Files.readString(Path.of("..", module, "pom.xml"));
            assertTrue(pom.contains("<module.name>org.dyadkit." + module + "</module.name>"), module);
        }
        String parent = Files.readString(Path.of("..", "pom.xml"));
        assertTrue(parent.contains("<Automatic-Module-Name>${module.name}</Automatic-Module-Name>"));
        assertEquals(1, parent.split("<revision>", -1).length - 1, "the version is set once");
    }
}
