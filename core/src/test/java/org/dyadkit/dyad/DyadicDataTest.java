package org.dyadkit.dyad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dyadkit.InputException;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

class DyadicDataTest {
    static final Path SAMPLES = Path.of("..", "data-samples");

    static DataTable table(String... lines) {
        List<String> header = List.of(lines[0].split(",", -1));
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            rows.add(lines[i].split(",", -1));
        }
        return DataTable.of("t.csv", header, rows);
    }

    static DyadicData acitelliIndividual() {
        return DyadicData.individual(DataTable.read(SAMPLES.resolve("acitelli_individual.csv")))
                .dyad("cuplid").role("gender").roles("1", "-1").build();
    }

    @Test
    void acitelliReadsTheSameFromAllThreeLayouts() {
        DyadicData ind = acitelliIndividual();
        DyadicData wide = DyadicData.dyad(DataTable.read(SAMPLES.resolve("acitelli_dyad.csv")))
                .dyad("cuplid").roles("H", "W").build();
        DyadicData pair = DyadicData.pairwise(DataTable.read(SAMPLES.resolve("acitelli_pairwise.csv")))
                .dyad("CoupleID").role("Gender").roles("Husband", "Wife").build();
        assertEquals(148, ind.size());
        assertEquals(148, wide.size());
        assertEquals(148, pair.size());
        assertTrue(ind.singletons().isEmpty());
        assertEquals(List.of("H", "W"), wide.roles());
        assertEquals(VariableKind.BETWEEN, ind.kind("Yearsmar"));
        assertEquals(VariableKind.MIXED, ind.kind("satisfaction"));
        assertEquals(VariableKind.BETWEEN, wide.kind("Yearsmar"));
        assertEquals(VariableKind.WITHIN, pair.kind("Partnum"));
        for (int i = 0; i < 148; i++) {
            Dyad a = ind.dyads().get(i);
            Dyad b = wide.dyads().get(i);
            Dyad c = pair.dyads().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.id(), c.id());
            for (int p = 1; p <= 2; p++) {
                double x = a.member(p).orElseThrow().value("satisfaction");
                assertEquals(x, b.member(p).orElseThrow().value("satisfaction"), 1e-12, a.id());
                assertEquals(x, c.member(p).orElseThrow().value("Satisfaction"), 1e-12, a.id());
            }
        }
        // the Gender_A column duplicates the role column name and is reported, not silently read
        assertTrue(pair.warnings().stream().anyMatch(w -> w.contains("Gender_A")), pair.warnings().toString());
    }

    @Test
    void acitelliRoundTripsAreTheIdentity() {
        DataTable original = DataTable.read(SAMPLES.resolve("acitelli_individual.csv"));
        DyadicData ind = DyadicData.individual(original).dyad("cuplid").role("gender").build();
        assertEquals(List.of("-1", "1"), ind.roles());
        assertEquals(original, ind.toIndividual());
        DataTable wide = ind.toDyad();
        assertEquals(List.of("cuplid", "Yearsmar", "self_pos_-1", "other_pos_-1"), wide.columns().subList(0, 4));
        assertEquals(original, DyadicData.dyad(wide).dyad("cuplid").role("gender").roles("-1", "1").build()
                .toIndividual());
        DataTable pw = ind.toPairwise();
        assertEquals(original, DyadicData.pairwise(pw).dyad("cuplid").role("gender").build().toIndividual());
        assertEquals(pw, DyadicData.pairwise(pw).dyad("cuplid").role("gender").build().toPairwise());
        assertEquals(wide, DyadicData.dyad(wide).dyad("cuplid").role("gender").build().toDyad());
        DataTable published = DataTable.read(SAMPLES.resolve("acitelli_dyad.csv"));
        assertEquals(published, DyadicData.dyad(published).dyad("cuplid").roles("H", "W").build().toDyad());
    }

    @Test
    void singletonsAreKeptAndReportedInEveryLayout() {
        DataTable t = table("id,g,role,x,y", "1,a,m,3,1", "1,a,w,4,2", "2,b,w,5,1", "3,c,m,,1", "3,c,w,2,");
        DyadicData d = DyadicData.individual(t).dyad("id").role("role").build();
        assertEquals(3, d.size());
        assertEquals(List.of("2"), d.singletons().stream().map(Dyad::id).toList());
        assertEquals(2, d.singletons().get(0).members().get(0).position());
        assertTrue(Double.isNaN(d.dyads().get(2).member("m").orElseThrow().value("x")));
        assertEquals(VariableKind.BETWEEN, d.kind("g"));
        DataTable wide = d.toDyad();
        assertEquals(List.of("id", "g", "x_m", "y_m", "x_w", "y_w"), wide.columns());
        assertEquals(List.of("2", "b", "", "", "5", "1"), List.of(wide.row(1)));
        assertEquals(t, DyadicData.dyad(wide).dyad("id").role("role").roles("m", "w").build().toIndividual());
        DataTable pw = d.toPairwise();
        assertEquals(List.of("id", "g", "role", "x_A", "y_A", "x_P", "y_P"), pw.columns());
        assertEquals(List.of("2", "b", "w", "5", "1", "", ""), List.of(pw.row(2)));
        assertEquals(t, DyadicData.pairwise(pw).dyad("id").role("role").build().toIndividual());
        double[] m = d.values("x", "m");
        assertEquals(3.0, m[0]);
        assertTrue(Double.isNaN(m[1]));
    }

    @Test
    void indistinguishableDyadsUseMemberLabels() {
        DataTable t = table("pair,y,x", "a,7,1", "a,7,2", "b,8,3", "c,9,5", "c,9,4");
        DyadicData d = DyadicData.individual(t).dyad("pair").build();
        assertFalse(d.distinguishable());
        assertEquals(null, d.dyads().get(0).members().get(0).role());
        DataTable wide = d.toDyad();
        assertEquals(List.of("pair", "y", "x_1", "x_2"), wide.columns());
        assertEquals(t, DyadicData.dyad(wide).dyad("pair").build().toIndividual());
        DataTable pw = d.toPairwise().select(new int[] {4, 3, 2, 1, 0});
        DyadicData back = DyadicData.pairwise(pw).dyad("pair").build();
        assertEquals(List.of("c", "b", "a"), back.dyads().stream().map(Dyad::id).toList());
    }

    @Test
    void aMemberWithoutAnyPersonLevelValueIsAbsentInTheDyadLayout() {
        DyadicData d = DyadicData.dyad(table("id,g,x_m,x_w", "1,a,3,NA", "2,b,,", "3,c,NA,4")).dyad("id")
                .roles("m", "w").build();
        assertEquals(2, d.size());
        assertEquals(2, d.singletons().size());
        assertTrue(d.warnings().get(0).contains("dyad 2 has no member values"), d.warnings().toString());
    }

    @Test
    void dyadLayoutSuffixesDecideDistinguishability() {
        assertEquals(List.of("man", "woman"), DyadicData.dyad(table("id,x_man,x_woman", "1,3,4")).dyad("id").build()
                .roles());
        assertFalse(DyadicData.dyad(table("id,x_1,x_2", "1,3,4")).dyad("id").build().distinguishable());
        assertEquals(List.of("1", "2"), DyadicData.dyad(table("id,x_1,x_2", "1,3,4")).dyad("id").role("member")
                .build().roles());
        assertFalse(DyadicData.dyad(table("id,x_man,x_woman", "1,3,4")).dyad("id").indistinguishable().build()
                .distinguishable());
    }

    @Test
    void moreThanTwoPersonsListsTheDyads() {
        DataTable t = table("id,role,x", "1,m,3", "1,w,4", "1,w,5", "2,m,1", "2,w,2", "7,m,1", "7,w,2", "7,m,3");
        InputException e = assertThrows(InputException.class,
                () -> DyadicData.individual(t).dyad("id").role("role").build());
        assertTrue(e.getMessage().contains("more than two persons in dyads 1 (3 persons, lines 1, 2, 3), 7"),
                e.getMessage());
    }

    @Test
    void roleThatDoesNotDistinguishListsTheDyads() {
        DataTable t = table("id,role,x", "1,m,3", "1,w,4", "2,w,1", "2,w,2", "3,m,1", "3,m,5");
        InputException e = assertThrows(InputException.class,
                () -> DyadicData.individual(t).dyad("id").role("role").build());
        assertTrue(e.getMessage().contains("does not distinguish"), e.getMessage());
        assertTrue(e.getMessage().contains("2 (both w, lines 3 and 4), 3 (both m, lines 5 and 6)"), e.getMessage());
    }

    @Test
    void duplicatePersonsMissingIdsAndRolesAreNamed() {
        InputException dup = assertThrows(InputException.class, () -> DyadicData.individual(
                table("id,role,x", "1,m,3", "1,m,3", "2,m,1", "2,w,2")).dyad("id").role("role").build());
        assertTrue(dup.getMessage().contains("duplicate persons (identical rows) in dyad 1 (lines 1 and 2)"),
                dup.getMessage());
        InputException person = assertThrows(InputException.class, () -> DyadicData.individual(
                table("pid,id,role,x", "7,1,m,3", "8,1,w,4", "7,2,m,1", "9,2,w,2")).dyad("id").role("role")
                .person("pid").build());
        assertTrue(person.getMessage().contains("duplicate person id 7 (lines 1, 3)"), person.getMessage());
        InputException id = assertThrows(InputException.class, () -> DyadicData.individual(
                table("id,role,x", "1,m,3", ",w,3", "2,m,1", " ,w,2")).dyad("id").role("role").build());
        assertTrue(id.getMessage().contains("line 2") && id.getMessage().contains("lines 2, 4"), id.getMessage());
        assertTrue(id.getMessage().contains("column id"), id.getMessage());
        InputException role = assertThrows(InputException.class, () -> DyadicData.individual(
                table("id,role,x", "1,m,3", "1,,3")).dyad("id").role("role").build());
        assertTrue(role.getMessage().contains("missing role"), role.getMessage());
        InputException three = assertThrows(InputException.class, () -> DyadicData.individual(
                table("id,role,x", "1,m,3", "1,w,3", "2,x,3")).dyad("id").role("role").build());
        assertTrue(three.getMessage().contains("3 different values (m, w, x)"), three.getMessage());
        InputException wideDup = assertThrows(InputException.class, () -> DyadicData.dyad(
                table("id,x_m,x_w", "1,3,4", "1,2,2")).dyad("id").build());
        assertTrue(wideDup.getMessage().contains("1 (lines 1 and 2)"), wideDup.getMessage());
    }

    @Test
    void nonNumericCellNamesTheSourceColumn() {
        DyadicData d = DyadicData.dyad(table("id,x_m,x_w", "1,3,4", "2,2,oops")).dyad("id").roles("m", "w").build();
        InputException e = assertThrows(InputException.class, () -> d.values("x", "w"));
        assertTrue(e.getMessage().contains("line 2, column x_w, value \"oops\""), e.getMessage());
        InputException missing = assertThrows(InputException.class, () -> d.values("xx", "w"));
        assertTrue(missing.getMessage().contains("did you mean x"), missing.getMessage());
    }

    @Test
    void pairwisePartnerColumnsThatDisagreeAreReported() {
        DataTable t = table("id,x_A,x_P", "1,3,4", "1,4,9", "2,1,2", "2,2,1");
        DyadicData d = DyadicData.pairwise(t).dyad("id").build();
        assertEquals(1, d.warnings().size(), d.warnings().toString());
        assertTrue(d.warnings().get(0).contains("x_P"), d.warnings().get(0));
        assertNotEquals(t, d.toPairwise());
    }

    @Test
    void pairwiseRoleMayBeAnActorColumn() {
        DataTable t = table("id,gender_A,x_A,gender_P,x_P", "1,m,3,w,4", "1,w,4,m,3", "2,w,1,m,2", "2,m,2,w,1");
        DyadicData d = DyadicData.pairwise(t).dyad("id").role("gender").roles("m", "w").build();
        assertEquals(List.of("m", "w"), d.roles());
        assertEquals(List.of("x"), d.variables());
        assertEquals(2.0, d.values("x", "m")[1]);
        assertEquals(List.of("id", "gender", "x_A", "x_P"), d.toPairwise().columns());
    }

    @Test
    void customPairwiseSuffixes() {
        DataTable t = table("id,x.self,x.other", "1,3,4", "1,4,3");
        DyadicData d = DyadicData.pairwise(t).dyad("id").suffixes(".self", ".other").build();
        assertEquals(List.of("x"), d.variables());
        assertEquals(t, d.toPairwise());
    }

    @Test
    void membersReadTheirOwnColumnsAndNameThemInErrors() {
        DyadicData wide = DyadicData.dyad(table("couple,sat_H,sat_W,years", "1,3,4,10", "2,2,x,7"))
                .dyad("couple").roles("H", "W").build();
        Member w = wide.dyads().get(0).member("W").orElseThrow();
        assertEquals("4", w.text("sat"));
        assertEquals("10", w.text("years"));
        InputException e = assertThrows(InputException.class,
                () -> wide.dyads().get(1).member("W").orElseThrow().value("sat"));
        InputException.Location at = e.location().orElseThrow();
        assertEquals(List.of("t.csv", 2L, "sat_W", "x"), List.of(at.file(), at.line(), at.column(), at.value()));
        assertThrows(IllegalArgumentException.class, () -> w.text("nope"));

        // indistinguishable, only the second member present: it becomes member 1 and keeps its own cells
        DyadicData numbered = DyadicData.dyad(table("couple,sat_1,sat_2", "1,,5")).dyad("couple").build();
        Member only = numbered.dyads().get(0).members().get(0);
        assertEquals(1, only.position());
        assertEquals(5.0, only.value("sat"));

        DyadicData ind = DyadicData.individual(table("couple,role,sat", "1,W,2", "1,H,x")).dyad("couple")
                .role("role").roles("H", "W").build();
        InputException h = assertThrows(InputException.class, () -> DyadArrays.of(ind).values("sat"));
        assertEquals("x", h.location().orElseThrow().value());
        assertEquals(2L, h.location().orElseThrow().line());
        assertTrue(DyadArrays.of(ind) == DyadArrays.of(ind), "the array view is made once");
        assertEquals(List.of("H", "W"), List.of(DyadArrays.of(ind).role(0), DyadArrays.of(ind).role(1)));
        assertEquals(List.of(1, 0), List.of(DyadArrays.of(ind).partner(0), DyadArrays.of(ind).partner(1)));
    }
}
