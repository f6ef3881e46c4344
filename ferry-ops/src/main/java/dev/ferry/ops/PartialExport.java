package dev.ferry.ops;

import dev.ferry.core.archive.Manifest;
import dev.ferry.core.closure.Closure;
import dev.ferry.core.closure.Roots;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code backup --root}: which rows go into the archive. The closure is computed in the backup's own
 * snapshot (the first connection) before any table is written, so the rows written and the keys
 * followed are of the same point in time. Internal.
 */
final class PartialExport {
    private final Closure closure;
    private final Manifest.Partial partial;

    private PartialExport(Closure closure, Manifest.Partial partial) {
        this.closure = closure;
        this.partial = partial;
    }

    /** Null for a whole backup. */
    static PartialExport compute(BackupSettings settings, Dialect dialect, Connection c, Schema schema,
                                 ProgressListener progress) {
        if (settings.roots().isEmpty()) {
            return null;
        }
        Closure closure = new Closure(schema.tables(), Roots.resolve(schema.tables(), settings.roots()),
                settings.withChildren());
        progress.phase("Following references from the roots", schema.tables().size(), 0);
        try {
            closure.compute(table -> dialect.readRows(c, table));
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.BACKUP_FAILED, "Following references from the roots failed",
                    settings.source());
        }
        progress.note("partial export: " + closure.scans() + " table scans, " + closure.keysHeld() + " keys held");
        return new PartialExport(closure, new Manifest.Partial(settings.roots(), settings.withChildren()));
    }

    boolean selected(Table table, Object[] row) {
        return closure.selected(table, row);
    }

    Manifest.Partial manifestEntry() {
        return partial;
    }
}
