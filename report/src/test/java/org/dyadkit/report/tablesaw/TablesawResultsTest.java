package org.dyadkit.report.tablesaw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimConstraints;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.apim.ConstraintKind;
import org.dyadkit.apim.ConstraintTest;
import org.dyadkit.apim.ConstraintTests;
import org.dyadkit.apim.DistinguishabilityTest;
import org.dyadkit.apim.ExplainedNonindependence;
import org.dyadkit.apim.KEstimate;
import org.dyadkit.apim.SemDistinguishability;
import org.dyadkit.apim.SemDistinguishabilityResult;
import org.dyadkit.apim.SemTest;
import org.dyadkit.apim.SimpleSlope;
import org.dyadkit.apim.SimpleSlopes;
import org.dyadkit.apim.SimpleSlopesResult;
import org.dyadkit.diary.DiaryData;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.Sample;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.mediation.Apimem;
import org.dyadkit.mediation.ApimemResult;
import org.dyadkit.mediation.IndirectContrast;
import org.dyadkit.mediation.IndirectContrasts;
import org.dyadkit.mediation.IndirectContrastsResult;
import org.dyadkit.mediation.Mediation;
import org.dyadkit.mediation.MediationResult;
import org.dyadkit.mediation.PathEstimate;
import org.dyadkit.mediation.TotalEffect;
import org.dyadkit.mlm.FixedEffect;
import org.dyadkit.mlm.Mlm;
import org.dyadkit.mlm.MlmFit;
import org.dyadkit.nonindependence.CorrelationRow;
import org.dyadkit.nonindependence.CrossPartner;
import org.dyadkit.nonindependence.DistinguishableCorrelations;
import org.dyadkit.nonindependence.DistinguishableNonindependence;
import org.dyadkit.nonindependence.IndistinguishableNonindependence;
import org.dyadkit.nonindependence.Nonindependence;
import org.dyadkit.nonindependence.RoleSummary;
import org.dyadkit.power.ApimPower;
import org.dyadkit.power.PowerResult;
import org.dyadkit.power.PowerRow;
import org.dyadkit.reliability.AlphaResult;
import org.dyadkit.reliability.InstrumentReliability;
import org.dyadkit.reliability.ItemStatistics;
import org.dyadkit.reliability.Reliability;
import org.dyadkit.reliability.ScaleReliability;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Every table of every result type, cell by cell against the result record's accessors. */
class TablesawResultsTest {
    private static final DataTable ACITELLI = DataTable.read(Path.of("../data-samples/acitelli_individual.csv"));
    private static final DyadicData COUPLES = DyadicData.individual(ACITELLI).dyad("cuplid").role("gender").build();

    /** Asserts that cell (row, column) holds {@code expected}: a missing value for null, NaN or an empty optional. */
    static void cell(Table t, int row, String column, Object expected) {
        String where = t.name() + "[" + row + "]." + column;
        assertTrue(t.columnNames().contains(column), where + ": no such column in " + t.columnNames());
        Column<?> c = t.column(column);
        Object e = unwrap(expected);
        if (e == null) {
            assertTrue(c.isMissing(row), where + " should be missing but is " + c.getString(row));
            return;
        }
        assertFalse(c.isMissing(row), where + " is missing, expected " + e);
        if (e instanceof Double d) {
            assertInstanceOf(DoubleColumn.class, c, where);
            assertEquals(d, ((DoubleColumn) c).getDouble(row), 0.0, where);
        } else if (e instanceof Integer i) {
            assertInstanceOf(IntColumn.class, c, where);
            assertEquals(i, ((IntColumn) c).get(row), where);
        } else if (e instanceof Boolean b) {
            assertEquals(b, c.get(row), where);
        } else {
            assertInstanceOf(StringColumn.class, c, where);
            assertEquals(e.toString(), c.getString(row), where);
        }
    }

