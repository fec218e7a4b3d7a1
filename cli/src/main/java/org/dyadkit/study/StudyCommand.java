package org.dyadkit.study;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dyadkit study STUDY.yaml --out DIR}: runs a declared study (scoring, analyses, tables, figures
 * and report) into an output folder in one command. The study file is checked whole before anything
 * runs; a mistake is named by its path in the file. See {@link StudyRunner}.
 */
@Command(name = "study", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a declared study into a folder: scores.csv and problems.csv (as 'dyadkit score' writes "
                + "them), results.json (each analysis's own --format json object), tables/<id>.csv, report.html (one "
                + "self-contained file with methods, results paragraphs, APA tables and figures) and figures/*.svg. "
                + "The study file (YAML or JSON) is checked before anything runs; nothing is written on a failure.",
        footer = {"", "Example:",
            "  dyadkit study data-samples/study.yaml --out study-output",
            "", "The study file format is described in docs/study.md.",
            "", "Exit status: 0 done; 2 a mistake in the study file; 3 unusable input; 4 an analysis not possible."})
public final class StudyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The output folder: created, or replaced when it holds an earlier run's outputs.")
    Path out;

    @Override
    public Integer call() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        try {
            StudyRunner.Outcome o = new StudyRunner(err, System.console() != null).run(file, out);
            spec.commandLine().getOut().println(o.report());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (StudyException e) {
            err.println("dyadkit: " + file + ": " + e.getMessage());
            err.flush();
            return e.exit();
        }
    }
}
