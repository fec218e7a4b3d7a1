package org.dyadkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of dyadkit that is running, as set once in the build (the parent pom's {@code revision})
 * and written into {@code org/dyadkit/version.properties} by Maven resource filtering, so that the jars,
 * {@code dyadkit --version} and the JSON {@code "versions"} block all report the same string.
 */
public final class Version {
    private static final String RESOURCE = "version.properties";

    private Version() {}

    /**
     * The dyadkit version, for example {@code 0.2.0}.
     *
     * @throws IllegalStateException when the build did not write the version resource (a class path
     *     assembled by hand without the resources of {@code dyadkit-core})
     */
    public static String current() {
        return Holder.VERSION;
    }

    /**
     * The {@code "versions"} block of the JSON outputs: {@code {"dyadkit": "0.2.0", "java": "17.0.15"}},
     * the dyadkit version and the version of the Java runtime that produced the numbers. A new node on
     * each call; callers put it under the key {@code versions}.
     */
    public static ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("dyadkit", current());
        node.put("java", System.getProperty("java.version"));
        return node;
    }

    private static final class Holder {
        static final String VERSION = load();

        private static String load() {
            try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("org/dyadkit/" + RESOURCE
                            + " is missing: dyadkit-core was not built by Maven");
                }
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").strip();
                if (v.isEmpty() || v.startsWith("$")) {
                    throw new IllegalStateException("org/dyadkit/" + RESOURCE + " was not filtered by the build");
                }
                return v;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
