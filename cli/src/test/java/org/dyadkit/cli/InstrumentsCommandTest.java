package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InstrumentsCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "instruments";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cl.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void listsEveryBundledInstrumentAndTheTemplate() {
        Run r = run();
        assertEquals(0, r.exit(), r.err());
        for (String id : Instruments.ids()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(id + " ")), id + " in\n" + r.out());
        }
        assertTrue(r.out().contains("Self-Compassion Scale (SCS-26)") && r.out().contains("validated"));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("crsi ") && l.contains("template")), r.out());
        Run csv = run("--format", "csv");
        assertTrue(csv.out().startsWith("id,name,items,status\nscs,Self-Compassion Scale (SCS-26),26,validated\n"),
                csv.out());
        Run json = run("--format", "json");
        assertTrue(json.out().contains("\"id\" : \"ecr-s\"") && json.out().contains("\"status\" : \"secondary_source\""),
                json.out());
    }

    @Test
    void printsOneInstrumentsKeyRulesCitationAndStatus() {
        Run r = run("scs");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("10.1080/15298860390209035"));
        assertTrue(r.out().contains("self_judgment") && r.out().contains("1R, 8R, 11R, 16R, 21R"), r.out());
        assertTrue(r.out().contains("mean-of-subscales (default)"), r.out());
        assertTrue(r.out().contains("status:     validated"), r.out());
    }

    @Test
    void jsonIsTheDefinitionAndReadsBack() {
        Run r = run("ecr-s", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        Instrument back = Instruments.parse(r.out(), "stdout");
        assertEquals(Instruments.bundled("ecr-s"), back);
    }

    @Test
    void unknownIdExitsThreeAndSuggestsNearIds() {
        Run r = run("scs-sff");
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("did you mean scs-sf"), r.err());
    }

    @Test
    void templateIsPrintedNotScored() {
        Run r = run("crsi");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("template") && r.out().contains("--format json > crsi.json"), r.out());
        Run json = run("crsi", "--format", "json");
        assertTrue(json.out().contains("\"status\": \"template\""), json.out());
    }

    @Test
    void aUsersFileIsValidatedAndPrinted() throws IOException {
        Path p = dir.resolve("mine.json");
        Files.writeString(p, Instruments.toJson(Instruments.bundled("ras")).replace("\"id\" : \"ras\"",
                "\"id\" : \"my-ras\""), StandardCharsets.UTF_8);
        Run ok = run(p.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("my-ras: "), ok.out());
        Files.writeString(p, Instruments.toJson(Instruments.bundled("ras")).replace("\"reverse_keyed\" : [ 4, 7 ]",
                "\"reverse_keyed\" : [ 4, 8 ]"), StandardCharsets.UTF_8);
        Run bad = run(p.toString());
        assertEquals(3, bad.exit());
        assertTrue(bad.err().contains(p.toString()) && bad.err().contains("field reverse_keyed[1]"), bad.err());
    }

    @Test
    void helpShowsAnExampleAndBadFormatIsUsage() {
        Run h = run("--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("Examples:") && h.out().contains("dyadkit instruments scs"), h.out());
        assertEquals(2, run("scs", "--format", "xml").exit());
    }
}
