package dev.ferry.ops;

import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.translate.RowConverter;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.value.ContentHash;
import java.sql.SQLException;

/**
 * The found half of a proof: a restored table read back inside the restore's unit and hashed, as it
 * is for the same engine, or normalised to the mapping's kinds for another engine (SQLite's 1 read
 * back as a boolean, jsonb as canonical JSON), exactly as the sent rows were hashed.
 */
final class TableReadBack {
    private final RestoreTarget target;

    TableReadBack(RestoreTarget target) {
        this.target = target;
    }

    ContentHash hash(Translation.TableMapping mapping, boolean converting) throws SQLException {
        try (RowCursor rows = target.read(mapping.target())) {
            if (!converting) {
                return Proofs.hash(rows);
            }
            RowConverter normaliser = new RowConverter(mapping);
            Object[] row;
            while ((row = rows.next()) != null) {
                normaliser.hashReadBack(row);
            }
            return normaliser.hasher().hash();
        }
    }
}
