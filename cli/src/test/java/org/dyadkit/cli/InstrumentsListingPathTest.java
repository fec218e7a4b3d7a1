package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The start-up path of the bare listing prints what the parsed command prints, and takes no other arguments. */
class InstrumentsListingPathTest {
    private static String parsed(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute(args));
        return out.toString();
    }

    private static String direct(Output.Format format) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, Charset.defaultCharset()));
            assertEquals(0, InstrumentsCommand.printListing(format));
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(Charset.defaultCharset());
    }

    @Test
    void directListingIsTheParsedCommandsOutputInEveryFormat() {
        List<String[]> runs = List.of(new String[] {"instruments"}, new String[] {"instruments", "--format", "json"},
                new String[] {"instruments", "--format=csv"}, new String[] {"instruments", "--format", " Text "},
                new String[] {"instruments", "--format", "JSON"});
        for (String[] args : runs) {
            Output.Format f = InstrumentsCommand.listingOnly(args);
            assertEquals(parsed(args), direct(f), String.join(" ", args));
        }
        assertEquals(Output.Format.CSV, InstrumentsCommand.listingOnly("instruments", "--format=csv"));
    }

    @Test
    void otherArgumentsGoThroughTheParser() {
        assertNull(InstrumentsCommand.listingOnly());
        assertNull(InstrumentsCommand.listingOnly("apim"));
        assertNull(InstrumentsCommand.listingOnly("instruments", "scs"));
        assertNull(InstrumentsCommand.listingOnly("instruments", "--help"));
        assertNull(InstrumentsCommand.listingOnly("instruments", "--format", "xml"));
        assertNull(InstrumentsCommand.listingOnly("instruments", "--format"));
        assertNull(InstrumentsCommand.listingOnly("instruments", "--format", "json", "scs"));
        assertNull(InstrumentsCommand.listingOnly("instruments", "--format=yaml"));
    }
}
