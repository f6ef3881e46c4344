package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.value.ContentHash;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a live database from one snapshot and returns, per table, its row count and content hash:
 * the same proof a backup records, computed without writing anything. Two databases with equal
 * fingerprints hold the same rows.
 */
public final class Fingerprint {
    private final ConnectionSpec database;
    private final List<String> namespaces;

    public Fingerprint(ConnectionSpec database, List<String> namespaces) {
        this.database = database;
        this.namespaces = List.copyOf(namespaces);
    }

    /** Table name (as {@code schema.table}) to proof, sorted by name. */
    public Map<String, ContentHash> run() {
        Dialect dialect = Dialects.forUrl(database.url());
        try (Snapshot snapshot = dialect.openSnapshot(database, 1)) {
            Schema schema = dialect.introspect(snapshot.connections().get(0), namespaces);
            Map<String, ContentHash> out = new TreeMap<>();
            for (Table table : schema.tables()) {
                try (RowCursor rows = dialect.readRows(snapshot.connections().get(0), table)) {
                    out.put(table.name().toString(), Proofs.hash(rows));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.BACKUP_FAILED, "Fingerprinting " + database + " failed", database);
        }
    }
}
