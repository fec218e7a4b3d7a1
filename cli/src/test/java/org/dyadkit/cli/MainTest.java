package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.dyadkit.Version;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void versionIsTheBuildsVersion() {
        Run r = Run.run("--version");
        assertEquals(0, r.exit());
        assertEquals("dyadkit " + Version.current(), r.out().strip());
    }

    @Test
    void onlyTheCommandBeingRunIsRegistered() {
        assertEquals(List.of("apim"), Main.registered(Main.commandLine("apim", "--help")));
        assertEquals(List.of(), Main.registered(Main.commandLine("--version")));
        assertEquals(Main.COMMANDS, Main.registered(Main.commandLine()));
        assertEquals(Main.COMMANDS, Main.registered(Main.commandLine("--help")));
        assertEquals(Main.COMMANDS, Main.registered(Main.commandLine("apin")));
    }

    @Test
    void mistypedCommandSuggestsTheNearest() {
        Run r = Run.run("apin", "--input", "x.csv");
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("unknown command 'apin'; did you mean 'apim' or 'apimem'?")
                || r.err().contains("unknown command 'apin'; did you mean 'apim'?"), r.err());
        Run s = Run.run("relaibility");
        assertTrue(s.err().contains("did you mean 'reliability'?"), s.err());
        Run far = Run.run("plot");
        assertTrue(far.err().contains("unknown command 'plot'; the commands are instruments,"), far.err());
    }

    @Test
    void nearestNames() {
        assertEquals(List.of("apim"), Main.nearest("apim2", Main.COMMANDS));
        assertEquals(List.of("nonindependence"), Main.nearest("nonindep", Main.COMMANDS));
        assertEquals(List.of("correlate"), Main.nearest("corelate", Main.COMMANDS));
        assertEquals(List.of(), Main.nearest("xyz", Main.COMMANDS));
    }

    @Test
    void completionScriptsNameEveryCommandAndOption() {
        for (String shell : List.of("bash", "zsh")) {
            Run r = Run.run("completion", shell);
            assertEquals(0, r.exit(), r.err());
            for (String c : Main.COMMANDS) {
                assertTrue(r.out().contains(c), shell + " script lacks " + c);
            }
            assertTrue(r.out().contains("--indistinguishable"), shell);
            assertTrue(r.out().contains("complete -F _complete_dyadkit") || r.out().contains("_complete_dyadkit"), shell);
        }
        assertTrue(Run.run("completion", "zsh").out().startsWith("# dyadkit completion for zsh"));
        assertEquals(Main.EXIT_USAGE, Run.run("completion", "fish").exit());
    }

    /** Every example line of every command's help comes out whole, as written in its footer. */
    @Test
    void helpExamplesAreNotWrapped() {
        CommandLine all = Main.commandLine();
        for (String name : Main.COMMANDS) {
            Run r = Run.run(name, "--help");
            assertEquals(0, r.exit(), name);
            List<String> lines = r.out().lines().toList();
            for (String footer : all.getSubcommands().get(name).getCommandSpec().usageMessage().footer()) {
                if (!footer.isEmpty() && Character.isWhitespace(footer.charAt(0))) {
                    assertTrue(lines.contains(footer), name + ": example line not printed whole: " + footer);
                }
            }
        }
    }

    @Test
    void overviewListsEveryCommand() {
        CommandLine cl = Main.commandLine("--help");
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("--help"));
        for (String c : Main.COMMANDS) {
            assertTrue(out.toString().contains("  " + c), c);
        }
    }
}
