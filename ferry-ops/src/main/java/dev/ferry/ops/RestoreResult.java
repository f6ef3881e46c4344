package dev.ferry.ops;

import dev.ferry.core.translate.Change;
import java.time.Duration;
import java.util.List;

/**
 * A completed restore and its proof: every table's count and content hash matched; and the files
 * placed (or reported as not restored).
 *
 * @param sourceEngine the engine the archive came from
 * @param targetEngine the engine restored into
 * @param changes      what a restore into another engine did differently (empty for the same engine)
 * @param preflight    a restore into existing tables: what the check before it found (notes only, since it ran)
 */
public record RestoreResult(List<TableProof> proofs, long rows, Duration elapsed, String sourceEngine, String targetEngine,
                            List<Change> changes, List<Finding> preflight, RestoredFiles files) {
    public RestoreResult {
        proofs = List.copyOf(proofs);
        changes = List.copyOf(changes);
        preflight = List.copyOf(preflight);
        files = files == null ? RestoredFiles.NONE : files;
    }

    public boolean crossEngine() {
        return !sourceEngine.equals(targetEngine);
    }
}
