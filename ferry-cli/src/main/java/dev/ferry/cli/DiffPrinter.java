package dev.ferry.cli;

import dev.ferry.ops.DiffResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints a comparison for people, or as JSON; shared by diff and verify --against. */
final class DiffPrinter {
    private DiffPrinter() {
    }

    /** Prints the result; returns the exit code: 0 equal, 1 different. */
    static int print(PrintStream out, DiffResult r, boolean json) {
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("a", r.a());
            summary.put("b", r.b());
            summary.put("equal", r.equal());
            summary.put("seconds", r.elapsed().toMillis() / 1000.0);
            summary.put("schemaDifferences", r.schemaDifferences());
            summary.put("tables", r.tables());
            summary.put("notes", r.notes());
            Json.print(out, summary);
        } else {
            text(out, r);
        }
        return r.equal() ? 0 : 1;
    }

    private static void text(PrintStream out, DiffResult r) {
        out.println("A: " + r.a() + " (" + r.engineA() + ")");
        out.println("B: " + r.b() + " (" + r.engineB() + ")");
        list(out, "Schema differences", r.schemaDifferences());
        list(out, "Notes", r.notes());
        int width = Math.max(5, r.tables().stream().mapToInt(t -> t.nameA().toString().length()).max().orElse(5));
        String format = "%-" + width + "s  %12s  %12s  %-16s  %-16s  %s%n";
        out.printf(Locale.ROOT, format, "table", "A rows", "B rows", "A hash", "B hash", "");
        long differing = 0;
        for (DiffResult.TableComparison t : r.tables()) {
            differing += t.equal() ? 0 : 1;
            out.printf(Locale.ROOT, format, t.nameA(), Formats.count(t.rowsA()), Formats.count(t.rowsB()),
                    t.hashA().substring(0, 16), t.hashB().substring(0, 16), t.equal() ? "equal" : "DIFFERENT");
            for (DiffResult.RowDifference d : t.rowDifferences()) {
                out.println("    " + d.key() + ": " + d.where() + (d.columns().isEmpty() ? "" : ": " + String.join("; ", d.columns())));
            }
        }
        if (r.equal()) {
            out.printf("Equal: %d tables, every row count and content hash the same (%s).%n", r.tables().size(),
                    Formats.seconds(r.elapsed()));
        } else {
            out.printf("Different: %d schema difference(s), %d of %d tables differ (%s).%n", r.schemaDifferences().size(),
                    differing, r.tables().size(), Formats.seconds(r.elapsed()));
        }
    }

    private static void list(PrintStream out, String heading, java.util.List<String> items) {
        if (!items.isEmpty()) {
            out.println(heading + " (" + items.size() + "):");
            items.forEach(i -> out.println("  " + i));
        }
    }
}
