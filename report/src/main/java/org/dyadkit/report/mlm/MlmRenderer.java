package org.dyadkit.report.mlm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dyadkit.mlm.FixedEffect;
import org.dyadkit.mlm.MlmFit;
import org.dyadkit.mlm.Occasions;
import org.dyadkit.mlm.RandomCovariance;
import org.dyadkit.mlm.RandomPart;
import org.dyadkit.mlm.ResidualPart;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import org.dyadkit.report.SampleJson;
import org.dyadkit.report.TidyTable;

/**
 * The renderings of a mixed model for dyads over time ({@link MlmFit}): text that reads like
 * {@code summary(lme)}, JSON with {@code coefficients} ({@code term} as written, {@code estimate},
 * {@code se}, {@code df}, {@code t}, {@code p}), {@code random}, {@code residual}, {@code log_lik},
 * {@code aic}, {@code bic} and {@code sample} (persons and dyads, plus the person-occasions in the file,
 * used and excluded), and one tidy table.
 */
public final class MlmRenderer implements Renderer<MlmFit> {
    private final String analysis;
    private final String input;
    private final String roleColumn;

    /**
     * A renderer.
     *
     * @param analysis the analysis name written to JSON ({@code mlm}, {@code growth}, ...)
     * @param input the input file named in the output
     * @param roleColumn the role column, or null: residual SDs by this column are written with a {@code role} key
     */
    public MlmRenderer(String analysis, String input, String roleColumn) {
        this.analysis = analysis;
        this.input = input;
        this.roleColumn = roleColumn;
    }

    private String levelKey(MlmFit f) {
        return f.varianceBy().isPresent() && f.varianceBy().get().equals(roleColumn) ? "role" : "level";
    }

    @Override
    public ObjectNode json(MlmFit f) {
        ObjectNode o = Formats.object();
        o.put("analysis", analysis);
        o.put("input", input);
        o.put("method", f.method().name());
        o.put("fixed", f.fixed());
        o.put("random_formula", f.random());
        ObjectNode opt = o.putObject("options");
        opt.put("random_covariance", f.randomCovariance().name().toLowerCase(Locale.ROOT));
        opt.put("within_occasion", f.withinOccasion().name().toLowerCase(Locale.ROOT));
        opt.put("autocorrelation", f.autocorrelation().name().toLowerCase(Locale.ROOT));
        if (f.varianceBy().isPresent()) {
            opt.put("variance_by", f.varianceBy().get());
        } else {
            opt.putNull("variance_by");
        }
        opt.put("df", f.dfRule().name().toLowerCase(Locale.ROOT));
        o.put("n_obs", f.observations());
        o.put("n_dyads", f.sample().dyadsUsed());
        ArrayNode coefs = o.putArray("coefficients");
        for (FixedEffect c : f.coefficients()) {
            ObjectNode r = coefs.addObject();
            r.put("term", c.term());
            Formats.put(r, "estimate", c.estimate());
            Formats.put(r, "se", c.se());
            Formats.put(r, "df", c.df());
            Formats.put(r, "t", c.t());
            Formats.put(r, "p", c.p());
        }
        ObjectNode rnd = o.putObject("random");
        rnd.put("formula", f.random());
        rnd.put("covariance", f.randomCovariance().name().toLowerCase(Locale.ROOT));
        ArrayNode sds = rnd.putArray("sd");
        RandomPart rp = f.randomPart();
        for (int i = 0; i < rp.terms().size(); i++) {
            ObjectNode r = sds.addObject();
            r.put("term", rp.terms().get(i));
            Formats.put(r, "sd", rp.sd().get(i));
        }
        ArrayNode cors = rnd.putArray("correlations");
        for (RandomPart.Correlation c : rp.correlations()) {
            ObjectNode r = cors.addObject();
            r.put("term1", c.first());
            r.put("term2", c.second());
            Formats.put(r, "r", c.r());
        }
        ObjectNode res = o.putObject("residual");
        ArrayNode rsd = res.putArray("sd");
        String key = levelKey(f);
        for (ResidualPart.StratumSd s : f.residual().sd()) {
            ObjectNode r = rsd.addObject();
            r.put(key, s.level());
            Formats.put(r, "sd", s.sd());
            Formats.put(r, "ratio", s.ratio());
        }
        Formats.put(res, "sigma", f.residual().sigma());
        Formats.put(res, "within_occasion_correlation",
                f.residual().withinOccasion().isPresent() ? f.residual().withinOccasion().getAsDouble() : null);
        Formats.put(res, "autocorrelation",
                f.residual().autocorrelation().isPresent() ? f.residual().autocorrelation().getAsDouble() : null);
        Formats.put(o, "log_lik", f.logLik());
        Formats.put(o, "aic", f.aic());
        Formats.put(o, "bic", f.bic());
        o.put("parameters", f.parameters());
        ObjectNode sample = SampleJson.json(f.sample());
        Occasions oc = f.occasions();
        sample.put("occasions_in_file", oc.rowsInFile());
        sample.put("occasions_used", oc.rowsUsed());
        sample.put("distinct_occasions_used", oc.distinctUsed());
        ArrayNode ex = sample.putArray("occasions_excluded");
        for (Occasions.Exclusion e : oc.excluded()) {
            ex.addObject().put("reason", e.reason()).put("occasions", e.rows());
        }
        o.set("sample", sample);
        return o;
    }

