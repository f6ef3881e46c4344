package dev.ferry.core.error;

import java.sql.SQLException;
import java.util.Objects;

/**
 * The one exception Ferry throws. The message is a complete sentence for a user: what failed, on
 * which object, and what to do next. A driver's {@link SQLException} stays chained, and its
 * SQLState is exposed. Messages never contain a password.
 */
public class FerryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public FerryException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public FerryException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message), cause);
        this.code = Objects.requireNonNull(code);
    }

    public ErrorCode code() {
        return code;
    }

    public int exitCode() {
        return code.exitCode();
    }

    /** The SQLState of the first chained SQLException, or null. */
    public String sqlState() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }
}
