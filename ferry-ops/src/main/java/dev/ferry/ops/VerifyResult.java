package dev.ferry.ops;

import java.time.Duration;
import java.util.List;

/** A verified archive: every file's checksum and every table's count and content hash held. */
public record VerifyResult(List<TableProof> proofs, long rows, long bytes, Duration elapsed) {
}
