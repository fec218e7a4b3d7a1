package org.dyadkit.study;

/**
 * A study that cannot run: a mistake in the study file (exit 2), input that cannot be used (exit 3) or
 * an analysis that cannot be done on the data (exit 4). The message names the place in the study file,
 * for example {@code analyses[3].apim.y: no column "ras_totl"; did you mean ras_total?}.
 */
public final class StudyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit status of a mistake in the study file. */
    public static final int USAGE = 2;
    /** Exit status of unusable input. */
    public static final int INPUT = 3;
    /** Exit status of an analysis that cannot be done on the data. */
    public static final int ANALYSIS = 4;

    private final int exit;

    /** A failure with its exit status and message. */
    public StudyException(int exit, String message) {
        super(message);
        this.exit = exit;
    }

    /** A mistake in the study file at {@code path} (exit 2). */
    static StudyException usage(String path, String message) {
        return new StudyException(USAGE, path.isEmpty() ? message : path + ": " + message);
    }

    /** Unusable input named at {@code path} in the study file (exit 3). */
    static StudyException input(String path, String message) {
        return new StudyException(INPUT, path.isEmpty() ? message : path + ": " + message);
    }

    /** The exit status: 2, 3 or 4. */
    public int exit() {
        return exit;
    }
}
