package org.dyadkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {
    /** The version the code reports is the one the parent pom sets, not a copy of it. */
    @Test
    void currentIsTheParentPomRevision() throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher m = Pattern.compile("<revision>([^<]+)</revision>").matcher(pom);
        assertTrue(m.find(), "the parent pom sets <revision>");
        assertEquals(m.group(1), Version.current());
        assertTrue(Version.current().matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?"), Version.current());
    }

    @Test
    void jsonBlockNamesDyadkitAndJava() {
        var node = Version.json();
        assertEquals(Version.current(), node.get("dyadkit").asText());
        assertEquals(System.getProperty("java.version"), node.get("java").asText());
        assertEquals(2, node.size());
    }
}
