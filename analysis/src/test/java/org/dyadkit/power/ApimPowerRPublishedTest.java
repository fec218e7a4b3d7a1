package org.dyadkit.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Analytic power against every number APIMPowerR printed in the outputs we found, to the printed digits. */
class ApimPowerRPublishedTest {

    @Test
    void everyPrintedNumberAgrees() throws IOException {
        List<String[]> rows = read();
        int compared = 0;
        List<String> bad = new ArrayList<>();
        for (String[] c : rows) {
            boolean dist = c[1].equals("distinguishable");
            ApimPower d = dist ? ApimPower.distinguishable("person1", "person2") : ApimPower.indistinguishable();
            d = d.withEffectSize(c[2].equals("d") ? EffectSize.D : EffectSize.BETA)
                    .withActor(Double.parseDouble(c[3])).withPartner(Double.parseDouble(c[4]))
                    .withAlpha(Double.parseDouble(c[5]));
            d = c[6].equals("n") ? d.withTargetPower(Double.parseDouble(c[7])) : d.withDyads(Integer.parseInt(c[7]));
            PowerRow r = d.fit().row(c[8]);
            String where = c[0] + " " + c[8];
            compared += check(bad, where + " power", c[9], r.power());
            if (!c[10].isEmpty()) {
                compared += check(bad, where + " N", c[10], r.nDyads().getAsInt());
            }
            compared += check(bad, where + " df", c[11], r.df());
            compared += check(bad, where + " beta", c[12], r.beta());
            compared += check(bad, where + " r", c[13], r.r());
            compared += check(bad, where + " partial r", c[14], r.partialR());
            compared += check(bad, where + " ncp", c[15], r.ncp());
        }
        assertTrue(bad.isEmpty(), "disagreements: " + bad);
        assertEquals(155, compared, "numbers compared");
    }

    private static int check(List<String> bad, String what, String printed, OptionalDouble ours) {
        if (printed.isEmpty()) {
            return 0;
        }
        if (ours.isEmpty()) {
            bad.add(what + ": printed " + printed + ", ours absent");
            return 1;
        }
        return check(bad, what, printed, ours.getAsDouble());
    }

    private static int check(List<String> bad, String what, String printed, double ours) {
        if (printed.isEmpty()) {
            return 0;
        }
        BigDecimal p = new BigDecimal(printed);
        BigDecimal o = new BigDecimal(ours).setScale(p.scale(), RoundingMode.HALF_UP);
        if (o.compareTo(p) != 0) {
            bad.add(what + ": printed " + printed + ", ours " + ours);
        }
        return 1;
    }

    private static List<String[]> read() throws IOException {
        try (InputStream in = ApimPowerRPublishedTest.class.getResourceAsStream("/golden/power/apimpowerr_published.csv")) {
            List<String[]> out = new ArrayList<>();
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                out.add(line.split(",", -1));
            }
            return out;
        }
    }
}
