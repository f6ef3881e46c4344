package dev.ferry.cli;

import dev.ferry.core.translate.Change;
import dev.ferry.ops.TableProof;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Human-readable numbers and tables for the CLI's output. */
final class Formats {
    private Formats() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }

    /** What a restore into another engine did differently, grouped by kind; nothing for the same engine. */
    static void printChanges(PrintStream out, List<Change> changes, String engine) {
        if (changes.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%nChanges for %s (%d):%n", engine, changes.size());
        for (Change.Kind kind : Change.Kind.values()) {
            List<Change> ofKind = changes.stream().filter(c -> c.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                out.printf(Locale.ROOT, "  %s (%d):%n", heading(kind), ofKind.size());
                ofKind.forEach(c -> out.println("    " + c));
            }
        }
        out.println();
    }

    private static String heading(Change.Kind kind) {
        return switch (kind) {
            case REPRESENTATION -> "stored in another representation, every value exact";
            case RENAMED -> "renamed";
            case NOT_CARRIED -> "not carried";
            case INFO -> "notes";
        };
    }

    /** The proof table: per table, rows and content hash expected against found. */
    static void printProofs(PrintStream out, List<TableProof> proofs, String foundLabel) {
        printProofs(out, proofs, foundLabel, "archive rows");
    }

    static void printProofs(PrintStream out, List<TableProof> proofs, String foundLabel, String expectedLabel) {
        int width = Math.max(5, proofs.stream().mapToInt(p -> p.table().toString().length()).max().orElse(5));
        String format = "%-" + width + "s  %12s  %12s  %-16s  %s%n";
        out.printf(Locale.ROOT, format, "table", expectedLabel, foundLabel + " rows", "content hash", "proof");
        for (TableProof p : proofs) {
            out.printf(Locale.ROOT, format, p.table(), count(p.expectedRows()), count(p.actualRows()),
                    p.actualHash().substring(0, 16), p.matches() ? "ok" : "MISMATCH (expected " + p.expectedHash() + ")");
        }
    }
}
