package dev.ferry.cli;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.ops.merge.Merge;
import dev.ferry.ops.merge.MergeResult;
import dev.ferry.ops.merge.MergeSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code restore --merge} and the options that only apply to it. */
final class MergeOptions {
    @Option(names = "--merge", description = "Add the archive's rows to a database that already holds data: generated keys"
            + " get new values from the target, every reference is rewritten (docs/MERGE.md).")
    boolean merge;

    @Option(names = "--match", paramLabel = "TABLE:COL[,COL...]", description = "With --merge: reuse an existing target row"
            + " with the same values in these columns instead of inserting, e.g. app_user:username (repeatable).")
    List<String> matches = List.of();

    @Option(names = "--dry-run", description = "With --merge: print the plan per table and every unresolvable reference;"
            + " write nothing.")
    boolean dryRun;

    @Option(names = "--id-map", paramLabel = "FILE.json", description = "With --merge: write the old -> new keys here.")
    Path idMap;

    /** Says which merge-only options a whole-database restore ignores. */
    void noteIgnored(PrintStream err) {
        if (!merge && (!matches.isEmpty() || dryRun || idMap != null)) {
            err.println("note: --match, --dry-run and --id-map apply only with --merge; this whole-database restore"
                    + " ignores them.");
        }
    }

    int run(Path archive, String url, ConnectionOptions connection, PassphraseOptions passphrase, OutputOptions output,
            boolean clean, boolean filesGiven) {
        if (clean) {
            throw new FerryException(ErrorCode.USAGE, "--merge adds rows to what the target holds; --clean would drop it."
                    + " Use one or the other.");
        }
        if (filesGiven) {
            System.err.println("note: --merge restores rows only; --files-to and --secret-to are ignored (restore the"
                    + " files on their own: ferry restore --from ARCHIVE --files-to ...).");
        }
        MergeSettings settings = MergeSettings.of(archive, connection.spec(url)).withMatches(matches).withDryRun(dryRun)
                .withIdMap(idMap).withPassphrase(passphrase.passphrase());
        MergeResult result = new Merge(settings, ConsoleProgress.create(output)).run();
        if (output.json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("target", settings.target().redactedUrl());
            summary.put("result", result);
            Json.print(System.out, summary);
        } else {
            print(System.out, result, settings.target().redactedUrl());
        }
        return result.dryRun() && result.unresolvedTotal() + result.clashes().size() > 0 ? 1 : 0;
    }

    private static void print(PrintStream out, MergeResult r, String target) {
        if (r.restore() != null) {
            out.printf("The target had no tables: restored %s rows into %s as a plain restore, proven identical to the"
                    + " archive.%n", Formats.count(r.restore().rows()), target);
            return;
        }
        int width = Math.max(5, r.tables().stream().mapToInt(t -> t.table().toString().length()).max().orElse(5));
        out.printf(Locale.ROOT, "%-" + width + "s  %10s  %10s  %10s  %12s  %12s  %10s  %10s%n", "table", "archive", "insert",
                "matched", "refs rewrit.", "refs target", "before", "after");
        for (MergeResult.TablePlan t : r.tables()) {
            out.printf(Locale.ROOT, "%-" + width + "s  %10d  %10d  %10d  %12d  %12d  %10d  %10d%n", t.table(), t.archiveRows(),
                    t.inserted(), t.matched(), t.rewritten(), t.fromTarget(), t.before(), t.after());
        }
        r.unresolved().forEach(u -> out.println("unresolvable: " + u));
        if (r.unresolvedTotal() > r.unresolved().size()) {
            out.printf("unresolvable: ... and %d more%n", r.unresolvedTotal() - r.unresolved().size());
        }
        r.clashes().forEach(c -> out.println("cannot insert: " + c));
        if (r.dryRun()) {
            out.printf("Dry run: nothing was written to %s. %s%n", target, r.unresolvedTotal() + r.clashes().size() == 0
                    ? "The merge would insert " + r.inserted() + " rows and reuse " + r.matched() + "."
                    : "The merge would be refused for the reasons above.");
        } else {
            out.printf("Merged %s rows into %s (%s matched existing rows) in %s: per table rows after = rows before +"
                    + " inserted, no orphaned reference.%s%n", Formats.count(r.inserted()), target, Formats.count(r.matched()),
                    Formats.seconds(r.elapsed()), r.idMap() == null ? "" : " Id map: " + r.idMap());
        }
    }
}
