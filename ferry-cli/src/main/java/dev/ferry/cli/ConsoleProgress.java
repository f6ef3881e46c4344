package dev.ferry.cli;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.ops.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows progress on standard error: a progress bar (rows, rate, ETA, current table) on a terminal,
 * plain log lines otherwise (CI logs, pipes), nothing with --quiet. Thread-safe.
 */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;
    private ProgressBar bar;

    ConsoleProgress(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    static ProgressListener create(OutputOptions out) {
        return new ConsoleProgress(System.err, out.quiet);
    }

    @Override
    public synchronized void phase(String name, long totalTables, long totalRows) {
        if (quiet) {
            return;
        }
        closeBar();
        if (terminal && totalRows > 0) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(totalRows).setUnit(" rows", 1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).showSpeed().continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(err)).build();
        } else {
            err.println(name + (totalTables > 0 ? " (" + totalTables + " tables" + (totalRows > 0
                    ? ", ~" + Formats.count(totalRows) + " rows" : "") + ")" : "") + "...");
        }
    }

    @Override
    public synchronized void tableStarted(QualifiedName table) {
        if (bar != null) {
            bar.setExtraMessage(" " + table);
        }
    }

    @Override
    public synchronized void rows(QualifiedName table, long rows) {
        if (bar != null) {
            if (bar.getCurrent() + rows > bar.getMax()) {
                bar.maxHint(bar.getCurrent() + rows);
            }
            bar.stepBy(rows);
        }
    }

    @Override
    public synchronized void tableFinished(QualifiedName table, long rows, long bytes) {
        if (!quiet && bar == null) {
            err.println("  " + table + ": " + Formats.count(rows) + " rows, " + Formats.bytes(bytes));
        }
    }

    @Override
    public synchronized void note(String message) {
        if (!quiet && message != null && !message.isBlank()) {
            err.println("note: " + message);
        }
    }

    @Override
    public synchronized void done() {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
