package dev.ferry.ops;

import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.value.ContentHash;
import dev.ferry.core.value.RowHasher;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** Computing and checking proofs. Internal. */
final class Proofs {
    private Proofs() {
    }

    /** Hashes every row of a cursor. */
    static ContentHash hash(RowCursor rows) throws SQLException {
        RowHasher hasher = new RowHasher();
        Object[] row;
        while ((row = rows.next()) != null) {
            hasher.add(row);
        }
        return hasher.hash();
    }

    static TableProof compare(Manifest.TableEntry expected, ContentHash actual) {
        return new TableProof(expected.name(), expected.rows(), expected.hash(), actual.rows(), actual.hex());
    }

    /** Throws PROOF_MISMATCH naming every table that differs. */
    static void requireAllMatch(List<TableProof> proofs, String what) {
        List<TableProof> bad = proofs.stream().filter(p -> !p.matches()).toList();
        if (bad.isEmpty()) {
            return;
        }
        String detail = bad.stream().map(p -> p.table() + " (expected " + p.expectedRows() + " rows, hash "
                + p.expectedHash() + "; found " + p.actualRows() + " rows, hash " + p.actualHash() + ")")
                .collect(Collectors.joining("; "));
        throw new FerryException(ErrorCode.PROOF_MISMATCH, what + " differs from the archive in " + bad.size()
                + " table(s): " + detail);
    }
}