    private static Object unwrap(Object o) {
        if (o instanceof Optional<?> opt) {
            return unwrap(opt.orElse(null));
        }
        if (o instanceof OptionalDouble d) {
            return d.isPresent() ? d.getAsDouble() : null;
        }
        if (o instanceof OptionalInt i) {
            return i.isPresent() ? i.getAsInt() : null;
        }
        if (o instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        return o;
    }

    static void sample(Table t, Sample s) {
        List<Object> q = List.of("persons_in_file", "dyads_in_file", "persons_used", "dyads_used");
        List<Integer> v = List.of(s.personsInFile(), s.dyadsInFile(), s.personsUsed(), s.dyadsUsed());
        for (int i = 0; i < 4; i++) {
            cell(t, i, "quantity", q.get(i));
            cell(t, i, "value", v.get(i));
        }
        for (int i = 0; i < s.excluded().size(); i++) {
            cell(t, 4 + i, "quantity", "excluded");
            cell(t, 4 + i, "reason", s.excluded().get(i).reason());
            cell(t, 4 + i, "value", s.excluded().get(i).persons());
        }
        assertEquals(4 + s.excluded().size(), t.rowCount(), "sample rows");
    }

    static void coefficients(Table t, List<Coefficient> cs, int from) {
        for (int i = 0; i < cs.size(); i++) {
            Coefficient c = cs.get(i);
            int r = from + i;
            cell(t, r, "term", c.term());
            cell(t, r, "role", c.role());
            cell(t, r, "estimate", c.estimate());
            cell(t, r, "se", c.se());
            cell(t, r, "df", c.df());
            cell(t, r, "statistic", c.t());
            cell(t, r, "p", c.p());
            cell(t, r, "ci_lower", c.ciLower());
            cell(t, r, "ci_upper", c.ciUpper());
        }
    }

    @Test
    void apimFitWithK() {
        ApimFit f = Apim.distinguishable(COUPLES).withOutcome("satisfaction").withPredictor("other_pos")
                .withCovariate("Yearsmar").withBootstrap(50, 7).fit();
        Map<String, Table> all = Tablesaw.tables(f);
        assertEquals(List.of("coefficients", "residual", "rho", "pseudo_r2", "k", "sample"), List.copyOf(all.keySet()));
        Table co = all.get("coefficients");
        assertEquals(f.coefficients().size(), co.rowCount());
        assertEquals(List.of("term", "role", "estimate", "se", "df", "statistic", "p", "ci_lower", "ci_upper"),
                co.columnNames());
        coefficients(co, f.coefficients(), 0);
        Table res = all.get("residual");
        List<String> roles = new ArrayList<>(f.residual().sd().keySet());
        for (int i = 0; i < roles.size(); i++) {
            cell(res, i, "role", roles.get(i));
            cell(res, i, "estimate", f.residualSd(roles.get(i)));
            cell(res, i, "ci_lower", f.residualSdInterval(roles.get(i)).map(v -> v.lower()));
            cell(res, i, "ci_upper", f.residualSdInterval(roles.get(i)).map(v -> v.upper()));
        }
        cell(all.get("rho"), 0, "estimate", f.rho());
        cell(all.get("rho"), 0, "ci_lower", f.rhoInterval().map(v -> v.lower()));
        List<String> pr = new ArrayList<>(f.pseudoR2().keySet());
        for (int i = 0; i < pr.size(); i++) {
            cell(all.get("pseudo_r2"), i, "role", pr.get(i));
            cell(all.get("pseudo_r2"), i, "estimate", f.pseudoR2().get(pr.get(i)));
        }
        Table k = all.get("k");
        assertEquals(f.k().size(), k.rowCount());
        for (int i = 0; i < f.k().size(); i++) {
            KEstimate e = f.k().get(i);
            cell(k, i, "role", e.role());
            cell(k, i, "estimate", e.k());
            cell(k, i, "se", e.se());
            cell(k, i, "ci_lower", e.biasCorrected().or(e::percentile).or(e::delta).map(v -> v.lower()));
            cell(k, i, "ci_upper", e.biasCorrected().or(e::percentile).or(e::delta).map(v -> v.upper()));
        }
        sample(all.get("sample"), f.sample());
        assertEquals(co.printAll(), Tablesaw.table(f, "coefficients").printAll());
    }

    @Test
    void oneTableByNameAndAClearMessageForAWrongName() {
        ApimFit f = Apim.indistinguishable(COUPLES).withOutcome("satisfaction").withPredictor("other_pos").fit();
        Table co = Tablesaw.table(f, "coefficients");
        coefficients(co, f.coefficients(), 0);
        cell(co, 0, "role", null); // indistinguishable dyads: no role
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tablesaw.table(f, "coefs"));
        assertTrue(e.getMessage().contains("coefficients, residual, rho"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tablesaw.tablesOf("not a result"));
    }

    @Test
    void distinguishabilityTest() {
        DistinguishabilityTest t = Apim.distinguishable(COUPLES).withOutcome("satisfaction").withPredictor("other_pos")
                .distinguishability();
        Map<String, Table> all = Tablesaw.tables(t);
        Table m = all.get("models");
        List<ApimFit> fits = List.of(t.indistinguishable(), t.distinguishable());
        for (int i = 0; i < 2; i++) {
            cell(m, i, "model", i == 0 ? "indistinguishable" : "distinguishable");
            cell(m, i, "n_parameters", fits.get(i).nParameters());
            cell(m, i, "aic", fits.get(i).aic());
            cell(m, i, "bic", fits.get(i).bic());
            cell(m, i, "log_lik", fits.get(i).logLik());
        }
        cell(m, 0, "chi_square", null);
        cell(m, 1, "chi_square", t.chiSquare());
        cell(m, 1, "df", t.df());
        cell(m, 1, "p", t.p());
        Table co = all.get("coefficients");
        coefficients(co, t.indistinguishable().coefficients(), 0);
        coefficients(co, t.distinguishable().coefficients(), t.indistinguishable().coefficients().size());
        cell(co, 0, "model", "indistinguishable");
        cell(co, co.rowCount() - 1, "model", "distinguishable");
        cell(all.get("rho"), 1, "estimate", t.distinguishable().rho());
        sample(all.get("sample"), t.sample());
    }

    @Test
    void constraintAndSemTestsExplainedNonindependenceAndSimpleSlopes() {
        Apim model = Apim.distinguishable(COUPLES).withOutcome("satisfaction").withPredictor("other_pos");
        ApimFit fit = model.fit();
        ConstraintTests ct = ApimConstraints.of(model).withPattern(ConstraintKind.EQUAL_ACTORS).fit();
        Map<String, Table> c = Tablesaw.tables(ct);
        Table tests = c.get("constraint_tests");
        assertEquals(ct.tests().size(), tests.rowCount(), c.keySet().toString());
        int co = 0;
        for (int i = 0; i < ct.tests().size(); i++) {
            ConstraintTest x = ct.tests().get(i);
            cell(tests, i, "test", x.label());
            cell(tests, i, "df", (double) x.df());
            cell(tests, i, "chi2", x.lrChiSquare());
            cell(tests, i, "p", x.lrP());
            cell(tests, i, "wald_chi2", x.waldChiSquare());
            cell(tests, i, "rho", x.rho());
            cell(tests, i, "k", x.k());
            for (var k : x.coefficients()) {
                cell(c.get("constrained_coefficients"), co, "term", k.term());
                cell(c.get("constrained_coefficients"), co, "estimate", k.estimate());
                cell(c.get("constrained_coefficients"), co++, "se", k.se());
            }
        }
        SemDistinguishabilityResult sem = SemDistinguishability.of(model).fit();
        Table st = Tablesaw.table(sem, "sem_tests");
        for (int i = 0; i < sem.tests().size(); i++) {
            SemTest x = sem.tests().get(i);
            cell(st, i, "chi2", x.chiSquare());
            cell(st, i, "df", (double) x.df());
            cell(st, i, "p", x.p());
            cell(st, i, "n_dyads", (double) sem.nDyads());
        }
        ExplainedNonindependence e = ExplainedNonindependence.of(model, fit);
        Table et = Tablesaw.table(e, "explained_nonindependence");
        cell(et, 0, "quantity", "raw_r");
        cell(et, 0, "value", e.rawR());
        cell(et, 1, "value", e.explained());
        cell(et, 2, "value", e.residualR());
        cell(et, 3, "value", e.share());

        Apim moderated = Apim.distinguishable(COUPLES).withOutcome("satisfaction").withPredictor("other_pos")
                .withCovariate("tension").withCovariate("partner.tension").withInteraction("other_pos:tension")
                .withInteraction("partner.other_pos:partner.tension");
        SimpleSlopesResult ss = SimpleSlopes.of(moderated, moderated.fit()).withFocal("actor").withModerator("tension")
                .fit();
        Table s = Tablesaw.table(ss, "simple_slopes");
        assertEquals(ss.slopes().size(), s.rowCount());
        for (int i = 0; i < ss.slopes().size(); i++) {
            SimpleSlope x = ss.slopes().get(i);
            cell(s, i, "focal", x.focal());
            cell(s, i, "moderator", x.moderator());
            cell(s, i, "at", x.at());
            cell(s, i, "role", x.role());
            cell(s, i, "estimate", x.estimate());
            cell(s, i, "se", x.se());
            cell(s, i, "p", x.p());
        }
    }

    @Test
    void nonindependenceBothKinds() {
        DistinguishableNonindependence d = Nonindependence.distinguishable(COUPLES).withVariable("satisfaction").fit();
        IndistinguishableNonindependence i = Nonindependence.indistinguishable(COUPLES).withVariable("tension").fit();
        Map<String, Table> all = Tablesaw.tables(d, i);
        Table n = all.get("nonindependence");
        cell(n, 0, "variable", "satisfaction");
        cell(n, 0, "statistic", "partner_r");
        cell(n, 0, "n_dyads", d.nDyads());
        cell(n, 0, "estimate", d.pearsonR());
        cell(n, 0, "ci_lower", d.fisherCiLower());
        cell(n, 0, "ci_upper", d.fisherCiUpper());
        cell(n, 0, "value", d.t());
        cell(n, 0, "df", d.df());
        cell(n, 0, "p", d.p());
        cell(n, 1, "value", d.pitmanMorgan().t());
        cell(n, 1, "p", d.pitmanMorgan().p());
        cell(n, 2, "estimate", d.meanDifference().meanDifference());
        cell(n, 2, "d", d.meanDifference().d());
        cell(n, 3, "statistic", "anova_icc");
        cell(n, 3, "estimate", i.anovaIcc());
        cell(n, 3, "value", i.f());
        cell(n, 3, "df2", i.df2());
        cell(n, 3, "ms_between", i.msBetween());
        cell(n, 4, "estimate", i.pairwiseR());
        cell(n, 4, "p", i.pairwiseP());
        cell(n, 0, "df2", null);
        Table rs = all.get("role_summaries");
        for (int r = 0; r < d.roleSummaries().size(); r++) {
            RoleSummary s = d.roleSummaries().get(r);
            cell(rs, r, "role", s.role());
            cell(rs, r, "n", s.n());
            cell(rs, r, "mean", s.mean());
            cell(rs, r, "sd", s.sd());
        }
        Table s = all.get("sample");
        cell(s, 0, "variable", "satisfaction");
        cell(s, 0, "value", d.sample().personsInFile());
        assertEquals(all.keySet(), Tablesaw.tablesOf(List.of(d, i)).keySet());
    }

    @Test
    void crossPartnerCorrelations() {
        DistinguishableCorrelations c = CrossPartner.distinguishable(COUPLES)
                .withVariables(List.of("satisfaction", "tension", "other_pos")).fit();
        Map<String, Table> all = Tablesaw.tables(c);
        Table t = all.get("correlations");
        assertEquals(c.rows().size(), t.rowCount());
        for (int i = 0; i < c.rows().size(); i++) {
            CorrelationRow r = c.rows().get(i);
            cell(t, i, "x", r.x());
            cell(t, i, "x_role", r.xRole());
            cell(t, i, "y", r.y());
            cell(t, i, "y_role", r.yRole());
            cell(t, i, "type", r.type().label());
            cell(t, i, "n", r.n());
            cell(t, i, "r", r.r());
            cell(t, i, "ci_lower", r.ciLower());
            cell(t, i, "ci_upper", r.ciUpper());
            cell(t, i, "statistic", r.t());
            cell(t, i, "df", r.df());
            cell(t, i, "p", r.p());
        }
        sample(all.get("sample"), c.sample());
    }

    static void paths(Table t, List<PathEstimate> ps) {
        for (int i = 0; i < ps.size(); i++) {
            PathEstimate p = ps.get(i);
            cell(t, i, "term", p.path().label());
            cell(t, i, "effect", p.effect().map(e -> e.label()));
            cell(t, i, "role", p.role());
            cell(t, i, "estimate", p.estimate());
            cell(t, i, "se", p.se());
            cell(t, i, "statistic", p.t());
            cell(t, i, "p", p.p());
            cell(t, i, "ci_lower", p.ciLower());
            cell(t, i, "ci_upper", p.ciUpper());
        }
    }

    @Test
    void apimemAndItsContrasts() {
        Apimem model = Apimem.distinguishable(COUPLES).withPredictor("other_pos").withMediator("tension")
                .withOutcome("satisfaction");
        ApimemResult r = model.fit();
        Map<String, Table> all = Tablesaw.tables(r);
        assertTrue(all.keySet().containsAll(List.of("paths", "indirect", "total", "sample")), all.keySet().toString());
        paths(all.get("paths"), r.paths());
        Table ind = all.get("indirect");
        for (int i = 0; i < r.indirect().size(); i++) {
            cell(ind, i, "estimate", r.indirect().get(i).estimate());
            cell(ind, i, "role", r.indirect().get(i).role());
            cell(ind, i, "se", r.indirect().get(i).sobelSe());
        }
        Table tot = all.get("total");
        for (int i = 0; i < r.total().size(); i++) {
            TotalEffect e = r.total().get(i);
            cell(tot, i, "role", e.role());
            cell(tot, i, "estimate", e.total());
            cell(tot, i, "direct", e.direct());
            cell(tot, i, "indirect", e.indirect());
            cell(tot, i, "percent_mediated", e.percentMediated());
        }
        sample(all.get("sample"), r.sample());

        IndirectContrastsResult ic = IndirectContrasts.of(model).fit();
        Map<String, Table> withContrasts = Tablesaw.tables(ic);
        Table con = withContrasts.get("contrast");
        List<IndirectContrast> cs = ic.contrasts();
        assertFalse(cs.isEmpty());
        int row = 0;
        for (IndirectContrast x : cs) {
            int rows = (int) List.of(x.monteCarlo(), x.percentile(), x.biasCorrected()).stream()
                    .filter(Optional::isPresent).count();
            for (int j = 0; j < Math.max(1, rows); j++) {
                cell(con, row, "term", x.first() + " - " + x.second());
                cell(con, row, "estimate", x.estimate());
                row++;
            }
        }
        assertEquals(row, con.rowCount());
        paths(withContrasts.get("paths"), r.paths());
    }

    @Test
    void singleLevelMediation() {
        MediationResult r = Mediation.of(COUPLES).withPredictor("other_pos").withMediator("tension")
                .withOutcome("satisfaction").fit();
        Map<String, Table> all = Tablesaw.tables(r);
        Table p = all.get("paths");
        List<PathEstimate> ps = List.of(r.a(), r.b(), r.cPrime(), r.c());
        for (int i = 0; i < 4; i++) {
            cell(p, i, "term", ps.get(i).path().label());
            cell(p, i, "estimate", ps.get(i).estimate());
            cell(p, i, "se", ps.get(i).se());
            cell(p, i, "df", ps.get(i).df());
            cell(p, i, "statistic", ps.get(i).t());
            cell(p, i, "p", ps.get(i).p());
            cell(p, i, "ci_lower", ps.get(i).ciLower());
            cell(p, i, "ci_upper", ps.get(i).ciUpper());
        }
        Table ind = all.get("indirect");
        cell(ind, 0, "estimate", r.indirect().estimate());
        cell(ind, 0, "se", r.indirect().sobelSe());
        cell(ind, 0, "statistic", r.indirect().sobelZ());
        cell(ind, 0, "p", r.indirect().sobelP());
        cell(ind, 0, "df", null);
        sample(all.get("sample"), r.sample());
    }

    @Test
    void reliabilityScalesAndItemStatistics() {
        DataTable survey = DataTable.read(Path.of("../data-samples/simulated_couples.csv"));
        InstrumentReliability r = Reliability.of(Instruments.bundled("ras"), survey).withGroups("role").fit();
        Map<String, Table> all = Tablesaw.tables(r);
        Table sc = all.get("scales");
        Table items = all.get("item_statistics");
        int itemRow = 0;
        for (int i = 0; i < r.scales().size(); i++) {
            ScaleReliability s = r.scales().get(i);
            AlphaResult a = s.alpha();
            cell(sc, i, "scale", s.scale());
            cell(sc, i, "group", s.group());
            cell(sc, i, "n_items", a.items().size());
            cell(sc, i, "n_respondents", a.respondents());
            cell(sc, i, "raw_alpha", a.rawAlpha());
            cell(sc, i, "std_alpha", a.stdAlpha());
            cell(sc, i, "alpha_se", a.alphaSe());
            cell(sc, i, "feldt_lower", a.feldt().lower());
            cell(sc, i, "feldt_upper", a.feldt().upper());
            cell(sc, i, "omega_total", s.omegaTotal().map(o -> o.omegaTotal()));
            for (int j = 0; j < a.itemStatistics().size(); j++) {
                ItemStatistics it = a.itemStatistics().get(j);
                cell(items, itemRow, "scale", s.scale());
                cell(items, itemRow, "group", s.group());
                cell(items, itemRow, "item", it.name());
                cell(items, itemRow, "number", r.itemNumbers().get(s.scale()).get(j));
                cell(items, itemRow, "reverse_keyed", it.reverseKeyed());
                cell(items, itemRow, "n", it.n());
                cell(items, itemRow, "mean", it.mean());
                cell(items, itemRow, "sd", it.sd());
                cell(items, itemRow, "raw_r", it.rawR());
                cell(items, itemRow, "std_r", it.stdR());
                cell(items, itemRow, "r_cor", it.rCor());
                cell(items, itemRow, "r_drop", it.rDrop());
                cell(items, itemRow, "if_dropped_raw_alpha", it.ifDropped().rawAlpha());
                cell(items, itemRow, "if_dropped_alpha_se", it.ifDropped().alphaSe());
                cell(items, itemRow, "if_dropped_median_r", it.ifDropped().medianR());
                itemRow++;
            }
        }
        assertEquals(itemRow, items.rowCount());
        Table pr = all.get("problems");
        for (int i = 0; i < r.problems().size(); i++) {
            cell(pr, i, "column", r.problems().get(i).column());
            cell(pr, i, "problem", r.problems().get(i).problem());
        }
        sample(all.get("sample"), r.sample());
    }

    @Test
    void powerRows() {
        PowerResult r = ApimPower.distinguishable("wife", "husband").withActor("wife", .3).withActor("husband", .2)
                .withPartner("wife", .1).withPartner("husband", .15).withDyads(120).fit();
        Table t = Tablesaw.table(r, "power");
        assertEquals(r.rows().size(), t.rowCount());
        for (int i = 0; i < r.rows().size(); i++) {
            PowerRow p = r.rows().get(i);
            cell(t, i, "method", "analytic");
            cell(t, i, "effect", p.effect());
            cell(t, i, "role", p.role());
            cell(t, i, "n_dyads", p.nDyads());
            cell(t, i, "power", p.power());
            cell(t, i, "ncp", p.ncp());
            cell(t, i, "df", p.df());
            cell(t, i, "size", p.size());
            cell(t, i, "beta", p.beta());
            cell(t, i, "r", p.r());
            cell(t, i, "partial_r", p.partialR());
            cell(t, i, "mc_se", p.mcSe());
        }
    }

    @Test
    void multilevelFixedAndRandomParts() {
        DiaryData diary = DiaryData.of(DataTable.read(Path.of("../data-samples/diary_couples.csv"))).dyad("couple")
                .role("gender").person("person").occasion("day").build();
        MlmFit f = Mlm.of(diary).withFixed("closeness ~ 0 + man + woman + man:stress + woman:stress")
                .withRandom("~ 0 + man + woman | couple").fit();
        Map<String, Table> all = Tablesaw.tables(f);
        Table co = all.get("coefficients");
        for (int i = 0; i < f.coefficients().size(); i++) {
            FixedEffect c = f.coefficients().get(i);
            cell(co, i, "term", c.term());
            cell(co, i, "estimate", c.estimate());
            cell(co, i, "se", c.se());
            cell(co, i, "df", c.df());
            cell(co, i, "t", c.t());
            cell(co, i, "p", c.p());
        }
        Table rnd = all.get("random");
        for (int i = 0; i < f.randomPart().terms().size(); i++) {
            cell(rnd, i, "term", f.randomPart().terms().get(i));
            cell(rnd, i, "quantity", "sd");
            cell(rnd, i, "value", f.randomPart().sd().get(i));
        }
        int n = f.randomPart().terms().size();
        for (int i = 0; i < f.randomPart().correlations().size(); i++) {
            cell(rnd, n + i, "value", f.randomPart().correlations().get(i).r());
        }
        Table res = all.get("residual");
        for (int i = 0; i < f.residual().sd().size(); i++) {
            cell(res, i, "term", f.residual().sd().get(i).level());
            cell(res, i, "value", f.residual().sd().get(i).sd());
        }
        Table fit = all.get("fit");
        cell(fit, 0, "value", f.logLik());
        cell(fit, 1, "value", f.aic());
        cell(fit, 2, "value", f.bic());
        Table s = all.get("sample");
        cell(s, 0, "value", f.sample().personsInFile());
        cell(s, 4, "quantity", "occasions_in_file");
    }
}
