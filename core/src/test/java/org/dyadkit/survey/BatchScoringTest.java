package org.dyadkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dyadkit.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScoringTest {
    @TempDir
    Path dir;

    static final BatchScoring THREE = BatchScoring.of(SurveyFormat.csv())
            .withInstrument("t", new MeanScorer(3, 1, 5, 2), ItemColumns.pattern("q{n}"))
            .withId("id");

    static String run(BatchScoring b, String input, List<Problem> problems) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                "in.csv", SurveyFormat.csv())) {
            b.run(r, out, problems::add);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<List<String>> parse(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(csv)).setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    @Test
    void everyProblemKindIsReportedAndRowsAreKept() {
        String input = String.join("\n",
                "id,q1,q2,q3,note",
                "1,1,2,3,ok",
                "2,3.0,,5,blank is missing",
                "3,2.5,6,three,all bad",
                "1,4,4,4,dup",
                ",1,1,1,no id",
                "6,,,,nothing",
                "7,1,2",
                "8,1,2,3,x,extra",
                "9,0,99,-1,range",
                "10,2,2,2,trailing,,",
                "") ;
        List<Problem> problems = new ArrayList<>();
        String out = run(THREE, input, problems);
        List<String> expected = List.of(
                "id,q1,q2,q3,note,t_total,t_problems",
                "1,1,2,3,ok,2,",
                "2,3.0,,5,blank is missing,4,",
                "3,2.5,6,three,all bad,,q1:non_integer:2.5;q2:out_of_range:6;q3:non_numeric:three;all_items_missing",
                "1,4,4,4,dup,4,id:duplicate_id",
                ",1,1,1,no id,1,id:missing_id",
                "6,,,,nothing,,all_items_missing",
                "7,1,2,,,1.5,ragged_row",
                "8,1,2,3,x,,ragged_row",
                "9,0,99,-1,range,,q1:out_of_range:0;q2:out_of_range:99;q3:out_of_range:-1;all_items_missing",
                "10,2,2,2,trailing,2,ragged_row");
        assertEquals(String.join("\n", expected) + "\n", out);
        List<String> lines = new ArrayList<>();
        for (Problem p : problems) {
            lines.add(p.line() + "|" + p.column() + "|" + p.value() + "|" + p.kind().code() + "|" + p.action());
        }
        assertEquals(List.of(
                "3|q1|2.5|non_integer|cell set to missing",
                "3|q2|6|out_of_range|cell set to missing",
                "3|q3|three|non_numeric|cell set to missing",
                "3||t: 0 of 3 items answered|all_items_missing|row kept",
                "4|id|1|duplicate_id|row kept",
                "5|id||missing_id|row kept",
                "6||t: 0 of 3 items answered|all_items_missing|row kept",
                "7||3 cells, header has 5|ragged_row|row kept; absent cells read as blank",
                "8||6 cells, header has 5; extra cells: extra|ragged_row|"
                        + "row kept, not scored; extra cells left out of the output",
                "9|q1|0|out_of_range|cell set to missing",
                "9|q2|99|out_of_range|cell set to missing",
                "9|q3|-1|out_of_range|cell set to missing",
                "9||t: 0 of 3 items answered|all_items_missing|row kept",
                "10||7 cells, header has 5|ragged_row|row kept; the extra cells are blank and left out of the output"),
                lines);
    }

    /** A scorer that fails on the row whose three answers are all 4 (to test a failure in a worker). */
    static final class FailingScorer implements RowScorer {
        private final MeanScorer inner = new MeanScorer(3, 1, 5, 2);

        @Override
        public int itemCount() {
            return inner.itemCount();
        }

        @Override
        public int itemNumber(int i) {
            return inner.itemNumber(i);
        }

        @Override
        public int itemMin(int i) {
            return inner.itemMin(i);
        }

        @Override
        public int itemMax(int i) {
            return inner.itemMax(i);
        }

        @Override
        public List<String> scoreNames() {
            return inner.scoreNames();
        }

        @Override
        public void scoreInto(int[] responses, double[] values, int[] answered) {
            if (responses[0] == 4 && responses[1] == 4 && responses[2] == 4) {
                throw new IllegalStateException("scorer fault on 4,4,4");
            }
            inner.scoreInto(responses, values, answered);
        }

        @Override
        public String describe() {
            return "fails on 4,4,4";
        }
    }

    @Test
    void aFailureInAWorkerStopsTheRunAndWritesNoOutputFile() throws IOException {
        StringBuilder sb = new StringBuilder("id,q1,q2,q3\n");
        for (int r = 0; r < 40_000; r++) {
            sb.append(r).append(r == 25_000 ? ",4,4,4\n" : ",1,2,3\n"); // the fault in a late batch
        }
        Path input = dir.resolve("in.csv");
        Files.writeString(input, sb);
        for (int threads : new int[] {1, 2, 4}) {
            Path output = dir.resolve("out" + threads + ".csv");
            BatchScoring b = BatchScoring.of(SurveyFormat.csv())
                    .withInstrument("t", new FailingScorer(), ItemColumns.pattern("q{n}")).withThreads(threads);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.run(input, output, null),
                    "threads " + threads);
            assertEquals("scorer fault on 4,4,4", e.getMessage(), "threads " + threads);
            assertFalse(Files.exists(output), "threads " + threads);
            try (var left = Files.list(dir)) {
                assertEquals(List.of("in.csv"), left.map(f -> f.getFileName().toString()).toList(),
                        "threads " + threads + ": no temporary file left");
            }
        }
    }

    @Test
    void workerThreadsGiveTheSameOutputAndProblemsInTheSameOrder() {
        org.apache.commons.rng.UniformRandomProvider rng =
                org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        StringBuilder sb = new StringBuilder("id,q1,q2,q3,note\n");
        String[] cells = {"1", "2", "3", "4", "5", "", "0", "9", "2.5", "x", "3.0"};
        for (int r = 0; r < 30_000; r++) {
            sb.append(rng.nextInt(25_000));
            for (int i = 0; i < 3; i++) {
                sb.append(',').append(cells[rng.nextInt(cells.length)]);
            }
            sb.append(rng.nextInt(50) == 0 ? ",\"a,\"\"b\"\"\"" : ",n").append(rng.nextInt(200) == 0 ? ",extra\n" : "\n");
        }
        String input = sb.toString();
        List<Problem> one = new ArrayList<>();
        List<Problem> four = new ArrayList<>();
        String outOne = run(THREE.withThreads(1), input, one);
        String outFour = run(THREE.withThreads(4), input, four);
        assertEquals(outOne, outFour, "seed 42");
        assertEquals(one, four, "seed 42");
        assertTrue(one.size() > 10_000, "seed 42: " + one.size());
    }

    @Test
    void missingValueCodesAreNotProblems() {
        SurveyFormat f = SurveyFormat.csv().withNaCodes(List.of("99", "-9", "NA"));
        BatchScoring b = BatchScoring.of(f)
                .withInstrument("t", new MeanScorer(3, 1, 5, 1), ItemColumns.pattern("q{n}")).withId("id");
        List<Problem> problems = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream(
                "id,q1,q2,q3\n1,99,-9,4\nNA,NA,99.0,2\n".getBytes(StandardCharsets.UTF_8)), "in.csv", f)) {
            BatchSummary s = b.run(r, out, problems::add);
            assertEquals(2, s.rowsScored());
        }
        assertEquals("id,q1,q2,q3,t_total,t_problems\n1,99,-9,4,4,\nNA,NA,99.0,2,2,id:missing_id\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals(1, problems.size());
        assertEquals(ProblemKind.MISSING_ID, problems.get(0).kind());
        assertEquals("NA", problems.get(0).value());
    }

    @Test
    void inputColumnsComeOutFieldForField() throws IOException {
        String input = "\"id\",\"q 1\",q2,q3,text\r\n"
                + "a,1,2,3,\"has, comma\"\r\n"
                + "\"b\",1,2,3,\"multi\nline \"\"quoted\"\"\"\r\n"
                + "c,1,2,3,  spaced  \r\n"
                + "d,1,2,3,x\"y\r\n"
                + "e,1,2,3,Zoë 日本\r\n";
        BatchScoring b = BatchScoring.of(SurveyFormat.csv())
                .withInstrument("t", new MeanScorer(3, 1, 5, 1), ItemColumns.map(java.util.Map.of(1, "q 1", 2, "q2", 3, "q3")));
        String out = run(b, input, new ArrayList<>());
        List<List<String>> in = parse(input);
        List<List<String>> got = parse(out);
        assertEquals(in.size(), got.size());
        for (int r = 0; r < in.size(); r++) {
            assertEquals(in.get(r), got.get(r).subList(0, in.get(r).size()), "row " + r);
        }
        assertTrue(out.startsWith("id,q 1,q2,q3,text,t_total,t_problems\r\n"), out);
        assertTrue(out.contains("\r\nb,1,2,3,\"multi\nline \"\"quoted\"\"\",2,\r\n"), out);
    }

    @Test
    void severalInstrumentsInOnePassWithCounts() {
        BatchScoring b = BatchScoring.of(SurveyFormat.csv())
                .withInstrument("a", new MeanScorer(2, 1, 5, 2), ItemColumns.pattern("a{n}"))
                .withInstrument("b", new MeanScorer(2, 0, 6, 1), ItemColumns.pattern("b{n}"))
                .withId("id").withCounts(true);
        String out = run(b, "id,a1,a2,b1,b2\n1,1,,0,6\n1,2,3,7,\n", new ArrayList<>());
        assertEquals("id,a1,a2,b1,b2,a_total,a_total_answered,a_problems,b_total,b_total_answered,b_problems\n"
                + "1,1,,0,6,,1,total:below_min_answered:1/2,3,2,\n"
                + "1,2,3,7,,2.5,2,id:duplicate_id,,0,b1:out_of_range:7;all_items_missing;id:duplicate_id\n", out);
    }

    @Test
    void qualtricsRowsAreDroppedAndTheOutputIsPlainCommaSeparated() {
        SurveyFormat f = SurveyFormat.csv().withDelimiter(';').withQualtrics(true).withDecimalComma(true);
        BatchScoring b = BatchScoring.of(f).withInstrument("t", new MeanScorer(2, 1, 5, 1), ItemColumns.pattern("Q1_{n}"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String in = "Q1_1;Q1_2;note\n\"Text; a\";Text b;c\n{\"ImportId\":\"QID1_1\"};x;y\n4;2,0;a, b\n5;3;1,5\n";
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), "in.csv", f)) {
            b.run(r, out, p -> { });
        }
        // one header row, commas, decimal commas written as points; cells holding a comma quoted
        assertEquals("Q1_1,Q1_2,note,t_total,t_problems\n4,2.0,\"a, b\",3,\n5,3,1.5,4,\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheDecimalCommaOptionACommaNumberIsNotANumber() {
        SurveyFormat f = SurveyFormat.csv().withDelimiter(';');
        BatchScoring b = BatchScoring.of(f)
                .withInstrument("t", new MeanScorer(2, 1, 5, 1), ItemColumns.pattern("Q1_{n}"))
                .withOutputDelimiter(';');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream("Q1_1;Q1_2\n4;2,0\n".getBytes(
                StandardCharsets.UTF_8)), "in.csv", f)) {
            b.run(r, out, p -> { });
        }
        assertEquals("Q1_1;Q1_2;t_total;t_problems\n4;2,0;4;Q1_2:non_numeric:2,0\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void absentColumnsAreWholeFileErrorsWithHints() {
        InputException e = assertThrows(InputException.class, () -> run(THREE, "id,Q1,q2,q_3\n1,1,1,1\n", new ArrayList<>()));
        assertTrue(e.getMessage().contains("q1") && e.getMessage().contains("Q1") && e.getMessage().contains("q_3"),
                e.getMessage());
        InputException pattern = assertThrows(InputException.class,
                () -> run(THREE, "id,item_1,item_2,item_3\n1,1,1,1\n", new ArrayList<>()));
        assertTrue(pattern.getMessage().contains("--items 'item_{n}'"), pattern.getMessage());
        InputException id = assertThrows(InputException.class, () -> run(THREE, "ID_,q1,q2,q3\n1,1,1,1\n", new ArrayList<>()));
        assertTrue(id.getMessage().contains("identifier column id") && id.getMessage().contains("ID_"), id.getMessage());
        InputException again = assertThrows(InputException.class,
                () -> run(THREE, "id,q1,q2,q3,t_total\n1,1,1,1,1\n", new ArrayList<>()));
        assertTrue(again.getMessage().contains("t_total"), again.getMessage());
    }

    @Test
    void filesAreWrittenWithTheirProblemsList() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,q1,q2,q3\n1,1,2,3\n1,9,2,3\n");
        Path out = dir.resolve("out.csv");
        Path probs = dir.resolve("problems.csv");
        BatchSummary s = THREE.run(in, out, probs);
        assertEquals(2, s.rowsRead());
        assertEquals(2, s.rowsScored());
        assertEquals(1L, s.problems().get(ProblemKind.OUT_OF_RANGE));
        assertEquals(in + ": read 2 rows, scored 2. Problems: 1 out_of_range, 1 duplicate_id.", s.paragraph());
        assertEquals("file,line,column,value,problem,action\n"
                + in + ",2,q1,9,out_of_range,cell set to missing\n"
                + in + ",2,id,1,duplicate_id,row kept\n", Files.readString(probs));
        assertEquals("id,q1,q2,q3,t_total,t_problems\n1,1,2,3,2,\n1,9,2,3,2.5,q1:out_of_range:9;id:duplicate_id\n",
                Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files left");
        }
    }

    @Test
    void aFailedRunLeavesEarlierOutputsAlone() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,q1,q2,q3\n1,1,2,3\n2,1,\"2\n");
        Path out = dir.resolve("out.csv");
        Path probs = dir.resolve("problems.csv");
        Files.writeString(out, "earlier");
        assertThrows(InputException.class, () -> THREE.run(in, out, probs));
        assertEquals("earlier", Files.readString(out));
        assertFalse(Files.exists(probs));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }
}
