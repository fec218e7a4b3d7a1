package org.dyadkit.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dyadkit.report.svg.Charts;
import org.dyadkit.report.svg.Diagrams;
import org.dyadkit.report.svg.Svg;
import org.dyadkit.resample.BootstrapDistribution;
import org.dyadkit.table.DataTable;

/**
 * The report of a study: one self-contained HTML file (inline style and SVG figures; no scripts, fonts
 * or any other external reference) with a methods paragraph, an APA-style results paragraph, tables and
 * figures per analysis, built from a study's {@code results.json} tree and its scored data. Every number
 * in the text and tables is read from the results tree (never retyped); the figures that show data
 * (distributions, scatters) are drawn from the scored file. The same inputs give the same bytes.
 */
public final class StudyReport {
    /** The report: the HTML text and each figure on its own. */
    public record Output(String html, List<Svg> figures) {
        /** The figures, unmodifiable. */
        public Output {
            figures = List.copyOf(figures);
        }
    }

    private final JsonNode results;
    private final JsonNode study;
    private final DataTable scores;
    private final StringBuilder h = new StringBuilder();
    private final List<Svg> figures = new ArrayList<>();
    private final Set<String> citations = new LinkedHashSet<>();
    private int tableNo;
    private int figureNo;

    private final Map<String, Map<String, BootstrapDistribution>> distributions;
    private final DataTable diary;

    private StudyReport(JsonNode results, DataTable scores, DataTable diary,
            Map<String, Map<String, BootstrapDistribution>> distributions) {
        this.results = results;
        this.study = results.path("study");
        this.scores = scores;
        this.diary = diary;
        this.distributions = distributions;
    }

    /** Renders the report of a study's results tree and its scored data (no bootstrap distributions drawn). */
    public static Output render(JsonNode results, DataTable scores) {
        return render(results, scores, Map.of());
    }

    /**
     * Renders the report of a study's results tree and its scored data, with the histograms of the
     * bootstrap distributions the analyses kept.
     *
     * @param distributions per analysis id, the bootstrap distributions of its result: {@code apim} keyed by
     *     the role of k ({@code all} for indistinguishable dyads), {@code apimem} by {@code effect|role} (simple
     *     indirect effects) and {@code total:effect|role}, {@code mediate} by {@code indirect}; the estimates
     *     and interval bounds marked on them are read from {@code results}
     */
    public static Output render(JsonNode results, DataTable scores,
            Map<String, Map<String, BootstrapDistribution>> distributions) {
        return render(results, scores, Optional.empty(), distributions);
    }

    /**
     * Renders the report with the study's person-period (diary) data, from which the over-time figures
     * draw the observed means per occasion beside the fitted lines.
     *
     * @param diary the file of the study's {@code diary} block, read as a table; empty when there is none
     */
    public static Output render(JsonNode results, DataTable scores, Optional<DataTable> diary,
            Map<String, Map<String, BootstrapDistribution>> distributions) {
        StudyReport r = new StudyReport(results, scores, diary.orElse(null), distributions);
        r.document();
        return new Output(r.h.toString(), r.figures);
    }

    private BootstrapDistribution distribution(String id, String key) {
        return distributions.getOrDefault(id, Map.of()).get(key);
    }

    // ---------------------------------------------------------------------------------------------- labels

    private String var(String v) {
        JsonNode l = study.path("labels").path("variables").get(v);
        return l == null ? v : l.asText();
    }

    private String roles(String role) {
        JsonNode l = study.path("labels").path("roles").get(role);
        return l == null ? role + " partners" : l.asText();
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String esc(String s) {
        return Svg.escape(s);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        if (parts.size() == 2) {
            return parts.get(0) + " and " + parts.get(1);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + ", and " + parts.get(parts.size() - 1);
    }

    // ---------------------------------------------------------------------------------------------- document

    private void document() {
        String title = study.path("title").asText("Study");
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"byline\">Report of the study file ").append(esc(study.path("file").asText()))
                .append(", written by dyadkit ").append(esc(results.path("versions").path("dyadkit").asText()))
                .append(". Every number below is read from <code>results.json</code> beside this file.</p>\n");
        h.append("<h2>Method</h2>\n");
        methods();
        h.append("<h2>Results</h2>\n");
        descriptives();
        List<JsonNode> overTime = new ArrayList<>();
        List<JsonNode> power = new ArrayList<>();
        for (JsonNode a : results.path("analyses")) {
            String type = a.path("type").asText();
            if (OVER_TIME.contains(type)) {
                overTime.add(a);
            } else if (type.equals("power")) {
                power.add(a);
            } else {
                analysis(a);
            }
        }
        if (!overTime.isEmpty()) {
            h.append("<h2>Diary: over-time analyses</h2>\n");
            diaryMethods(overTime);
            overTime.forEach(this::analysis);
        }
        if (!power.isEmpty()) {
            h.append("<h2>Power and sample size</h2>\n");
            power.forEach(this::analysis);
        }
        published();
        references();
        appendix();
        h.append("</body>\n</html>\n");
    }

    private void methods() {
        JsonNode data = study.path("data");
        String dyadCol = data.path("dyad").asText(null);
        String roleCol = data.path("role").asText(null);
        StringBuilder p = new StringBuilder();
        p.append("<p class=\"methods\">");
        p.append("The data file ").append(esc(data.path("file").asText())).append(" holds ")
                .append(Apa.count(scores.rowCount())).append(" rows");
        if (dyadCol != null && scores.hasColumn(dyadCol)) {
            Map<String, Integer> members = new LinkedHashMap<>();
            for (String d : scores.text(dyadCol)) {
                if (!d.isBlank()) {
                    members.merge(d.strip(), 1, Integer::sum);
                }
            }
            long singles = members.values().stream().filter(n -> n == 1).count();
            p.append(" (one per person) from ").append(Apa.count(members.size())).append(" dyads");
            if (singles > 0) {
                p.append(", ").append(Apa.count(singles)).append(" of them with one member");
            }
            if (roleCol != null && scores.hasColumn(roleCol)) {
                Map<String, Integer> byRole = new LinkedHashMap<>();
                for (String r : scores.text(roleCol)) {
                    if (!r.isBlank()) {
                        byRole.merge(r.strip(), 1, Integer::sum);
                    }
                }
                List<String> parts = new ArrayList<>();
                byRole.forEach((r, n) -> parts.add(Apa.count(n) + " " + esc(roles(r))));
                p.append("; the dyads are distinguishable by ").append(esc(roleCol)).append(" (")
                        .append(join(parts)).append(")");
            } else {
                p.append("; the members of a dyad are treated as indistinguishable");
            }
        }
        p.append(". ");
        JsonNode ins = study.path("scores");
        if (ins.size() > 0) {
            List<String> named = new ArrayList<>();
            for (JsonNode i : ins) {
                String cite = i.path("citation").asText("");
                String shortCite = shortCitation(cite);
                named.add("the " + esc(i.path("name").asText(i.path("id").asText())) + (shortCite.isEmpty() ? ""
                        : " (" + esc(shortCite) + ")"));
                if (!cite.isEmpty()) {
                    citations.add(cite + (i.path("doi").isTextual() ? " https://doi.org/" + i.path("doi").asText() : ""));
                }
            }
            p.append("Both partners completed ").append(join(named)).append(". ");
            List<String> rules = new ArrayList<>();
            for (JsonNode i : ins) {
                String rule = i.path("missing_rule").asText("");
                String total = i.path("total").asText("");
                rules.add(esc(i.path("id").asText()) + ": " + esc(rule) + (total.isEmpty() ? "" : "; total score: "
                        + esc(total)));
            }
            p.append("Reverse-keyed items were reversed as min + max - x, and a scale score was computed only when "
                    + "enough of its items were answered (").append(String.join("; ", rules)).append("); otherwise it "
                    + "is missing, and analyses use every person or dyad with the values they need. ");
        }
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode a : results.path("analyses")) {
            types.add(a.path("type").asText());
        }
        if (types.contains("reliability")) {
            p.append("Internal consistency is Cronbach's alpha with the Feldt interval and McDonald's omega, per "
                    + "partner role, computed as psych::alpha and psych::omega (Revelle 2024). ");
            citations.add("Revelle, W. (2024). psych: Procedures for psychological, psychometric, and personality "
                    + "research (R package).");
        }
        if (types.contains("nonindependence") || types.contains("correlate")) {
            p.append("Nonindependence is the Pearson correlation between partners' scores with a Fisher-z interval "
                    + "(the intraclass correlation for indistinguishable dyads; Kenny, Kashy and Cook 2006, ch. 2). ");
            citations.add("Kenny, D. A., Kashy, D. A., & Cook, W. L. (2006). Dyadic data analysis. Guilford Press.");
        }
        for (JsonNode a : results.path("analyses")) {
            String type = a.path("type").asText();
            JsonNode res = a.path("result");
            String id = a.path("id").asText();
            if (type.equals("apim")) {
                p.append("The actor-partner interdependence model (").append(esc(id)).append(") was estimated by "
                        + "generalised least squares with ").append(res.path("dyads").asText().equals("distinguishable")
                        ? "role-specific residual variances and one residual correlation" : "compound-symmetric residuals")
                        .append(" by ").append(esc(res.path("method").asText())).append(", as nlme::gls (Pinheiro and "
                        + "Bates 2000); t tests use ").append(dfText(res.path("df_method").asText()))
                        .append(" degrees of freedom. ");
                JsonNode k = byRole(res.path("k"), null);
                if (k.isObject() && k.size() > 0) {
                    JsonNode first = k.elements().next();
                    p.append("The ratio k = partner / actor effect (Kenny and Ledermann 2010) has a delta-method "
                            + "interval");
                    JsonNode boot = first.path("bootstrap");
                    if (boot.isObject()) {
                        p.append(" and percentile and bias-corrected intervals from ")
                                .append(Apa.count(boot.path("replicates").asLong())).append(" bootstrap resamples of "
                                + "whole dyads (seed ").append(boot.path("seed").asText()).append(")");
                    }
                    p.append(". ");
                    citations.add("Kenny, D. A., & Ledermann, T. (2010). Detecting, measuring, and testing dyadic "
                            + "patterns in the actor-partner interdependence model. Journal of Family Psychology, 24(3), "
                            + "359-366. https://doi.org/10.1037/a0019651");
                }
                citations.add("Pinheiro, J. C., & Bates, D. M. (2000). Mixed-effects models in S and S-PLUS. Springer.");
                citations.add("Kenny, D. A., Kashy, D. A., & Cook, W. L. (2006). Dyadic data analysis. Guilford Press.");
            } else if (type.equals("distinguishability")) {
                p.append("Distinguishability (").append(esc(id)).append(") is the ML likelihood-ratio test of the "
                        + "distinguishable model against the model with equal intercepts, effects and variances for both "
                        + "roles (Kenny, Kashy and Cook 2006, ch. 7). ");
            } else if (type.equals("apimem")) {
                JsonNode ind = res.path("indirect");
                JsonNode first = ind.size() > 0 ? ind.get(0) : null;
                p.append("The APIM mediation model (").append(esc(id)).append("; Ledermann, Macho and Kenny 2011) "
                        + "fits the mediator and outcome equations as APIMs by ").append(esc(res.path("method").asText()));
                if (first != null && first.path("bootstrap_n").asLong() > 0) {
                    p.append("; indirect effects have ").append(esc(first.path("ci_method").asText()))
                            .append(" intervals from ").append(Apa.count(first.path("bootstrap_n").asLong()))
                            .append(" bootstrap resamples of whole dyads (seed ").append(first.path("seed").asText())
                            .append(")");
                }
                p.append(". ");
                citations.add("Ledermann, T., Macho, S., & Kenny, D. A. (2011). Assessing mediation in dyadic data "
                        + "using the actor-partner interdependence model. Structural Equation Modeling, 18(4), 595-612. "
                        + "https://doi.org/10.1080/10705511.2011.607099");
            } else if (type.equals("mediate")) {
                p.append("Single-level mediation (").append(esc(id)).append(") uses ordinary least squares for the "
                        + "mediator and outcome models with Sobel and bootstrap intervals of the indirect effect. ");
            }
        }
        p.append("All analyses were run by dyadkit from one study file; the command of each is listed in the "
                + "appendix.</p>\n");
        h.append(p);
    }

