package dev.ferry.ops.merge;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.ops.RestoreResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a merge did, or with {@code dryRun} would do.
 *
 * @param unresolved references that resolve neither from the archive nor from the target (with table,
 *                   column and key); a real run refuses them before writing anything
 * @param clashes    archive rows whose non-generated key already exists in the target
 * @param restore    set when the target had no tables: the merge was a plain restore
 */
public record MergeResult(List<TablePlan> tables, List<String> unresolved, long unresolvedTotal, List<String> clashes,
                          boolean dryRun, Path idMap, RestoreResult restore, Duration elapsed) {
    public MergeResult {
        tables = List.copyOf(tables);
        unresolved = List.copyOf(unresolved);
        clashes = List.copyOf(clashes);
    }

    /**
     * One table: archive rows, rows inserted with new (or their own) keys, rows matched to existing target
     * rows, foreign-key values rewritten through the id map, values found in the target; target rows before
     * and after (after = before + inserted, proven; equal to before in a dry run).
     */
    public record TablePlan(QualifiedName table, long archiveRows, long inserted, long matched, long rewritten,
                            long fromTarget, long before, long after) {
    }

    public long inserted() {
        return tables.stream().mapToLong(TablePlan::inserted).sum();
    }

    public long matched() {
        return tables.stream().mapToLong(TablePlan::matched).sum();
    }
}