    @Override
    public String text(MlmFit f) {
        StringBuilder sb = new StringBuilder();
        sb.append("Linear mixed-effects model fit by ").append(f.method()).append(" (dyadkit ").append(analysis)
                .append(", as nlme::lme)\n");
        sb.append("  Data: ").append(input).append('\n');
        for (String line : Formats.table(List.of(List.of("AIC", "BIC", "logLik"), List.of(Formats.fixed(f.aic(), 4),
                Formats.fixed(f.bic(), 4), Formats.fixed(f.logLik(), 4)))).split("\n")) {
            sb.append("  ").append(line).append('\n');
        }
        sb.append('\n').append("Random effects:\n");
        sb.append(" Formula: ").append(f.random()).append('\n');
        sb.append(" Structure: ").append(f.randomCovariance() == RandomCovariance.UNSTRUCTURED
                ? "General positive-definite (unstructured)" : "Diagonal").append('\n');
        RandomPart rp = f.randomPart();
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("", "StdDev"));
        boolean corr = !rp.correlations().isEmpty();
        if (corr) {
            head.add("Corr");
            for (int j = 0; j < rp.terms().size() - 1; j++) {
                if (j > 0) {
                    head.add("");
                }
            }
        }
        rows.add(head);
        for (int i = 0; i < rp.terms().size(); i++) {
            List<String> r = new ArrayList<>(List.of(" " + rp.terms().get(i), Formats.fixed(rp.sd().get(i), 7)));
            if (corr) {
                for (int j = 0; j < i; j++) {
                    String a = rp.terms().get(j);
                    String b = rp.terms().get(i);
                    double v = rp.correlations().stream().filter(c -> c.first().equals(a) && c.second().equals(b))
                            .findFirst().orElseThrow().r();
                    r.add(Formats.fixed(v, 3));
                }
            }
            rows.add(r);
        }
        sb.append(Formats.table(rows));
        sb.append('\n').append("Residual:\n");
        List<List<String>> rr = new ArrayList<>();
        rr.add(List.of("", "StdDev", "ratio"));
        for (ResidualPart.StratumSd s : f.residual().sd()) {
            rr.add(List.of(" " + s.level(), Formats.fixed(s.sd(), 7), Formats.fixed(s.ratio(), 7)));
        }
        sb.append(Formats.table(rr));
        f.varianceBy().ifPresent(v -> sb.append(" Variance function: varIdent by ").append(v).append('\n'));
        if (f.residual().withinOccasion().isPresent()) {
            sb.append(" Partners at the same occasion (compound symmetry): rho = ")
                    .append(Formats.fixed(f.residual().withinOccasion().getAsDouble(), 7)).append('\n');
        }
        if (f.residual().autocorrelation().isPresent()) {
            sb.append(" AR(1) within person across occasions: phi = ")
                    .append(Formats.fixed(f.residual().autocorrelation().getAsDouble(), 7)).append('\n');
        }
        sb.append('\n').append("Fixed effects: ").append(f.fixed()).append('\n');
        List<List<String>> ft = new ArrayList<>();
        ft.add(List.of("", "Value", "Std.Error", "DF", "t-value", "p-value"));
        for (FixedEffect c : f.coefficients()) {
            ft.add(List.of(c.term(), Formats.fixed(c.estimate(), 7), Formats.fixed(c.se(), 7),
                    Formats.number(c.df() == Math.rint(c.df()) ? c.df() : Math.round(c.df() * 100) / 100.0),
                    Formats.fixed(c.t(), 4), Formats.pValue(c.p())));
        }
        sb.append(Formats.table(ft));
        sb.append("DF: ").append(f.dfRule().name().toLowerCase(Locale.ROOT)).append('\n');
        sb.append('\n').append("Number of Observations: ").append(f.observations()).append('\n');
        sb.append("Number of Groups: ").append(f.sample().dyadsUsed()).append('\n');
        sb.append(SampleJson.text(f.sample()));
        Occasions oc = f.occasions();
        sb.append("Occasions: ").append(oc.rowsUsed()).append(" of ").append(oc.rowsInFile())
                .append(" person-occasions used (").append(oc.distinctUsed()).append(" distinct occasions)\n");
        for (Occasions.Exclusion e : oc.excluded()) {
            sb.append("  excluded: ").append(e.rows()).append(", ").append(e.reason()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public TidyTable tables(MlmFit f) {
        TidyTable.Builder b = TidyTable.builder();
        for (FixedEffect c : f.coefficients()) {
            b.row("coefficients").put("term", c.term()).put("estimate", c.estimate()).put("se", c.se())
                    .put("df", c.df()).put("t", c.t()).put("p", c.p());
        }
        RandomPart rp = f.randomPart();
        for (int i = 0; i < rp.terms().size(); i++) {
            b.row("random").put("term", rp.terms().get(i)).put("quantity", "sd").put("value", rp.sd().get(i));
        }
        for (RandomPart.Correlation c : rp.correlations()) {
            b.row("random").put("term", c.first() + "," + c.second()).put("quantity", "correlation").put("value", c.r());
        }
        for (ResidualPart.StratumSd s : f.residual().sd()) {
            b.row("residual").put("term", s.level()).put("quantity", "sd").put("value", s.sd());
        }
        f.residual().withinOccasion().ifPresent(v -> b.row("residual").put("quantity", "within_occasion_correlation")
                .put("value", v));
        f.residual().autocorrelation().ifPresent(v -> b.row("residual").put("quantity", "autocorrelation")
                .put("value", v));
        b.row("fit").put("quantity", "log_lik").put("value", f.logLik());
        b.row("fit").put("quantity", "aic").put("value", f.aic());
        b.row("fit").put("quantity", "bic").put("value", f.bic());
        SampleJson.rows(b, f.sample());
        b.row("sample").put("quantity", "occasions_in_file").put("value", f.occasions().rowsInFile());
        b.row("sample").put("quantity", "occasions_used").put("value", f.occasions().rowsUsed());
        for (Occasions.Exclusion e : f.occasions().excluded()) {
            b.row("sample").put("quantity", "occasions_excluded").put("reason", e.reason()).put("value", e.rows());
        }
        return b.build();
    }
}
