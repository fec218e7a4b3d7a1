package org.dyadkit.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dyadkit.cli.Main;
import picocli.CommandLine;

/** The test study on the simulated couples (every analysis type, short bootstraps) and a capturing runner. */
final class StudyFixture {
    static final Path SAMPLES = Path.of("../data-samples").toAbsolutePath().normalize();

    private StudyFixture() {
    }

    /** One in-process run of {@code dyadkit ARGS}. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The analyses of the test study, after the data and scores sections. */
    static final String ANALYSES = """
            analyses:
              - id: reliability-ras
                reliability: {instrument: ras, by: role}
              - id: nonindependence
                nonindependence: {vars: [scs_total, ras_total]}
              - id: cross-partner
                correlate: {vars: [scs_total, partner_behaviour_caring]}
              - id: apim-satisfaction
                apim: {y: ras_total, x: [scs_total], k: true, bootstrap: 200, seed: 11}
              - id: distinguishability
                distinguishability: {y: ras_total, x: [scs_total]}
              - id: apim-probes
                apim: {y: ras_total, x: [scs_total], covariate: [authenticity_authentic_living],
                  interaction: ["scs_total:authenticity_authentic_living"], simple_slopes: true,
                  constrain: ["actor:man = actor:woman"], pattern: [couple]}
              - id: mediation-authenticity
                apimem: {x: scs_total, m: authenticity_authentic_living, y: ras_total, bootstrap: 200, seed: 12, mc: 2000}
              - id: single-level
                mediate: {x: scs_total, m: authenticity_authentic_living, y: ras_total, dyad: couple_id, bootstrap: 200, seed: 13}
              - id: power-curve
                power:
                  apim: {dyads: "50:150:50", actor: 0.3, partner: 0.15}
              - id: power-simulated
                power:
                  simulate: {distinguishable: true, roles: "man,woman", dyads: "60:90:30", actor: 0.3, partner: 0.15,
                    replicates: 100, seed: 5}
              - id: growth
                growth: {y: closeness, time: time}
              - id: lapim
                longitudinal-apim: {y: closeness, x: stress}
              - id: stability
                stability_influence: {y: closeness}
              - id: mlm-intercepts
                mlm: {fixed: "closeness ~ 0 + man + woman", random: "~ 0 + man + woman | couple", variance_by: gender}
            """;

    /** The head of the test study: the simulated couples scored with four instruments. */
    static String head(Path data) {
        return """
                title: Test study
                data:
                  file: %s
                  dyad: couple_id
                  role: role
                  person: person_id
                scores:
                  - instrument: scs
                    items: "scs{n}"
                    min_answered: 0.8
                    total: mean-of-subscales
                  - instrument: authenticity
                    items: "as{n}"
                    min_answered: 0.8
                  - instrument: ras
                    items: "ras{n}"
                    min_answered: 0.8
                  - instrument: partner-behaviour.json
                    items: "pb{n}"
                    min_answered: 0.8
                  - instrument: conflict-styles.json
                    items: "cs{n}"
                    min_answered: 0.8
                diary:
                  file: diary_couples.csv
                  dyad: couple
                  role: gender
                  person: person
                  occasion: day
                labels:
                  roles: {man: men, woman: women}
                  variables: {scs_total: self-compassion}
                """.formatted(data);
    }

    /** Writes the test study (and the instrument file it names) into {@code dir}; returns the study file. */
    static Path write(Path dir, String text) throws IOException {
        for (String f : new String[] {"partner-behaviour.json", "conflict-styles.json", "diary_couples.csv"}) {
            Files.copy(SAMPLES.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, text);
        return f;
    }

    private static Path shared;

    /**
     * The output folder of the test study, run once per test JVM (in a temporary folder removed at exit)
     * and shared by the test classes that only read it.
     */
    static synchronized Path shared() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("dyadkit-study-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            Path out = dir.resolve("out");
            Run r = run("study", study(dir).toString(), "--out", out.toString());
            if (r.exit() != 0) {
                throw new AssertionError("the test study failed: " + r.err());
            }
            shared = out;
        }
        return shared;
    }

    private static void delete(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder
        }
    }

    static Path study(Path dir) throws IOException {
        return write(dir, head(SAMPLES.resolve("simulated_couples.csv")) + ANALYSES);
    }
}
