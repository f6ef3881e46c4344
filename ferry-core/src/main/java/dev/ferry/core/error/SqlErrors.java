package dev.ferry.core.error;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Classifies driver exceptions by SQLState (and vendor code where states are vague) into Ferry
 * error codes with a hint of what to do. The driver's exception stays chained.
 */
public final class SqlErrors {
    private SqlErrors() {
    }

    /**
     * Wraps {@code e} as a FerryException; {@code context} says what Ferry was doing ("Cannot connect to X");
     * {@code secrets} (e.g. {@code ConnectionSpec.secrets()}) are removed from the driver's message.
     */
    public static FerryException wrap(SQLException e, ErrorCode fallback, String context, String... secrets) {
        ErrorCode code = classify(e, fallback);
        String detail = dev.ferry.core.spi.Redaction.redact(firstLine(e.getMessage()), secrets);
        return new FerryException(code, context + ": " + detail + timedOut(e) + hint(code), e);
    }

    /** Says so when the driver gave up waiting for the server (its read timeout), which its own message often hides. */
    public static String timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return " (the server sent nothing within the read timeout; a slow link or statement may need a larger"
                        + " socketTimeout in the URL, see docs/CLI.md)";
            }
        }
        return "";
    }

    public static ErrorCode classify(SQLException e, ErrorCode fallback) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (state.startsWith("28") || e.getErrorCode() == 1045 || message.contains("password authentication failed")
                || message.contains("access denied for user")) {
            return ErrorCode.AUTHENTICATION_FAILED;
        }
        if (state.startsWith("08") || message.contains("connection refused") || message.contains("unknownhost")
                || message.contains("could not connect") || message.contains("socket fail")) {
            return ErrorCode.CONNECTION_FAILED;
        }
        if ("42501".equals(state) || e.getErrorCode() == 1142 || e.getErrorCode() == 1227 || e.getErrorCode() == 1044) {
            return ErrorCode.PERMISSION_DENIED;
        }
        if ("53100".equals(state) || message.contains("disk full") || message.contains("no space left")
                || message.contains("database or disk is full")) {
            return ErrorCode.DISK_FULL;
        }
        return fallback;
    }

    private static String hint(ErrorCode code) {
        switch (code) {
            case AUTHENTICATION_FAILED:
                return ". Check the user and password (--user, --password-env VAR, or in the URL).";
            case CONNECTION_FAILED:
                return ". Check that the server is running and the host, port and database in the URL are right.";
            case PERMISSION_DENIED:
                return ". Grant the privilege named above to this user, or connect as one that has it.";
            case DISK_FULL:
                return ". Free space on the database server's disk.";
            default:
                return "";
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message from the driver)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
