package org.dyadkit;

import java.util.Optional;

/**
 * Input that cannot be used: a missing or unreadable file, a missing column, a cell that cannot be
 * read, an invalid instrument definition. The message names where the fault is (file, line, column,
 * value) and what to do about it. The command line maps it to exit status 3.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<Location> location;

    /** Creates an exception whose message already says what and where. */
    public InputException(String message) {
        super(message);
        this.location = Optional.empty();
    }

    /** Creates an exception at a location; the message is prefixed with it. */
    public InputException(Location location, String message) {
        super(location.describe() + ": " + message);
        this.location = Optional.of(location);
    }

    /** Creates an exception with a cause (for example an I/O error). */
    public InputException(String message, Throwable cause) {
        super(message, cause);
        this.location = Optional.empty();
    }

    /** Where the fault was found, when it is known. */
    public Optional<Location> location() {
        return location;
    }

    /**
     * A place in an input file. {@code line} counts data rows from 1 (the header excluded), 0 for the
     * header itself, -1 when not applicable; {@code column} and {@code value} may be null.
     */
    public record Location(String file, long line, String column, String value) {
        /** A whole file. */
        public static Location file(String file) {
            return new Location(file, -1, null, null);
        }

        /** A human-readable description, for example {@code survey.csv, line 12, column scs8, value "9"}; a value
         * is quoted to at most 80 characters. */
        public String describe() {
            StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
            if (line == 0) {
                sb.append(", header");
            } else if (line > 0) {
                sb.append(", line ").append(line);
            }
            if (column != null) {
                sb.append(", column ").append(org.dyadkit.input.Messages.cut(column));
            }
            if (value != null) {
                sb.append(", value ").append(org.dyadkit.input.Messages.quote(value));
            }
            return sb.toString();
        }
    }
}
