package dev.ferry.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * What the checkpoint table of a half-restored target says: the archive the interrupted restore
 * came from (the SHA-256 of its manifest) and what it finished ({@code schema}, {@code table <name>}),
 * each with the row count and content hash of what was sent.
 */
public record HalfRestored(String archive, List<Checkpoint> finished) {

    /** One finished step of a checkpointed restore. */
    public record Checkpoint(String item, long rows, String hash, String finishedAt) {
    }

    public HalfRestored {
        finished = List.copyOf(finished);
    }

    public Optional<Checkpoint> find(String item) {
        return finished.stream().filter(c -> c.item().equals(item)).findFirst();
    }

    /** The finished tables, for messages. */
    public long tables() {
        return finished.stream().filter(c -> c.item().startsWith("table ")).count();
    }
}
