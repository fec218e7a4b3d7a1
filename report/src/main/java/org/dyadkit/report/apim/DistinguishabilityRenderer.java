package org.dyadkit.report.apim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.DistinguishabilityTest;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import org.dyadkit.report.SampleJson;
import org.dyadkit.report.TidyTable;

/**
 * Text, JSON and CSV of the test of distinguishability ({@code dyadkit distinguishability}): the two ML fits,
 * chi-square, df and p, as {@code anova()} of two {@code nlme::gls} fits, and the sample both fits use.
 */
public final class DistinguishabilityRenderer implements Renderer<DistinguishabilityTest> {
    private DistinguishabilityRenderer() {
    }

    /** The renderer. */
    public static DistinguishabilityRenderer of() {
        return new DistinguishabilityRenderer();
    }

    @Override
    public ObjectNode json(DistinguishabilityTest t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analysis", "distinguishability");
        m.put("method", "ML");
        m.put("roles", t.distinguishable().roles());
        m.put("outcome", t.distinguishable().outcome());
        m.put("n_dyads", t.distinguishable().nDyads());
        m.put("n_obs", t.distinguishable().nObs());
        m.put("chi_square", t.chiSquare());
        m.put("df", t.df());
        m.put("p", t.p());
        for (ApimFit f : List.of(t.distinguishable(), t.indistinguishable())) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("log_lik", f.logLik());
            e.put("n_parameters", f.nParameters());
            e.put("aic", f.aic());
            e.put("bic", f.bic());
            e.put("coefficients", ApimRenderer.coefficients(f));
            Map<String, Object> res = ApimRenderer.residual(f);
            e.put("residual", res);
            m.put(f.distinguishable() ? "distinguishable" : "indistinguishable", e);
        }
        m.put("options", ApimRenderer.model(t.distinguishable()));
        ObjectNode o = Formats.object(m);
        o.set("sample", SampleJson.json(t.sample()));
        return o;
    }

    @Override
    public String text(DistinguishabilityTest t) {
        return ApimRenderer.distinguishabilityText(t);
    }

    @Override
    public TidyTable tables(DistinguishabilityTest t) {
        TidyTable.Builder b = TidyTable.builder();
        for (ApimFit f : List.of(t.indistinguishable(), t.distinguishable())) {
            boolean d = f.distinguishable();
            b.row("models").put("model", d ? "distinguishable" : "indistinguishable")
                    .put("n_parameters", f.nParameters()).put("aic", f.aic()).put("bic", f.bic())
                    .put("log_lik", f.logLik()).put("chi_square", d ? t.chiSquare() : null)
                    .put("df", d ? (Object) t.df() : null).put("p", d ? t.p() : null);
        }
        for (ApimFit f : List.of(t.indistinguishable(), t.distinguishable())) {
            ApimRenderer.rows(b, f, f.distinguishable() ? "distinguishable" : "indistinguishable", false);
        }
        SampleJson.rows(b, t.sample());
        return b.build();
    }
}