    private static String dfText(String method) {
        return switch (method) {
            case "residual" -> "residual (N - p, as nlme::gls)";
            case "between-within", "between_within" -> "between-within";
            case "satterthwaite" -> "Satterthwaite";
            default -> method;
        };
    }

    private static String shortCitation(String citation) {
        // "Neff, K. D. (2003). Title..." -> "Neff, 2003"
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Z][^,(]+), [A-Z]\\..*?\\((\\d{4}[a-z]?)\\)")
                .matcher(citation);
        if (m.find()) {
            String authors = m.group(1).strip();
            boolean more = citation.indexOf('&') >= 0 && citation.indexOf('&') < citation.indexOf('(');
            return authors + (more ? " et al." : "") + ", " + m.group(2);
        }
        return "";
    }

    // ---------------------------------------------------------------------------------------------- tables

    private void tableStart(String caption, List<String> header) {
        tableNo++;
        h.append("<table>\n<caption><span class=\"label\">Table ").append(tableNo).append("</span> ")
                .append(esc(caption)).append("</caption>\n<thead><tr>");
        for (String c : header) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
    }

    private void row(List<String> cells) {
        h.append("<tr>");
        for (int i = 0; i < cells.size(); i++) {
            h.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(esc(cells.get(i))).append(i == 0 ? "</th>" : "</td>");
        }
        h.append("</tr>\n");
    }

    private void tableEnd(String note) {
        h.append("</tbody>\n</table>\n");
        if (note != null) {
            h.append("<p class=\"note\"><em>Note.</em> ").append(esc(note)).append("</p>\n");
        }
    }

    private void figure(Svg s, String caption) {
        figureNo++;
        figures.add(s);
        h.append("<figure id=\"fig-").append(esc(s.id())).append("\">\n").append(s).append("<figcaption><span class=\"label\">"
                + "Figure ").append(figureNo).append("</span> ").append(esc(caption)).append(" (figures/")
                .append(esc(s.id())).append(".svg)</figcaption>\n</figure>\n");
    }

    private void paragraph(String text) {
        h.append("<p class=\"results\">").append(esc(text)).append("</p>\n");
    }

    // ---------------------------------------------------------------------------------------------- descriptives

    private List<String> roleValues() {
        String roleCol = study.path("data").path("role").asText(null);
        List<String> out = new ArrayList<>();
        if (roleCol != null && scores.hasColumn(roleCol)) {
            for (String r : scores.text(roleCol)) {
                if (!r.isBlank() && !out.contains(r.strip())) {
                    out.add(r.strip());
                }
            }
        }
        return out;
    }

    private Map<String, double[]> byRole(String column) {
        Map<String, double[]> out = new LinkedHashMap<>();
        double[] v = scores.numeric(column);
        List<String> rs = roleValues();
        if (rs.isEmpty()) {
            out.put("all", v);
            return out;
        }
        String[] role = scores.text(study.path("data").path("role").asText());
        for (String r : rs) {
            List<Double> l = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                if (role[i].strip().equals(r)) {
                    l.add(v[i]);
                }
            }
            out.put(r, l.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    /** Mean, SD (n - 1) and n of the finite values. */
    static double[] moments(double[] v) {
        double s = 0;
        int n = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                s += d;
                n++;
            }
        }
        double m = s / n;
        double ss = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                ss += (d - m) * (d - m);
            }
        }
        return new double[] {n == 0 ? Double.NaN : m, n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1)), n};
    }

    private void descriptives() {
        List<String> vars = new ArrayList<>();
        for (JsonNode v : study.path("variables")) {
            if (scores.hasColumn(v.asText())) {
                vars.add(v.asText());
            }
        }
        if (vars.isEmpty()) {
            return;
        }
        List<String> rs = roleValues();
        List<String> groups = rs.isEmpty() ? List.of("all") : rs;
        // alpha and omega of a score column, per group, from the reliability analyses
        Map<String, JsonNode> rel = new LinkedHashMap<>();
        for (JsonNode a : results.path("analyses")) {
            if (!a.path("type").asText().equals("reliability")) {
                continue;
            }
            JsonNode res = a.path("result");
            String prefix = prefixOf(res.path("instrument").path("id").asText());
            for (JsonNode s : res.path("scales")) {
                String group = s.path("group").isNull() || s.path("group").isMissingNode() ? "all" : s.path("group").asText();
                rel.putIfAbsent(prefix + "_" + s.path("scale").asText() + "|" + group, s);
            }
        }
        h.append("<h3>Descriptive statistics</h3>\n");
        List<String> header = new ArrayList<>(List.of("Variable"));
        for (String g : groups) {
            String label = g.equals("all") ? "" : cap(roles(g)) + " ";
            header.addAll(List.of(label + "n", label + "M", label + "SD", label + "\u03b1"));
        }
        tableStart("Means, standard deviations and reliabilities by partner role", header);
        for (String v : vars) {
            Map<String, double[]> by = byRole(v);
            List<String> cells = new ArrayList<>(List.of(var(v)));
            for (String g : groups) {
                double[] m = moments(by.getOrDefault(g, new double[0]));
                JsonNode s = rel.get(v + "|" + g);
                cells.add(Long.toString((long) m[2]));
                cells.add(Apa.num(m[0], 2));
                cells.add(Apa.num(m[1], 2));
                cells.add(s == null ? "" : Apa.r(s.path("alpha").path("raw_alpha")));
            }
            row(cells);
        }
        tableEnd("n: persons with the score; alpha: Cronbach's alpha from the reliability analyses (blank where the "
                + "study has none for that scale).");
        for (String v : vars) {
            figure(Charts.histogram("distribution-" + v, "Distribution of " + var(v) + " by role",
                    var(v), relabel(byRole(v))), "Distribution of " + var(v) + " for each partner role.");
        }
    }

    private Map<String, double[]> relabel(Map<String, double[]> by) {
        Map<String, double[]> out = new LinkedHashMap<>();
        by.forEach((k, v) -> out.put(k.equals("all") ? "all" : roles(k), v));
        return out;
    }

    private String prefixOf(String instrumentId) {
        for (JsonNode i : study.path("scores")) {
            if (i.path("id").asText().equals(instrumentId)) {
                return i.path("prefix").asText();
            }
        }
        return instrumentId.replace('-', '_');
    }

    // ---------------------------------------------------------------------------------------------- analyses

    private void analysis(JsonNode a) {
        String id = a.path("id").asText();
        String type = a.path("type").asText();
        JsonNode res = a.path("result");
        h.append("<section class=\"analysis\" id=\"analysis-").append(esc(id)).append("\">\n<h3>")
                .append(esc(id)).append(" <span class=\"type\">(").append(esc(type)).append(")</span></h3>\n");
        switch (type) {
            case "reliability" -> reliability(id, res);
            case "nonindependence" -> nonindependence(id, res);
            case "correlate" -> correlate(id, res);
            case "apim" -> apim(id, res);
            case "distinguishability" -> distinguishability(res);
            case "apimem" -> apimem(id, res);
            case "mediate" -> mediate(id, res);
            case "power" -> power(id, res);
            case "mlm", "growth", "longitudinal-apim", "stability-influence" -> mixed(id, type, res);
            default -> paragraph("The results of this analysis are in results.json and tables/" + id + ".csv.");
        }
        h.append("</section>\n");
    }

    private void reliability(String id, JsonNode res) {
        String name = res.path("instrument").path("name").asText(res.path("instrument").path("id").asText());
        List<String> sentences = new ArrayList<>();
        Map<String, List<JsonNode>> byScale = new LinkedHashMap<>();
        for (JsonNode s : res.path("scales")) {
            byScale.computeIfAbsent(s.path("scale").asText(), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<JsonNode>> e : byScale.entrySet()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode s : e.getValue()) {
                JsonNode al = s.path("alpha");
                String g = s.path("group").isTextual() ? " for " + roles(s.path("group").asText()) : "";
                parts.add(Apa.r(al.path("raw_alpha")) + g + " (95% CI " + Apa.ciR(al.path("feldt").path("lower"),
                        al.path("feldt").path("upper")) + ")");
            }
            sentences.add("Cronbach's \u03b1 of the " + e.getKey().replace('_', ' ') + " score was " + join(parts));
        }
        paragraph("Reliability of the " + name + ": " + String.join("; ", sentences) + ".");
        tableStart("Reliability of the " + name + " by partner role", List.of("Scale", "Group", "Items", "n", "\u03b1",
                "95% CI (Feldt)", "\u03c9 total", "\u03c9 hierarchical", "Mean inter-item r"));
        for (JsonNode s : res.path("scales")) {
            JsonNode al = s.path("alpha");
            row(List.of(s.path("scale").asText(), s.path("group").asText("all"), Integer.toString(s.path("items").size()),
                    s.path("n_respondents").asText(), Apa.r(al.path("raw_alpha")),
                    Apa.ciR(al.path("feldt").path("lower"), al.path("feldt").path("upper")),
                    omega(s.path("omega_total")), omega(s.path("omega_hierarchical")), Apa.r(al.path("average_r"))));
        }
        tableEnd("Alpha with pairwise-complete item covariances (psych::alpha); omega from a factor analysis of the "
                + "items (psych::omega) where the scale has enough items.");
        for (Map.Entry<String, List<JsonNode>> e : byScale.entrySet()) {
            if (byScale.containsKey("total") && !e.getKey().equals("total")) {
                continue;
            }
            List<String> items = strings(e.getValue().get(0).path("items"));
            Map<String, double[]> by = new LinkedHashMap<>();
            for (JsonNode s : e.getValue()) {
                double[] v = new double[items.size()];
                java.util.Arrays.fill(v, Double.NaN);
                for (JsonNode it : s.path("item_statistics")) {
                    int i = items.indexOf(it.path("item").asText());
                    if (i >= 0 && Apa.has(it.path("r_drop"))) {
                        v[i] = it.path("r_drop").asDouble();
                    }
                }
                by.put(s.path("group").isTextual() ? roles(s.path("group").asText()) : "all", v);
            }
            figure(Charts.dots("items-" + id + "-" + e.getKey(), "Item statistics: " + name + ", " + e.getKey()
                    .replace('_', ' '), "Corrected item-total correlation (r.drop)", "Item", items, by),
                    "Corrected item-total correlation of each item of the " + e.getKey().replace('_', ' ') + " score, per "
                    + "partner role.");
        }
    }

    private static String omega(JsonNode n) {
        if (Apa.has(n)) {
            return Apa.r(n);
        }
        if (n != null && n.isObject()) {
            for (String k : List.of("omega", "value", "estimate")) {
                if (Apa.has(n.get(k))) {
                    return Apa.r(n.get(k));
                }
            }
        }
        return "";
    }

    private void nonindependence(String id, JsonNode res) {
        boolean dist = res.path("distinguishable").asBoolean();
        List<String> rs = strings(res.path("roles"));
        List<String> sentences = new ArrayList<>();
        if (dist) {
            tableStart("Nonindependence: correlation of partners' scores", List.of("Variable", "Dyads", "r", "95% CI",
                    "t", "df", "p"));
            for (JsonNode v : res.path("variables")) {
                row(List.of(var(v.path("variable").asText()), v.path("n_dyads").asText(), Apa.r(v.path("pearson_r")),
                        Apa.ciR(v.path("fisher_ci_lower"), v.path("fisher_ci_upper")), Apa.num(v.path("t"), 2),
                        Apa.df(v.path("df")), Apa.pCell(v.path("p"))));
                sentences.add("the partners' " + var(v.path("variable").asText()) + " scores correlated r("
                        + Apa.df(v.path("df")) + ") = " + Apa.r(v.path("pearson_r")) + ", 95% CI "
                        + Apa.ciR(v.path("fisher_ci_lower"), v.path("fisher_ci_upper")) + ", " + Apa.p(v.path("p"))
                        + " (" + v.path("n_dyads").asText() + " dyads)");
            }
            tableEnd("r: Pearson correlation of the two partners' scores over dyads with both; CI from Fisher's z.");
        } else {
            tableStart("Nonindependence: intraclass correlations", List.of("Variable", "Dyads", "ICC (ANOVA)", "F",
                    "df", "p", "Pairwise r", "z", "p (pairwise)"));
            for (JsonNode v : res.path("variables")) {
                row(List.of(var(v.path("variable").asText()), v.path("n_dyads").asText(), Apa.r(v.path("anova_icc")),
                        Apa.num(v.path("f"), 2), Apa.df(v.path("df1")) + ", " + Apa.df(v.path("df2")),
                        Apa.pCell(v.path("p")), Apa.r(v.path("pairwise_r")), Apa.num(v.path("z"), 2),
                        Apa.pCell(v.path("pairwise_p"))));
                sentences.add("the intraclass correlation of " + var(v.path("variable").asText()) + " was "
                        + Apa.r(v.path("anova_icc")) + ", F(" + Apa.df(v.path("df1")) + ", " + Apa.df(v.path("df2"))
                        + ") = " + Apa.num(v.path("f"), 2) + ", " + Apa.p(v.path("p")));
            }
            tableEnd("ICC from the one-way ANOVA with dyads as groups; pairwise r from the double-entry data.");
        }
        h.insert(h.lastIndexOf("<table>"), "<p class=\"results\">" + esc("Nonindependence: " + String.join("; ",
                sentences) + ".") + "</p>\n");
        String dyadCol = study.path("data").path("dyad").asText(null);
        String roleCol = study.path("data").path("role").asText(null);
        if (dyadCol == null || !scores.hasColumn(dyadCol)) {
            return;
        }
        for (JsonNode v : res.path("variables")) {
            String col = v.path("variable").asText();
            if (!scores.hasColumn(col)) {
                continue;
            }
            double[][] pairs = pairs(col, dyadCol, dist ? roleCol : null, rs);
            String xl = dist ? var(col) + " (" + roles(rs.get(0)) + ")" : var(col) + " (first partner)";
            String yl = dist ? var(col) + " (" + roles(rs.get(1)) + ")" : var(col) + " (second partner)";
            figure(Charts.scatter("partners-" + id + "-" + col, "Partners' " + var(col) + ", r = "
                    + Apa.r(dist ? v.path("pearson_r") : v.path("pairwise_r")), xl, yl, pairs[0], pairs[1]),
                    "Each dyad's two " + var(col) + " scores with the least-squares line.");
        }
    }

    /** The two members' values of each dyad (first and second role, or first and second row). */
    private double[][] pairs(String col, String dyadCol, String roleCol, List<String> rs) {
        double[] v = scores.numeric(col);
        String[] d = scores.text(dyadCol);
        String[] r = roleCol == null ? null : scores.text(roleCol);
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            if (d[i].isBlank()) {
                continue;
            }
            double[] p = m.computeIfAbsent(d[i].strip(), k -> new double[] {Double.NaN, Double.NaN, 0});
            int slot;
            if (r != null) {
                slot = rs.indexOf(r[i].strip());
                if (slot < 0) {
                    continue;
                }
            } else {
                slot = (int) p[2]++;
                if (slot > 1) {
                    continue;
                }
            }
            p[slot] = v[i];
        }
        double[] x = new double[m.size()];
        double[] y = new double[m.size()];
        int i = 0;
        for (double[] p : m.values()) {
            x[i] = p[0];
            y[i] = p[1];
            i++;
        }
        return new double[][] {x, y};
    }

    private void correlate(String id, JsonNode res) {
        if (res.has("pairs") && !res.has("rows")) {
            exchangeableCorrelations(res);
            return;
        }
        List<String> vars = strings(res.path("variables"));
        List<String> rs = strings(res.path("roles"));
        boolean dist = res.path("distinguishable").asBoolean() && rs.size() == 2;
        List<String> sentences = new ArrayList<>();
        int cross = 0;
        for (JsonNode r : res.path("rows")) {
            if (r.path("type").asText().equals("cross_partner")) {
                cross++;
                if (Apa.has(r.path("p")) && r.path("p").asDouble() < 0.05 && dist) {
                    sentences.add(cap(roles(r.path("x_role").asText())) + "'s " + var(r.path("x").asText())
                            + " correlated with " + roles(r.path("y_role").asText()) + "'s " + var(r.path("y").asText())
                            + ", r(" + Apa.df(r.path("df")) + ") = " + Apa.r(r.path("r")) + ", " + Apa.p(r.path("p")));
                }
            }
        }
        String lead = "Of " + cross + " cross-partner correlations, " + sentences.size() + " had p < .05"
                + (sentences.isEmpty() ? "." : ": " + String.join("; ", sentences) + ".");
        paragraph(lead);
        if (dist) {
            List<String> labels = new ArrayList<>();
            List<String[]> keys = new ArrayList<>();
            for (String role : rs) {
                for (String v : vars) {
                    labels.add(var(v) + " (" + roles(role) + ")");
                    keys.add(new String[] {v, role});
                }
            }
            Map<String, JsonNode> cell = new LinkedHashMap<>();
            for (JsonNode r : res.path("rows")) {
                String a = r.path("x").asText() + "|" + r.path("x_role").asText();
                String b = r.path("y").asText() + "|" + r.path("y_role").asText();
                cell.put(a + "#" + b, r);
                cell.put(b + "#" + a, r);
            }
            List<String> header = new ArrayList<>(List.of("Variable"));
            for (int j = 0; j < labels.size(); j++) {
                header.add(Integer.toString(j + 1));
            }
            tableStart("Correlations within and across partners", header);
            for (int i = 0; i < labels.size(); i++) {
                List<String> cells = new ArrayList<>(List.of((i + 1) + ". " + labels.get(i)));
                for (int j = 0; j < labels.size(); j++) {
                    if (j == i) {
                        cells.add("\u2014");
                    } else if (j > i) {
                        cells.add("");
                    } else {
                        JsonNode r = cell.get(keys.get(i)[0] + "|" + keys.get(i)[1] + "#" + keys.get(j)[0] + "|"
                                + keys.get(j)[1]);
                        cells.add(r == null ? "" : Apa.r(r.path("r")) + Apa.stars(r.path("p")));
                    }
                }
                row(cells);
            }
            tableEnd("Pearson correlations over persons (within a role) or dyads (across partners) with both values; "
                    + "* p < .05, ** p < .01, *** p < .001. Blank: not computed by the analysis.");
        }
        tableStart("Correlations: tests", List.of("X", "Y", "Type", "n", "r", "95% CI", "t", "df", "p"));
        for (JsonNode r : res.path("rows")) {
            String xr = r.path("x_role").isTextual() ? " (" + roles(r.path("x_role").asText()) + ")" : "";
            String yr = r.path("y_role").isTextual() ? " (" + roles(r.path("y_role").asText()) + ")" : "";
            row(List.of(var(r.path("x").asText()) + xr, var(r.path("y").asText()) + yr,
                    r.path("type").asText().replace('_', ' '), r.path("n").asText(), Apa.r(r.path("r")),
                    Apa.ciR(r.path("ci_lower"), r.path("ci_upper")), Apa.num(r.path("t"), 2), Apa.df(r.path("df")),
                    Apa.pCell(r.path("p"))));
        }
        tableEnd("CI from Fisher's z.");
    }

    /** Indistinguishable dyads: pairwise (double-entry) correlations, overall and across partners. */
    private void exchangeableCorrelations(JsonNode res) {
        List<String> sentences = new ArrayList<>();
        for (JsonNode p : res.path("pairs")) {
            sentences.add("one partner's " + var(p.path("x").asText()) + " and the other's " + var(p.path("y").asText())
                    + " correlated r = " + Apa.r(p.path("cross_r")) + ", z = " + Apa.num(p.path("cross_z"), 2) + ", "
                    + Apa.p(p.path("cross_p")));
        }
        paragraph("Across partners (pairwise correlations of the double-entry data, Griffin and Gonzalez 1995), "
                + String.join("; ", sentences) + ".");
        tableStart("Pairwise correlations of indistinguishable partners", List.of("X", "Y", "Dyads", "Overall r",
                "z", "p", "Cross-partner r", "z", "p"));
        for (JsonNode p : res.path("pairs")) {
            row(List.of(var(p.path("x").asText()), var(p.path("y").asText()), p.path("n").asText(),
                    Apa.r(p.path("overall_r")), Apa.num(p.path("overall_z"), 2), Apa.pCell(p.path("overall_p")),
                    Apa.r(p.path("cross_r")), Apa.num(p.path("cross_z"), 2), Apa.pCell(p.path("cross_p"))));
        }
        tableEnd("Overall r: both partners' values pooled (double entry); cross-partner r: one partner's X with the "
                + "other's Y. Intraclass correlations: " + String.join(", ", intraclass(res)) + ".");
    }

    private List<String> intraclass(JsonNode res) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : res.path("intraclass")) {
            out.add(var(v.path("variable").asText()) + " " + Apa.r(v.path("r")));
        }
        return out;
    }

    private record Term(String effect, String predictor, String role) {
    }

    private static Term term(JsonNode c, String firstX) {
        String t = c.path("term").asText();
        String role = c.path("role").isTextual() ? c.path("role").asText() : null;
        String base = role != null && t.endsWith(":" + role) ? t.substring(0, t.length() - role.length() - 1) : t;
        String effect = base;
        String pred = null;
        int dot = base.indexOf('.');
        if (base.startsWith("actor") || base.startsWith("partner")) {
            effect = dot > 0 ? base.substring(0, dot) : base;
            pred = dot > 0 ? base.substring(dot + 1) : firstX;
        }
        return new Term(effect, pred, role);
    }

    private void apim(String id, JsonNode res) {
        String y = res.path("outcome").asText();
        List<String> xs = strings(res.path("options").path("x"));
        String x0 = xs.isEmpty() ? null : xs.get(0);
        boolean dist = res.path("dyads").asText().equals("distinguishable");
        List<String> rs = strings(res.path("roles"));
        List<String> sentences = new ArrayList<>();
        Map<String, JsonNode> coef = new LinkedHashMap<>();
        for (JsonNode c : res.path("coefficients")) {
            Term t = term(c, x0);
            if (t.predictor() != null) {
                coef.put(t.effect() + "|" + t.predictor() + "|" + (t.role() == null ? "" : t.role()), c);
            }
        }
        for (String x : xs) {
            for (String role : dist ? rs : List.of("")) {
                JsonNode a = coef.get("actor|" + x + "|" + role);
                JsonNode p = coef.get("partner|" + x + "|" + role);
                if (dist && rs.size() == 2) {
                    String other = rs.get(1 - rs.indexOf(role));
                    if (a != null) {
                        sentences.add(cap(possessive(roles(role))) + " " + var(x) + " " + verb(a) + " their own " + var(y)
                                + " (actor effect), " + stat(a));
                    }
                    if (p != null) {
                        sentences.add(cap(possessive(roles(other))) + " " + var(x) + " " + verb(p) + " "
                                + possessive(roles(role)) + " " + var(y) + " (partner effect), " + stat(p));
                    }
                } else {
                    if (a != null) {
                        sentences.add("A person's own " + var(x) + " " + verb(a) + " their " + var(y) + " (actor effect), "
                                + stat(a));
                    }
                    if (p != null) {
                        sentences.add("The partner's " + var(x) + " " + verb(p) + " a person's " + var(y)
                                + " (partner effect), " + stat(p));
                    }
                }
            }
        }
        JsonNode resid = res.path("residual");
        String rho = Apa.r(resid.path("rho"));
        sentences.add("The residual correlation of the partners' " + var(y) + " was " + rho
                + (Apa.has(resid.path("rho_ci_lower")) ? ", 95% CI " + Apa.ciR(resid.path("rho_ci_lower"),
                resid.path("rho_ci_upper")) : ""));
        JsonNode k = byRole(res.path("k"), null);
        List<Charts.Interval> kIntervals = new ArrayList<>();
        if (k.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) k::fields) {
                JsonNode kk = e.getValue();
                String who = dist ? " for " + roles(e.getKey()) : "";
                if (!Apa.has(kk.path("k"))) {
                    sentences.add("k" + who + " was not computed: " + kk.path("reason").asText());
                    continue;
                }
                StringBuilder s = new StringBuilder("k = " + Apa.num(kk.path("k"), 2) + who + ", delta-method 95% CI "
                        + Apa.ci(kk.path("ci_lower"), kk.path("ci_upper"), 2));
                JsonNode b = kk.path("bootstrap");
                String lbl = dist ? roles(e.getKey()) : "k";
                kIntervals.add(new Charts.Interval(lbl + ": delta method", kk.path("k").asDouble(),
                        kk.path("ci_lower").asDouble(Double.NaN), kk.path("ci_upper").asDouble(Double.NaN), lbl));
                if (b.isObject()) {
                    JsonNode bc = b.path("bias_corrected");
                    JsonNode pc = b.path("percentile");
                    if (bc.isObject()) {
                        s.append(", bias-corrected bootstrap CI ").append(Apa.ci(bc.path("lower"), bc.path("upper"), 2));
                        kIntervals.add(new Charts.Interval(lbl + ": bias-corrected", kk.path("k").asDouble(),
                                bc.path("lower").asDouble(Double.NaN), bc.path("upper").asDouble(Double.NaN), lbl));
                    }
                    if (pc.isObject()) {
                        kIntervals.add(new Charts.Interval(lbl + ": percentile", kk.path("k").asDouble(),
                                pc.path("lower").asDouble(Double.NaN), pc.path("upper").asDouble(Double.NaN), lbl));
                    }
                }
                s.append("; the pattern is ").append(kk.path("pattern").asText().replace('_', '-'));
                if (kk.path("pattern_basis").isTextual()) {
                    s.append(" (from the ").append(kk.path("pattern_basis").asText()).append(")");
                }
                sentences.add(s.toString());
            }
        }
        paragraph(String.join(". ", sentences) + ".");
        tableStart("APIM of " + var(y) + " (" + res.path("method").asText() + ", " + res.path("n_dyads").asText()
                + " dyads, " + res.path("n_obs").asText() + " persons)", List.of("Term", "Role", "b", "SE", "t", "df",
                "p", "95% CI"));
        for (JsonNode c : res.path("coefficients")) {
            row(List.of(c.path("term").asText(), c.path("role").isTextual() ? roles(c.path("role").asText()) : "",
                    Apa.num(c.path("estimate"), 3), Apa.num(c.path("se"), 3), Apa.num(c.path("t"), 2),
                    Apa.df(c.path("df")), Apa.pCell(c.path("p")), Apa.ci(c.path("ci_lower"), c.path("ci_upper"), 3)));
        }
        StringBuilder note = new StringBuilder("Unstandardised coefficients; df: " + dfText(res.path("df_method")
                .asText()) + ". Residual SD");
        if (byRole(resid.path("sd"), "sd").isObject()) {
            List<String> sds = new ArrayList<>();
            byRole(resid.path("sd"), "sd").fields().forEachRemaining(e -> sds.add(roles(e.getKey()) + " " + Apa.num(e.getValue(), 3)));
            note.append(": ").append(String.join(", ", sds));
        } else {
            note.append(" ").append(Apa.num(byRole(resid.path("sd"), "sd"), 3));
        }
        note.append("; residual correlation ").append(Apa.num(resid.path("rho"), 3)).append(". AIC ")
                .append(Apa.num(res.path("aic"), 2)).append(", BIC ").append(Apa.num(res.path("bic"), 2))
                .append(", log-likelihood ").append(Apa.num(res.path("log_lik"), 2)).append('.');
        tableEnd(note.toString());
        if (k.isObject() && k.size() > 0) {
            tableStart("k = partner / actor effect of " + var(k.elements().next().path("predictor").asText()),
                    List.of("Role", "Actor", "Partner", "k", "SE (delta)", "95% CI (delta)", "95% CI (percentile)",
                            "95% CI (bias-corrected)", "Pattern"));
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) k::fields) {
                JsonNode kk = e.getValue();
                JsonNode b = kk.path("bootstrap");
                row(List.of(dist ? roles(e.getKey()) : e.getKey(), Apa.num(kk.path("actor"), 3),
                        Apa.num(kk.path("partner"), 3), Apa.num(kk.path("k"), 3), Apa.num(kk.path("se"), 3),
                        Apa.ci(kk.path("ci_lower"), kk.path("ci_upper"), 3),
                        b.path("percentile").isObject() ? Apa.ci(b.path("percentile").path("lower"),
                                b.path("percentile").path("upper"), 3) : "",
                        b.path("bias_corrected").isObject() ? Apa.ci(b.path("bias_corrected").path("lower"),
                                b.path("bias_corrected").path("upper"), 3) : "",
                        kk.path("pattern").asText()));
            }
            JsonNode first = k.elements().next().path("bootstrap");
            tableEnd(first.isObject() ? "Bootstrap: " + Apa.count(first.path("replicates").asLong()) + " resamples of "
                    + "whole dyads, seed " + first.path("seed").asText() + ", " + first.path("failed").asText()
                    + " failed." : "No bootstrap was requested; the intervals are delta-method intervals.");
        }
        if (x0 != null) {
            List<String> names = dist ? rs.stream().map(this::roles).toList() : List.of("partner 1", "partner 2");
            String[] actor = new String[2];
            String[] partner = new String[2];
            for (int r = 0; r < 2; r++) {
                String role = dist ? rs.get(r) : "";
                actor[r] = est(coef.get("actor|" + x0 + "|" + role));
                partner[r] = est(coef.get("partner|" + x0 + "|" + role));
            }
            figure(Diagrams.apim("apim-" + id, "APIM: " + var(x0) + " and " + var(y), var(x0), var(y), names, actor,
                    partner, Apa.num(resid.path("rho"), 2)), "Actor-partner interdependence model of " + var(y)
                    + " on " + var(x0) + ": unstandardised estimates on the arrows.");
        }
        apimExtras(id, res);
        if (!kIntervals.isEmpty()) {
            figure(Charts.intervals("k-" + id, "k with its intervals", "k = partner effect / actor effect", "Interval",
                    kIntervals, 0), "k of each role with its delta-method and bootstrap intervals; k = 1 is the "
                    + "couple pattern, 0 actor-only.");
        }
        if (k.isObject()) {
            List<Charts.Distribution> panels = new ArrayList<>();
            String kind = "bias-corrected";
            int reps = 0;
            int failed = 0;
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) k::fields) {
                JsonNode kk = e.getValue();
                BootstrapDistribution bd = distribution(id, e.getKey());
                if (bd == null || !Apa.has(kk.path("k"))) {
                    continue;
                }
                JsonNode iv = kk.path("bootstrap").path("bias_corrected");
                if (!iv.isObject()) {
                    iv = kk.path("bootstrap").path("percentile");
                    kind = "percentile";
                }
                reps = bd.replicates();
                failed += bd.failed();
                panels.add(new Charts.Distribution(dist ? "k for " + roles(e.getKey()) : "k", bd.values(),
                        kk.path("k").asDouble(), iv.path("lower").asDouble(Double.NaN),
                        iv.path("upper").asDouble(Double.NaN), levelLabel(iv.path("level"), res.path("level")) + " "
                        + kind + " CI"));
            }
            if (!panels.isEmpty()) {
                figure(Charts.histograms("bootstrap-k-" + id, "Bootstrap distribution of k", "k = partner effect / actor "
                        + "effect", panels), "Bootstrap distribution of k" + (dist ? " for each role" : "") + " ("
                        + Apa.count(reps) + " resamples of whole dyads" + (failed > 0 ? ", " + failed + " failed" : "")
                        + "); the solid line marks the estimate, the dashed lines the " + kind + " interval.");
            }
        }
    }

    /**
     * The optional tests of an APIM, when its options asked for them: constraint and pattern tests
     * ({@code constrain}, {@code pattern}), the equal-k test ({@code test_equal_k}), simple slopes and the
     * Johnson-Neyman region ({@code simple_slopes}).
     */
    private void apimExtras(String id, JsonNode res) {
        List<JsonNode> tests = new ArrayList<>();
        res.path("constraint_tests").path("tests").forEach(tests::add);
        if (res.path("k_test").isObject()) {
            tests.add(res.path("k_test"));
        }
        if (!tests.isEmpty()) {
            List<String> sentences = new ArrayList<>();
            for (JsonNode t : tests) {
                sentences.add("the " + t.path("test").asText().replace('_', ' ') + " restriction ("
                        + String.join("; ", strings(t.path("constraints"))) + ") gave \u03c7\u00b2("
                        + t.path("df").asText() + ") = " + Apa.num(t.path("chi2"), 2) + ", " + Apa.p(t.path("p")));
            }
            paragraph("Likelihood-ratio tests of restrictions (ML refits): " + String.join("; ", sentences) + ".");
            tableStart("Tests of restrictions on the APIM of " + var(res.path("outcome").asText()) + " (" + id + ")",
                    List.of("Test", "Constraints", "df", "LR \u03c7\u00b2", "p", "Wald \u03c7\u00b2", "p (Wald)",
                            "log-likelihood (restricted)"));
            for (JsonNode t : tests) {
                row(List.of(t.path("test").asText().replace('_', ' '), String.join("; ", strings(t.path("constraints"))),
                        t.path("df").asText(), Apa.num(t.path("chi2"), 2), Apa.pCell(t.path("p")),
                        Apa.num(t.path("wald_chi2"), 2), Apa.pCell(t.path("wald_p")),
                        Apa.num(t.path("log_lik_constrained"), 2)));
            }
            tableEnd("Each restriction refitted by ML; LR: twice the difference of the log-likelihoods of the free ("
                    + Apa.num(res.path("constraint_tests").path("log_lik_free_ml"), 2) + " where given) and restricted "
                    + "models; Wald from the free fit's coefficient covariance.");
        }
        JsonNode slopes = res.path("simple_slopes");
        if (slopes.isArray() && slopes.size() > 0) {
            List<String> sentences = new ArrayList<>();
            for (JsonNode jn : res.path("johnson_neyman")) {
                String who = jn.path("role").isTextual() ? " for " + roles(jn.path("role").asText()) : "";
                sentences.add("the " + jn.path("focal").asText() + " effect" + who + " is significant ("
                        + Apa.level(jn.path("level")) + ") " + jn.path("significant").asText() + " ["
                        + Apa.num(jn.path("lower"), 2) + ", " + Apa.num(jn.path("upper"), 2) + "] of "
                        + var(jn.path("moderator").asText()) + " (observed " + Apa.num(jn.path("observed_min"), 2) + " to "
                        + Apa.num(jn.path("observed_max"), 2) + ")");
            }
            if (!sentences.isEmpty()) {
                paragraph("Johnson-Neyman regions: " + String.join("; ", sentences) + ".");
            }
            tableStart("Simple slopes (" + id + ")", List.of("Focal", "Moderator", "At", "Role", "b", "SE", "t", "df",
                    "p", "95% CI"));
            for (JsonNode r : slopes) {
                row(List.of(r.path("focal").asText(), var(r.path("moderator").asText()), r.path("at_label").asText("")
                        + " (" + Apa.num(r.path("at"), 2) + ")", r.path("role").isTextual() ? roles(r.path("role").asText())
                        : "", Apa.num(r.path("estimate"), 3), Apa.num(r.path("se"), 3), Apa.num(r.path("t"), 2),
                        Apa.df(r.path("df")), Apa.pCell(r.path("p")), Apa.ci(r.path("ci_lower"), r.path("ci_upper"), 3)));
            }
            tableEnd("The focal effect at values of the moderator (Aiken and West 1991); the Johnson-Neyman region "
                    + "is where its interval excludes zero.");
            citations.add("Aiken, L. S., & West, S. G. (1991). Multiple regression: Testing and interpreting "
                    + "interactions. Sage.");
        }
    }

    private static String stat(JsonNode c) {
        return "b = " + Apa.num(c.path("estimate"), 2) + ", SE = " + Apa.num(c.path("se"), 2) + ", t("
                + Apa.df(c.path("df")) + ") = " + Apa.num(c.path("t"), 2) + ", " + Apa.p(c.path("p")) + ", 95% CI "
                + Apa.ci(c.path("ci_lower"), c.path("ci_upper"), 2);
    }

    private static String verb(JsonNode c) {
        return Apa.has(c.path("p")) && c.path("p").asDouble() < 0.05 ? "predicted" : "did not significantly predict";
    }

    private static String possessive(String noun) {
        return noun.endsWith("s") ? noun + "'" : noun + "'s";
    }

    private static String est(JsonNode c) {
        return c == null ? "NA" : Apa.num(c.path("estimate"), 2) + Apa.stars(c.path("p"));
    }

    private void distinguishability(JsonNode res) {
        double p = res.path("p").asDouble(Double.NaN);
        String verdict = p < 0.05 ? "the roles differ: the dyads are empirically distinguishable"
                : "the test does not show that the roles differ, so the simpler indistinguishable model is not rejected";
        paragraph("Constraining intercepts, effects and residual variances to be equal across roles changed the fit by "
                + "\u03c7\u00b2(" + res.path("df").asText() + ") = " + Apa.num(res.path("chi_square"), 2) + ", "
                + Apa.p(res.path("p")) + " (ML likelihood-ratio test, " + res.path("n_dyads").asText() + " dyads); "
                + verdict + ".");
        tableStart("Distinguishability test of " + var(res.path("outcome").asText()), List.of("Model", "Parameters",
                "log-likelihood", "AIC", "BIC"));
        for (String m : List.of("distinguishable", "indistinguishable")) {
            JsonNode n = res.path(m);
            row(List.of(m, n.path("n_parameters").asText(), Apa.num(n.path("log_lik"), 2), Apa.num(n.path("aic"), 2),
                    Apa.num(n.path("bic"), 2)));
        }
        tableEnd("Both models fitted by ML; the statistic is twice the difference of the log-likelihoods.");
    }

    private void apimem(String id, JsonNode res) {
        String x = res.path("x").asText();
        String m = res.path("m").asText();
        String y = res.path("y").asText();
        boolean dist = res.path("dyads").asText().equals("distinguishable");
        List<String> rs = strings(res.path("roles"));
        List<String> sentences = new ArrayList<>();
        List<Charts.Interval> rows = new ArrayList<>();
        for (JsonNode e : res.path("indirect")) {
            String role = e.path("role").isTextual() ? e.path("role").asText() : null;
            boolean excl = Apa.has(e.path("ci_lower")) && Apa.has(e.path("ci_upper"))
                    && (e.path("ci_lower").asDouble() > 0 || e.path("ci_upper").asDouble() < 0);
            if (excl) {
                sentences.add("the " + e.path("effect").asText().replace('_', '-') + " indirect effect"
                        + (role == null ? "" : " for " + roles(role)) + " (" + e.path("route").asText() + ") was "
                        + Apa.num(e.path("estimate"), 3) + ", " + Apa.level(e.path("level")) + " "
                        + e.path("ci_method").asText() + " CI " + Apa.ci(e.path("ci_lower"), e.path("ci_upper"), 3));
            }
            rows.add(new Charts.Interval((role == null ? "" : roles(role) + ": ") + e.path("effect").asText()
                    .replace('_', '-'), e.path("estimate").asDouble(), e.path("ci_lower").asDouble(Double.NaN),
                    e.path("ci_upper").asDouble(Double.NaN), role == null ? null : roles(role)));
        }
        int n = res.path("indirect").size();
        paragraph("Of " + n + " indirect effects of " + var(x) + " on " + var(y) + " through " + var(m) + ", "
                + sentences.size() + (sentences.size() == 1 ? " has an interval that excludes" : " have intervals that "
                + "exclude") + " zero" + (sentences.isEmpty() ? "." : ": " + String.join("; ", sentences) + "."));
        tableStart("APIM mediation paths (" + res.path("method").asText() + ")", List.of("Path", "Effect", "Role", "b",
                "SE", "t", "df", "p", "95% CI"));
        for (String path : List.of("a", "b", "c_prime", "c")) {
            for (JsonNode c : res.path("paths").path(path)) {
                row(List.of(path.equals("c_prime") ? "c'" : path, c.path("effect").asText(),
                        c.path("role").isTextual() ? roles(c.path("role").asText()) : "", Apa.num(c.path("estimate"), 3),
                        Apa.num(c.path("se"), 3), Apa.num(c.path("t"), 2), Apa.df(c.path("df")), Apa.pCell(c.path("p")),
                        Apa.ci(c.path("ci_lower"), c.path("ci_upper"), 3)));
            }
        }
        tableEnd("a: " + var(x) + " to " + var(m) + "; b: " + var(m) + " to " + var(y) + "; c': direct effect of " + var(x)
                + " on " + var(y) + "; c: total effect (model without the mediator).");
        tableStart("Indirect effects with their intervals", List.of("Route", "Effect", "Role", "Estimate",
                "Bootstrap SE", "CI", "Method", "Sobel z", "Sobel p"));
        for (String key : List.of("indirect", "total_indirect")) {
            for (JsonNode e : res.path(key)) {
                row(List.of(e.path("route").asText(), (key.equals("total_indirect") ? "total " : "")
                        + e.path("effect").asText().replace('_', '-'),
                        e.path("role").isTextual() ? roles(e.path("role").asText()) : "", Apa.num(e.path("estimate"), 3),
                        Apa.num(e.path("bootstrap_se"), 3), Apa.ci(e.path("ci_lower"), e.path("ci_upper"), 3),
                        e.path("ci_method").asText(""), Apa.num(e.path("sobel_z"), 2),
                        Apa.has(e.path("sobel_p")) ? Apa.pCell(e.path("sobel_p")) : ""));
            }
        }
        JsonNode first = res.path("indirect").size() > 0 ? res.path("indirect").get(0) : null;
        tableEnd(first != null && first.path("bootstrap_n").asLong() > 0 ? Apa.level(first.path("level")) + " "
                + first.path("ci_method").asText() + " intervals from " + Apa.count(first.path("bootstrap_n").asLong())
                + " bootstrap resamples of whole dyads (seed " + first.path("seed").asText() + ")." : "Intervals without "
                + "bootstrap: see the method of each row.");
        if (dist && rs.size() == 2) {
            String[][] a = new String[2][2];
            String[][] b = new String[2][2];
            String[][] c = new String[2][2];
            for (int r = 0; r < 2; r++) {
                for (int e = 0; e < 2; e++) {
                    String eff = e == 0 ? "actor" : "partner";
                    a[r][e] = pathEst(res.path("paths").path("a"), eff, rs.get(r));
                    b[r][e] = pathEst(res.path("paths").path("b"), eff, rs.get(r));
                    c[r][e] = pathEst(res.path("paths").path("c_prime"), eff, rs.get(r));
                }
            }
            figure(Diagrams.apimem("apimem-" + id, "APIM mediation: " + var(x) + ", " + var(m) + ", " + var(y), var(x),
                    var(m), var(y), rs.stream().map(this::roles).toList(), a, b, c), "APIM mediation model: "
                    + "unstandardised estimates of the a, b and direct (c') paths.");
        }
        figure(Charts.intervals("indirect-" + id, "Indirect effects with their intervals", "Indirect effect", "Effect",
                rows, 0), "Each indirect effect with its interval; the dashed line marks zero.");
        List<Charts.Distribution> panels = new ArrayList<>();
        int reps = 0;
        for (String key : List.of("indirect", "total_indirect")) {
            for (JsonNode e : res.path(key)) {
                String role = e.path("role").isTextual() ? e.path("role").asText() : "";
                BootstrapDistribution bd = distribution(id, (key.equals("total_indirect") ? "total:" : "")
                        + e.path("effect").asText() + "|" + role);
                if (bd == null) {
                    continue;
                }
                reps = bd.replicates();
                boolean boot = e.path("ci_method").asText("").contains("bootstrap")
                        || e.path("ci_method").asText("").contains("bias") || e.path("ci_method").asText("")
                        .contains("percentile");
                panels.add(new Charts.Distribution((dist ? roles(role) + ": " : "") + (key.equals("total_indirect")
                        ? "total " : "") + e.path("effect").asText().replace('_', '-'), bd.values(),
                        e.path("estimate").asDouble(), boot ? e.path("ci_lower").asDouble(Double.NaN) : Double.NaN,
                        boot ? e.path("ci_upper").asDouble(Double.NaN) : Double.NaN, Apa.level(e.path("level")) + " "
                        + e.path("ci_method").asText("") + " CI"));
            }
        }
        if (!panels.isEmpty()) {
            figure(Charts.histograms("bootstrap-indirect-" + id, "Bootstrap distributions of the indirect effects",
                    "Indirect effect", panels), "Bootstrap distribution of each indirect effect (" + Apa.count(reps)
                    + " resamples of whole dyads); the solid line marks the estimate, the dashed lines its interval.");
        }
    }

    private static String pathEst(JsonNode list, String effect, String role) {
        for (JsonNode c : list) {
            if (c.path("effect").asText().equals(effect) && c.path("role").asText().equals(role)) {
                return est(c);
            }
        }
        return "NA";
    }

    private void mediate(String id, JsonNode res) {
        JsonNode ind = res.path("indirect");
        JsonNode paths = res.path("paths");
        paragraph("The indirect effect of " + var(res.path("x").asText()) + " on " + var(res.path("y").asText())
                + " through " + var(res.path("m").asText()) + " was " + Apa.num(ind.path("estimate"), 3)
                + (Apa.has(ind.path("ci_lower")) ? ", " + Apa.level(ind.path("level")) + " " + ind.path("ci_method")
                .asText() + " CI " + Apa.ci(ind.path("ci_lower"), ind.path("ci_upper"), 3) : "")
                + ", Sobel z = " + Apa.num(ind.path("sobel_z"), 2) + ", " + Apa.p(ind.path("sobel_p")) + " (a = "
                + Apa.num(paths.path("a").path("estimate"), 3) + ", b = " + Apa.num(paths.path("b").path("estimate"), 3)
                + ", c' = " + Apa.num(paths.path("c_prime").path("estimate"), 3) + ").");
        tableStart("Mediation paths", List.of("Path", "b", "SE", "t", "df", "p", "95% CI"));
        for (String p : List.of("a", "b", "c_prime", "c")) {
            JsonNode c = paths.path(p);
            row(List.of(p.equals("c_prime") ? "c'" : p, Apa.num(c.path("estimate"), 3), Apa.num(c.path("se"), 3),
                    Apa.num(c.path("t"), 2), Apa.df(c.path("df")), Apa.pCell(c.path("p")),
                    Apa.ci(c.path("ci_lower"), c.path("ci_upper"), 3)));
        }
        tableEnd("Ordinary least squares.");
        BootstrapDistribution bd = distribution(id, "indirect");
        if (bd != null) {
            figure(Charts.histogram("bootstrap-indirect-" + id, "Bootstrap distribution of the indirect effect",
                    "Indirect effect a*b", new Charts.Distribution("indirect effect", bd.values(),
                            ind.path("estimate").asDouble(), ind.path("ci_lower").asDouble(Double.NaN),
                            ind.path("ci_upper").asDouble(Double.NaN), Apa.level(ind.path("level")) + " "
                            + ind.path("ci_method").asText("") + " CI")), "Bootstrap distribution of the indirect "
                    + "effect (" + Apa.count(bd.replicates()) + " resamples" + (bd.failed() > 0 ? ", " + bd.failed()
                    + " failed" : "") + "); the solid line marks the estimate, the dashed lines its interval.");
        }
    }

    /** "95%" from the interval's level, or the analysis's level, or 95%. */
    private static String levelLabel(JsonNode level, JsonNode fallback) {
        JsonNode l = Apa.has(level) ? level : fallback;
        return Apa.has(l) ? Apa.level(l) : "95%";
    }

    /** The analyses that fit the mixed model to the person-period file. */
    private static final Set<String> OVER_TIME = Set.of("mlm", "growth", "longitudinal-apim", "stability-influence");

    /** The options an analysis was declared with in the study file ({@code study.analyses[].options}). */
    private JsonNode declared(String id) {
        for (JsonNode a : study.path("analyses")) {
            if (a.path("id").asText().equals(id)) {
                return a.path("options");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String opt(JsonNode options, String key) {
        JsonNode v = options.get(key);
        if (v == null) {
            v = options.get(key.replace('_', '-'));
        }
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The methods paragraph of the diary section: the data and, per analysis, the model as fitted. */
    private void diaryMethods(List<JsonNode> analyses) {
        JsonNode d = study.path("diary");
        JsonNode first = analyses.get(0).path("result").path("sample");
        StringBuilder p = new StringBuilder("<p class=\"methods\">");
        p.append("The person-period file ").append(esc(d.path("file").asText())).append(" holds ")
                .append(Apa.count(first.path("occasions_in_file").asLong())).append(" rows (one per person and "
                + "occasion; occasion column ").append(esc(d.path("occasion").asText())).append(") from ")
                .append(Apa.count(first.path("dyads_in_file").asLong())).append(" dyads and ")
                .append(Apa.count(first.path("persons_in_file").asLong())).append(" persons. ");
        for (JsonNode a : analyses) {
            JsonNode res = a.path("result");
            JsonNode o = res.path("options");
            String type = a.path("type").asText();
            String name = switch (type) {
                case "growth" -> "The dyadic growth curve model";
                case "longitudinal-apim" -> "The longitudinal APIM (actor and partner effects split into within- and "
                        + "between-person parts by person-mean centring)";
                case "stability-influence" -> "The stability-and-influence model (each partner's outcome on their own "
                        + "and their partner's outcome at the previous occasion)";
                default -> "The linear mixed model";
            };
            p.append(name).append(" (").append(esc(a.path("id").asText())).append(") was fitted by ")
                    .append(esc(res.path("method").asText())).append(" as nlme::lme (Pinheiro and Bates 2000) with "
                    + "fixed part ").append("<code>").append(esc(res.path("fixed").asText())).append("</code>")
                    .append(", random effects <code>").append(esc(res.path("random_formula").asText()))
                    .append("</code> per dyad with ").append(esc(o.path("random_covariance").asText("unstructured")))
                    .append(" covariance");
            List<String> resid = new ArrayList<>();
            if (o.path("within_occasion").asText().equals("cs")) {
                resid.add("the two partners' residuals at the same occasion correlated (compound symmetry)");
            }
            if (o.path("autocorrelation").asText().equals("ar1")) {
                resid.add("autocorrelated across occasions within person (AR(1))");
            }
            if (o.path("variance_by").isTextual()) {
                resid.add("a residual variance per " + esc(o.path("variance_by").asText()) + " (varIdent)");
            }
            if (!resid.isEmpty()) {
                p.append(", ").append(join(resid));
            }
            p.append("; t tests use ").append(o.path("df").asText().equals("satterthwaite") ? "Satterthwaite"
                    : "the between-within (containment) degrees of freedom of lme").append(". ");
            JsonNode ex = res.path("sample").path("occasions_excluded");
            if (ex.size() > 0) {
                List<String> parts = new ArrayList<>();
                ex.forEach(e -> parts.add(Apa.count(e.path("occasions").asLong()) + " " + esc(e.path("reason").asText())));
                p.append("It used ").append(Apa.count(res.path("n_obs").asLong())).append(" person-occasions (left "
                        + "out: ").append(String.join(", ", parts)).append("). ");
            }
        }
        citations.add("Pinheiro, J. C., & Bates, D. M. (2000). Mixed-effects models in S and S-PLUS. Springer.");
        citations.add("Kenny, D. A., Kashy, D. A., & Cook, W. L. (2006). Dyadic data analysis. Guilford Press.");
        p.append("</p>\n");
        h.append(p);
    }

    /** Words for a fixed-effect term of the over-time models ({@code man:within(stress)}). */
    private String describe(String term, Set<String> roleNames) {
        String role = null;
        String rest = term;
        int colon = term.indexOf(':');
        if (colon > 0 && roleNames.contains(term.substring(0, colon))) {
            role = term.substring(0, colon);
            rest = term.substring(colon + 1);
        } else if (roleNames.contains(term)) {
            return "intercept, " + roles(term);
        }
        String who = role == null ? "" : ", " + roles(role);
        java.util.regex.Matcher m;
        if ((m = java.util.regex.Pattern.compile("partner\\(within\\((.+)\\)\\)").matcher(rest)).matches()) {
            return "within-person partner effect of " + var(m.group(1)) + who;
        }
        if ((m = java.util.regex.Pattern.compile("partner\\(between\\((.+)\\)\\)").matcher(rest)).matches()) {
            return "between-person partner effect of " + var(m.group(1)) + who;
        }
        if ((m = java.util.regex.Pattern.compile("within\\((.+)\\)").matcher(rest)).matches()) {
            return "within-person actor effect of " + var(m.group(1)) + who;
        }
        if ((m = java.util.regex.Pattern.compile("between\\((.+)\\)").matcher(rest)).matches()) {
            return "between-person actor effect of " + var(m.group(1)) + who;
        }
        if ((m = java.util.regex.Pattern.compile("partner\\(lag\\((.+)\\)\\)").matcher(rest)).matches()) {
            return "influence: partner's previous " + var(m.group(1)) + who;
        }
        if ((m = java.util.regex.Pattern.compile("lag\\((.+)\\)").matcher(rest)).matches()) {
            return "stability: own previous " + var(m.group(1)) + who;
        }
        if (rest.equals("(Intercept)")) {
            return "intercept" + who;
        }
        if ((m = java.util.regex.Pattern.compile("I\\((.+)\\^2\\)").matcher(rest)).matches()) {
            return "quadratic slope of " + var(m.group(1)) + who;
        }
        if (role != null && !rest.contains("(") && !rest.contains(":")) {
            return "slope of " + var(rest) + who;
        }
        return term;
    }

    /** The role names of a mixed model: the bare terms of its fixed part that are role values. */
    private Set<String> roleTerms(JsonNode res) {
        Set<String> out = new LinkedHashSet<>();
        String roleCol = study.path("diary").path("role").asText(null);
        for (JsonNode c : res.path("coefficients")) {
            String t = c.path("term").asText();
            if (!t.contains(":") && !t.contains("(") && roleCol != null) {
                out.add(t);
            }
        }
        return out;
    }

    private void mixed(String id, String type, JsonNode res) {
        Set<String> rn = roleTerms(res);
        String y = res.path("fixed").asText().split("~")[0].strip();
        List<String> sentences = new ArrayList<>();
        for (JsonNode c : res.path("coefficients")) {
            String t = c.path("term").asText();
            if (rn.contains(t) || t.equals("(Intercept)")) {
                continue;
            }
            sentences.add(describe(t, rn) + ": b = " + Apa.num(c.path("estimate"), 2) + ", SE = "
                    + Apa.num(c.path("se"), 2) + ", t(" + Apa.df(c.path("df")) + ") = " + Apa.num(c.path("t"), 2) + ", "
                    + Apa.p(c.path("p")));
        }
        JsonNode resid = res.path("residual");
        String intro = switch (type) {
            case "growth" -> "Change in " + var(y) + " over time (" + res.path("n_dyads").asText() + " dyads, "
                    + Apa.count(res.path("n_obs").asLong()) + " person-occasions). ";
            case "longitudinal-apim" -> "Actor and partner effects on " + var(y) + ", within and between persons ("
                    + res.path("n_dyads").asText() + " dyads, " + Apa.count(res.path("n_obs").asLong())
                    + " person-occasions). ";
            case "stability-influence" -> "Stability and influence of " + var(y) + " from one occasion to the next ("
                    + res.path("n_dyads").asText() + " dyads, " + Apa.count(res.path("n_obs").asLong())
                    + " person-occasions). ";
            default -> "Mixed model of " + var(y) + " (" + res.path("n_dyads").asText() + " dyads, "
                    + Apa.count(res.path("n_obs").asLong()) + " person-occasions). ";
        };
        String rho = Apa.has(resid.path("within_occasion_correlation")) ? " The partners' residuals at the same "
                + "occasion correlated " + Apa.r(resid.path("within_occasion_correlation")) + "." : "";
        paragraph(intro + (sentences.isEmpty() ? "" : cap(String.join("; ", sentences)) + ".") + rho);
        boolean cis = false;
        for (JsonNode c : res.path("coefficients")) {
            cis |= Apa.has(c.path("ci_lower"));
        }
        List<String> header = new ArrayList<>(List.of("Term", "Meaning", "b", "SE", "df", "t", "p"));
        if (cis) {
            header.add("95% CI");
        }
        tableStart("Fixed effects of " + var(y) + " (" + id + ", " + res.path("method").asText() + ")", header);
        for (JsonNode c : res.path("coefficients")) {
            List<String> cells = new ArrayList<>(List.of(c.path("term").asText(), describe(c.path("term").asText(), rn),
                    Apa.num(c.path("estimate"), 3), Apa.num(c.path("se"), 3), Apa.df(c.path("df")),
                    Apa.num(c.path("t"), 2), Apa.pCell(c.path("p"))));
            if (cis) {
                cells.add(Apa.ci(c.path("ci_lower"), c.path("ci_upper"), 3));
            }
            row(cells);
        }
        tableEnd("Unstandardised estimates; df: " + (res.path("options").path("df").asText().equals("satterthwaite")
                ? "Satterthwaite" : "between-within (containment), as nlme::lme") + ". Log-likelihood "
                + Apa.num(res.path("log_lik"), 2) + ", AIC " + Apa.num(res.path("aic"), 2) + ", BIC "
                + Apa.num(res.path("bic"), 2) + ", " + res.path("parameters").asText() + " parameters.");
        tableStart("Random effects and residual parameters (" + id + ")", List.of("Part", "Parameter", "Estimate"));
        JsonNode random = res.path("random");
        for (JsonNode sd : random.path("sd")) {
            row(List.of("random (" + random.path("covariance").asText() + ")", "SD of " + sd.path("term").asText(),
                    Apa.num(sd.path("sd"), 3)));
        }
        for (JsonNode r : random.path("correlations")) {
            row(List.of("random", "r(" + r.path("term1").asText() + ", " + r.path("term2").asText() + ")",
                    Apa.num(r.path("r"), 3)));
        }
        for (JsonNode sd : resid.path("sd")) {
            String who = sd.path("role").isTextual() ? roles(sd.path("role").asText()) : sd.path("level").asText("");
            row(List.of("residual", "SD" + (who.isEmpty() ? "" : ", " + who), Apa.num(sd.path("sd"), 3)));
        }
        if (Apa.has(resid.path("within_occasion_correlation"))) {
            row(List.of("residual", "within-occasion correlation of the partners", Apa.num(
                    resid.path("within_occasion_correlation"), 3)));
        }
        if (Apa.has(resid.path("autocorrelation"))) {
            row(List.of("residual", "autocorrelation (AR(1)) across occasions", Apa.num(resid.path("autocorrelation"), 3)));
        }
        tableEnd("Random effects per dyad: SDs and correlations; residual SDs per role (varIdent) and correlations, "
                + "as nlme::lme reports them.");
        mixedFigure(id, type, res, rn, y);
    }

    private void mixedFigure(String id, String type, JsonNode res, Set<String> rn, String y) {
        List<String> rs = new ArrayList<>(rn);
        Map<String, JsonNode> coef = new LinkedHashMap<>();
        res.path("coefficients").forEach(c -> coef.put(c.path("term").asText(), c));
        if (type.equals("growth") && !rs.isEmpty()) {
            String time = opt(declared(id), "time");
            if (time == null) {
                return;
            }
            String roleCol = study.path("diary").path("role").asText();
            List<Charts.Series> series = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            double tlo = 0;
            double thi = 1;
            Map<String, java.util.TreeMap<Double, double[]>> means = new LinkedHashMap<>();
            if (diary != null && diary.hasColumn(time) && diary.hasColumn(y) && diary.hasColumn(roleCol)) {
                double[] tv = diary.numeric(time);
                double[] yv = diary.numeric(y);
                String[] role = diary.text(roleCol);
                tlo = Double.POSITIVE_INFINITY;
                thi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < tv.length; i++) {
                    if (Double.isFinite(tv[i]) && Double.isFinite(yv[i]) && rn.contains(role[i].strip())) {
                        double[] m = means.computeIfAbsent(role[i].strip(), k -> new java.util.TreeMap<>())
                                .computeIfAbsent(tv[i], k -> new double[2]);
                        m[0] += yv[i];
                        m[1]++;
                        tlo = Math.min(tlo, tv[i]);
                        thi = Math.max(thi, tv[i]);
                    }
                }
                if (!Double.isFinite(tlo)) {
                    tlo = 0;
                    thi = 1;
                }
            }
            for (String r : rs) {
                JsonNode b0 = coef.get(r);
                JsonNode b1 = coef.get(r + ":" + time);
                JsonNode b2 = coef.get(r + ":I(" + time + "^2)");
                if (b0 == null || b1 == null) {
                    continue;
                }
                int n = 41;
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    double t = tlo + (thi - tlo) * i / (n - 1);
                    xs[i] = t;
                    ys[i] = b0.path("estimate").asDouble() + b1.path("estimate").asDouble() * t
                            + (b2 == null ? 0 : b2.path("estimate").asDouble() * t * t);
                }
                series.add(new Charts.Series(cap(roles(r)) + ": fitted", xs, ys, false, false));
                keys.add(cap(roles(r)));
                java.util.TreeMap<Double, double[]> m = means.get(r);
                if (m != null) {
                    double[] mx = new double[m.size()];
                    double[] my = new double[m.size()];
                    int i = 0;
                    for (Map.Entry<Double, double[]> e : m.entrySet()) {
                        mx[i] = e.getKey();
                        my[i] = e.getValue()[0] / e.getValue()[1];
                        i++;
                    }
                    series.add(new Charts.Series(cap(roles(r)) + ": observed mean", mx, my, true, true));
                    keys.add(cap(roles(r)));
                }
            }
            if (!series.isEmpty()) {
                figure(Charts.lines("growth-" + id, "Growth of " + var(y) + " by role", var(time), var(y), series, keys,
                        Double.NaN, null, 0, 0), "Fitted growth line of " + var(y) + " for each role (solid; fixed "
                        + "effects) and the observed mean at each value of " + var(time) + " (dashed, points).");
            }
            return;
        }
        if (rs.size() != 2) {
            return;
        }
        if (type.equals("longitudinal-apim")) {
            String x = opt(declared(id), "x");
            if (x == null) {
                return;
            }
            String rho = Apa.num(res.path("residual").path("within_occasion_correlation"), 2);
            for (String part : List.of("within", "between")) {
                String[] actor = new String[2];
                String[] partner = new String[2];
                boolean any = false;
                for (int r = 0; r < 2; r++) {
                    JsonNode a = coef.get(rs.get(r) + ":" + part + "(" + x + ")");
                    JsonNode p = coef.get(rs.get(r) + ":partner(" + part + "(" + x + "))");
                    actor[r] = est(a);
                    partner[r] = est(p);
                    any |= a != null || p != null;
                }
                if (any) {
                    figure(Diagrams.apim("lapim-" + part + "-" + id, "Longitudinal APIM, " + part + " persons: " + var(x)
                            + " and " + var(y), var(x) + " (" + part + ")", var(y), rs.stream().map(this::roles).toList(),
                            actor, partner, part.equals("within") ? rho : "\u2014"), "Longitudinal APIM of " + var(y)
                            + ": " + (part.equals("within") ? "within-person (occasion-to-occasion) actor and partner "
                            + "effects of " + var(x) + "; the residual correlation is that of the partners at the "
                            + "same occasion" : "between-person (person-mean) actor and partner effects of " + var(x))
                            + ".");
                }
            }
        } else if (type.equals("stability-influence")) {
            String[] actor = new String[2];
            String[] partner = new String[2];
            for (int r = 0; r < 2; r++) {
                actor[r] = est(coef.get(rs.get(r) + ":lag(" + y + ")"));
                partner[r] = est(coef.get(rs.get(r) + ":partner(lag(" + y + "))"));
            }
            figure(Diagrams.apim("stability-" + id, "Stability and influence of " + var(y), var(y) + " (previous)",
                    var(y), rs.stream().map(this::roles).toList(), actor, partner,
                    Apa.num(res.path("residual").path("within_occasion_correlation"), 2)), "Stability (own previous "
                    + "occasion, horizontal) and influence (partner's previous occasion, across) of " + var(y) + ".");
        }
    }

    /** A power analysis: the APA sentence per effect, the table of power by N and the power curve. */
    private void power(String id, JsonNode res) {
        boolean sim = res.path("method").asText().equals("simulation");
        JsonNode design = res.path("design");
        double target = Apa.has(design.path("target_power")) ? design.path("target_power").asDouble() : 0.80;
        String es = design.path("effect_size").asText("beta");
        String esSym = switch (es) {
            case "r", "partial_r" -> "partial r";
            case "d" -> "d";
            default -> "\u03b2";
        };
        Map<String, List<JsonNode>> byEffect = new LinkedHashMap<>();
        java.util.TreeSet<Integer> ns = new java.util.TreeSet<>();
        for (JsonNode r : res.path("rows")) {
            String key = effectName(r);
            byEffect.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            ns.add(r.path("n_dyads").asInt());
        }
        StringBuilder m = new StringBuilder("<p class=\"methods\">");
        if (sim) {
            JsonNode s = res.path("simulation");
            m.append("Power (").append(esc(id)).append(") was estimated by simulation: ")
                    .append(Apa.count(s.path("replicates").asLong())).append(" data sets per sample size drawn from the "
                    + "population ").append(esc(res.path("model").asText()).toUpperCase(Locale.ROOT)).append(" (seed ")
                    .append(esc(s.path("seed").asText())).append("), each fitted like the analysis (")
                    .append(esc(s.path("engine").asText())).append("); power is the share of replicates with p &lt; ")
                    .append(Apa.num(design.path("alpha"), 2).replaceFirst("^0", "")).append(", with its Monte Carlo "
                    + "standard error.");
        } else {
            m.append("Power (").append(esc(id)).append(") is analytic: the two-sided t test of each effect from the "
                    + "noncentral t distribution of the per-role regressions with correlated predictors (r = ")
                    .append(Apa.r(design.path("r_x"))).append(") and errors (r = ").append(Apa.r(design.path("r_errors")))
                    .append("), as APIMPowerR (Ackerman 2016), \u03b1 = ")
                    .append(Apa.num(design.path("alpha"), 2).replaceFirst("^0", "")).append('.');
            citations.add("Ackerman, R. A. (2016). APIMPowerR documentation (2016-04-18). "
                    + "https://robert-a-ackerman.shinyapps.io/APIMPowerRdis/");
        }
        m.append(" Effect sizes are given as ").append(esc(es.equals("beta") ? "standardised \u03b2" : es))
                .append(".</p>\n");
        h.append(m);
        List<String> sentences = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> e : byEffect.entrySet()) {
            List<JsonNode> rows = e.getValue();
            JsonNode reach = null;
            for (JsonNode r : rows) {
                if (r.path("power").asDouble() >= target) {
                    reach = r;
                    break;
                }
            }
            JsonNode show = rows.size() == 1 ? rows.get(0) : reach != null ? reach : rows.get(rows.size() - 1);
            String size = esSym + " = " + Apa.num(show.path("size"), 2).replaceFirst("^(-?)0\\.", "$1.");
            String what = "the " + e.getKey() + " effect (" + size + ")";
            String mc = sim && Apa.has(show.path("mc_se")) ? " (Monte Carlo SE " + mcse(show.path("mc_se")) + ")" : "";
            if (rows.size() > 1 && reach == null) {
                sentences.add("With " + show.path("n_dyads").asText() + " couples, the largest N considered, there is "
                        + Apa.r(show.path("power")) + " power" + mc + " to detect " + what + ", below the target of "
                        + Apa.r(target));
            } else {
                sentences.add("With " + show.path("n_dyads").asText() + " couples there is " + Apa.r(show.path("power"))
                        + " power" + mc + " to detect " + what + (rows.size() > 1 ? ", the smallest N considered "
                        + "that reaches " + Apa.r(target) : ""));
            }
        }
        paragraph(String.join(". ", sentences) + ".");
        List<String> effects = new ArrayList<>(byEffect.keySet());
        List<String> header = new ArrayList<>(List.of("Dyads"));
        effects.forEach(e -> header.add(cap(e)));
        tableStart("Power by number of dyads (" + id + ", " + (sim ? "simulation" : "analytic") + ")", header);
        for (int n : ns) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(n)));
            for (String e : effects) {
                JsonNode r = null;
                for (JsonNode x : byEffect.get(e)) {
                    if (x.path("n_dyads").asInt() == n) {
                        r = x;
                    }
                }
                cells.add(r == null ? "" : Apa.r(r.path("power")) + (sim && Apa.has(r.path("mc_se")) ? " ("
                        + mcse(r.path("mc_se")) + ")" : ""));
            }
            row(cells);
        }
        tableEnd(sim ? "Power is the share of replicates with p < alpha (Monte Carlo standard error in parentheses); "
                + "mean estimates, bias, interval coverage and failed fits are in tables/" + id + ".csv."
                : "Two-sided tests at alpha = " + Apa.num(design.path("alpha"), 2) + "; noncentrality parameters and df "
                + "are in tables/" + id + ".csv.");
        if (ns.size() > 1) {
            List<Charts.Series> series = new ArrayList<>();
            for (String e : effects) {
                List<JsonNode> rows = byEffect.get(e);
                double[] x = new double[rows.size()];
                double[] y = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    x[i] = rows.get(i).path("n_dyads").asDouble();
                    y[i] = rows.get(i).path("power").asDouble(Double.NaN);
                }
                series.add(new Charts.Series(cap(e), x, y, true, false));
            }
            figure(Charts.lines("power-" + id, "Power by number of dyads", "Number of dyads", "Power", series, null,
                    target, "target power " + Apa.r(target), 0, 1), "Power of each effect against the number of dyads ("
                    + (sim ? "simulation" : "analytic") + "); the dashed line marks the target power of "
                    + Apa.r(target) + ".");
        }
    }

    /** A Monte Carlo standard error to three decimals without the leading zero ({@code .003}). */
    private static String mcse(JsonNode v) {
        return Apa.num(v, 3).replaceFirst("^0\\.", ".");
    }

    /** The effect of a power row in words: {@code actor}, {@code partner (women)}, {@code actor difference}. */
    private String effectName(JsonNode r) {
        String e = r.path("effect").asText();
        String role = r.path("role").isTextual() ? r.path("role").asText() : null;
        for (String kind : List.of("actor", "partner")) {
            if (role != null && e.equals(kind + "_" + role)) {
                return kind + " (" + roles(role) + ")";
            }
        }
        return e.replace('_', ' ');
    }

    /**
     * The published values the study file lists, beside dyadkit's: each dyadkit value rounded to the
     * printed decimals, and whether it agrees with the printed digits (within half a unit of the last
     * printed decimal).
     */
    private void published() {
        JsonNode list = study.path("published");
        if (!list.isArray() || list.isEmpty()) {
            return;
        }
        h.append("<h2>Published values beside dyadkit's</h2>\n");
        int agree = 0;
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode e : list) {
            JsonNode v = null;
            for (JsonNode a : results.path("analyses")) {
                if (a.path("id").asText().equals(e.path("analysis").asText())) {
                    v = a.path("result").at(e.path("value").asText());
                }
            }
            String printed = e.path("published").asText().strip();
            String norm = printed.startsWith("-.") ? "-0" + printed.substring(1) : printed.startsWith(".") ? "0" + printed
                    : printed;
            java.math.BigDecimal pub = new java.math.BigDecimal(norm);
            int d = Math.max(0, pub.scale());
            double tol = e.path("tolerance").isNumber() ? e.path("tolerance").asDouble() : 0.5 * Math.pow(10, -d) * (1 + 1e-9);
            boolean ok = v != null && v.isNumber() && Math.abs(v.asDouble() - pub.doubleValue()) <= tol;
            if (ok) {
                agree++;
            }
            rows.add(List.of(e.path("what").asText(), e.path("analysis").asText(), e.path("source").asText(""), printed,
                    v == null || !v.isNumber() ? "NA" : Apa.num(v.asDouble(), d),
                    v == null || !v.isNumber() ? "" : v.asText(), ok ? (e.path("tolerance").isNumber() ? "yes, within "
                    + e.path("tolerance").asText() : "yes") : "no", e.path("note").asText("")));
        }
        paragraph(agree + " of " + list.size() + " published values agree with dyadkit's (to every printed digit, or "
                + "within the stated tolerance).");
        tableStart("Published values and dyadkit's", List.of("Quantity", "Analysis", "Source", "Published",
                "dyadkit (printed digits)", "dyadkit (unrounded)", "Agrees", "Note"));
        rows.forEach(this::row);
        tableEnd("Agrees: dyadkit's value is within half a unit of the last printed digit of the published value, or "
                + "within the tolerance the study file states for it (with its reason in the note).");
    }

    private void references() {
        if (citations.isEmpty()) {
            return;
        }
        h.append("<h2>References</h2>\n<ul class=\"references\">\n");
        citations.stream().sorted().forEach(c -> h.append("<li>").append(esc(c)).append("</li>\n"));
        h.append("</ul>\n");
    }

    private void appendix() {
        h.append("<h2>Appendix: how each result was computed</h2>\n<p>Each analysis is its command run on "
                + "<code>scores.csv</code>; the same command prints the same JSON object as <code>results.json</code>.</p>\n"
                + "<ul class=\"commands\">\n");
        for (JsonNode a : study.path("analyses")) {
            h.append("<li><strong>").append(esc(a.path("id").asText())).append("</strong>: <code>")
                    .append(esc(a.path("command").asText())).append("</code></li>\n");
        }
        h.append("</ul>\n<p>Inputs:</p>\n<ul class=\"inputs\">\n");
        for (JsonNode i : results.path("inputs")) {
            h.append("<li><code>").append(esc(i.path("file").asText())).append("</code> sha256 <code>")
                    .append(esc(i.path("sha256").asText())).append("</code></li>\n");
        }
        h.append("</ul>\n");
    }

    private static final String STYLE = """
            body { font-family: Georgia, 'Times New Roman', serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
                   line-height: 1.45; color: #111111; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 2em; } h3 { font-size: 1.1em; margin-top: 1.6em; }
            .type { font-weight: normal; color: #555555; }
            .byline { color: #555555; font-size: 0.9em; }
            table { border-collapse: collapse; margin: 1em 0; font-size: 0.85em; }
            caption { text-align: left; font-style: italic; padding-bottom: 0.4em; }
            caption .label { font-style: normal; font-weight: bold; display: block; }
            thead th { border-top: 2px solid #111111; border-bottom: 1px solid #111111; padding: 0.2em 0.6em; }
            tbody tr:last-child th, tbody tr:last-child td { border-bottom: 2px solid #111111; }
            td, tbody th { padding: 0.15em 0.6em; text-align: right; font-weight: normal; }
            tbody th { text-align: left; }
            .note { font-size: 0.85em; margin-top: -0.6em; }
            figure { margin: 1.2em 0; } figcaption { font-size: 0.9em; }
            figcaption .label { font-weight: bold; margin-right: 0.4em; }
            svg.figure { max-width: 100%; height: auto; }
            code { font-size: 0.85em; word-break: break-all; }
            """;

    /**
     * Per-role rows ({@code [{"role": .., ...}]}, as the renderers write them) as an object keyed by role, with
     * the whole row or one of its values; any other node unchanged.
     */
    private static JsonNode byRole(JsonNode n, String valueKey) {
        if (!n.isArray()) {
            return n;
        }
        com.fasterxml.jackson.databind.node.ObjectNode o = org.dyadkit.report.Formats.object();
        for (JsonNode row : n) {
            o.set(row.path("role").asText(), valueKey == null ? row : row.path(valueKey));
        }
        return o;
    }
}
