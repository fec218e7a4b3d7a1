package org.dyadkit.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays the corpus of minimal reproducers ({@code src/test/resources/fuzz/corpus/*.json}: what the fuzzer
 * and issue 18 found, one case a file, with the exit status it must now end with under {@code exit}) and
 * judges each as the fuzzer does: no exception, no stack trace, a short message, no NaN after exit 0.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "fuzz", "corpus");

    @Test
    void everyReproducerEndsCleanly() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no corpus in " + CORPUS.toAbsolutePath());
        ObjectMapper json = new ObjectMapper();
        List<String> wrong = new ArrayList<>();
        try (Harness h = new Harness(Duration.ofSeconds(120))) {
            for (Path f : files) {
                String text = Files.readString(f);
                FuzzCase c = FuzzCase.fromJson(text);
                JsonNode node = json.readTree(text);
                Path dir = Path.of("target", "fuzz-corpus", f.getFileName().toString().replace(".json", ""));
                FuzzTest.delete(dir);
                Harness.Outcome o = h.run(c, dir);
                List<String> problems = new ArrayList<>(Harness.problems(c, o));
                if (node.has("exit") && node.get("exit").asInt() != o.exit()) {
                    problems.add("exit " + o.exit() + ", expected " + node.get("exit").asInt());
                }
                for (JsonNode must : node.path("stdout_contains")) {
                    if (!o.out().contains(must.asText())) {
                        problems.add("stdout lacks " + must);
                    }
                }
                for (JsonNode must : node.path("stderr_contains")) {
                    if (!o.err().contains(must.asText())) {
                        problems.add("stderr lacks " + must);
                    }
                }
                if (!problems.isEmpty()) {
                    wrong.add(f.getFileName() + ": " + c.commandLine() + " -> " + problems + "\n" + o.err());
                }
                FuzzTest.delete(dir);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
