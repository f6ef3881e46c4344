package dev.ferry.ops;

import dev.ferry.core.translate.Change;
import java.time.Duration;
import java.util.List;

/**
 * A completed transfer and its proof: per table, the rows read from the source (converted, into
 * another engine) against the rows read back from the target, counts and content hashes equal.
 *
 * @param readers  source connections that shared the snapshot
 * @param warnings about the source schema, e.g. a foreign key dropped with an excluded table
 */
public record TransferResult(List<TableProof> proofs, Duration elapsed, String sourceEngine, String targetEngine,
                             int readers, List<Change> changes, List<String> warnings) {
    public TransferResult {
        proofs = List.copyOf(proofs);
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    public long rows() {
        return proofs.stream().mapToLong(TableProof::actualRows).sum();
    }

    public boolean crossEngine() {
        return !sourceEngine.equals(targetEngine);
    }
}
