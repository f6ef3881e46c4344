package dev.ferry.ops;

import java.time.Duration;
import java.util.List;

/** A completed restore and its proof: every table's count and content hash matched the manifest. */
public record RestoreResult(List<TableProof> proofs, long rows, Duration elapsed) {
}
