package dev.ferry.ops;

import java.time.Duration;
import java.util.List;

/**
 * A completed restore and its proof: every table's count and content hash matched the manifest; and
 * the files placed (or reported as not restored).
 */
public record RestoreResult(List<TableProof> proofs, long rows, Duration elapsed, RestoredFiles files) {
    public RestoreResult {
        files = files == null ? RestoredFiles.NONE : files;
    }

    public RestoreResult(List<TableProof> proofs, long rows, Duration elapsed) {
        this(proofs, rows, elapsed, RestoredFiles.NONE);
    }
}
