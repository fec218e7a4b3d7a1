package org.dyadkit.cli.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fuzz case: the command line (with {@code {dir}} standing for the case's folder) and the files it
 * reads, byte for byte. Stored as one small JSON file in the corpus: {@code note}, {@code args} and
 * {@code files} (each file's bytes as a string of ISO-8859-1 characters, so that any byte survives and
 * ASCII stays readable).
 */
record FuzzCase(String note, List<String> args, Map<String, byte[]> files) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    FuzzCase {
        args = List.copyOf(args);
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Writes the files into {@code dir} (and creates {@code dir/out}); returns the arguments with {@code {dir}} resolved. */
    String[] materialize(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("out"));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        String d = dir.toAbsolutePath().toString();
        return args.stream().map(a -> a.replace("{dir}", d)).toArray(String[]::new);
    }

    /** The command line as one shell-quoted line, with {@code {dir}} left as it is. */
    String commandLine() {
        StringBuilder sb = new StringBuilder("dyadkit");
        for (String a : args) {
            sb.append(' ');
            if (a.matches("[A-Za-z0-9_./{}=:,+-]+")) {
                sb.append(a);
            } else {
                sb.append('\'').append(a.replace("'", "'\\''").replace("\t", "\\t").replace("\n", "\\n")).append('\'');
            }
        }
        return sb.toString();
    }

    /** The corpus JSON of this case. */
    String toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("note", note);
        ArrayNode a = o.putArray("args");
        args.forEach(a::add);
        ObjectNode f = o.putObject("files");
        files.forEach((k, v) -> f.put(k, new String(v, StandardCharsets.ISO_8859_1)));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads a corpus JSON file. */
    static FuzzCase fromJson(String json) throws IOException {
        JsonNode o = MAPPER.readTree(json);
        List<String> args = new ArrayList<>();
        o.path("args").forEach(n -> args.add(n.asText()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("files").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            files.put(e.getKey(), e.getValue().asText().getBytes(StandardCharsets.ISO_8859_1));
        }
        return new FuzzCase(o.path("note").asText(""), args, files);
    }

    FuzzCase withArgs(List<String> newArgs) {
        return new FuzzCase(note, newArgs, files);
    }

    FuzzCase withFile(String name, byte[] bytes, String what) {
        Map<String, byte[]> m = new LinkedHashMap<>(files);
        m.put(name, bytes);
        return new FuzzCase(note.isEmpty() ? what : note + "; " + what, args, m);
    }

    FuzzCase withNote(String what) {
        return new FuzzCase(note.isEmpty() ? what : note + "; " + what, args, files);
    }
}
