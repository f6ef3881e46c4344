package dev.ferry.ops;

import java.time.Duration;
import java.util.List;

/**
 * A verified archive: every file's checksum and every table's count and content hash held.
 *
 * @param files     stored files checked (tree files and secrets)
 * @param encrypted whether the archive is encrypted (every file was then also authenticated)
 */
public record VerifyResult(List<TableProof> proofs, long rows, long bytes, Duration elapsed, long files, boolean encrypted) {
    public VerifyResult(List<TableProof> proofs, long rows, long bytes, Duration elapsed) {
        this(proofs, rows, bytes, elapsed, 0, false);
    }
}
