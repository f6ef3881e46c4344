package dev.ferry.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/** Prints java.util.logging records (from the JDBC drivers) on one line each, with secrets removed. */
final class ScrubbingLogHandler extends Handler {
    private final PrintWriter err;
    private final SecretScrubber secrets;
    private final SimpleFormatter formatter = new SimpleFormatter();

    ScrubbingLogHandler(PrintWriter err, SecretScrubber secrets) {
        this.err = err;
        this.secrets = secrets;
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            err.println("log: " + record.getLevel() + " " + record.getLoggerName() + ": "
                    + secrets.scrub(formatter.formatMessage(record)));
            err.flush();
        }
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
