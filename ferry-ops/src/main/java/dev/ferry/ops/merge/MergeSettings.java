package dev.ferry.ops.merge;

import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to merge where.
 *
 * @param matches    {@code --match <table>:<col>[,<col>...]}: reuse a target row with the same values in these
 *                   columns (after its references are rewritten) instead of inserting one
 * @param dryRun     plan and report, write nothing
 * @param idMap      where to write the old → new keys as JSON; null for nowhere
 * @param passphrase the passphrase of an encrypted archive; null for a plain one
 */
public record MergeSettings(Path archive, ConnectionSpec target, List<String> matches, boolean dryRun, Path idMap,
                            Passphrase passphrase) {
    public MergeSettings {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(target, "target");
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    public static MergeSettings of(Path archive, ConnectionSpec target) {
        return new MergeSettings(archive, target, List.of(), false, null, null);
    }

    public MergeSettings withMatches(List<String> value) {
        return new MergeSettings(archive, target, value, dryRun, idMap, passphrase);
    }

    public MergeSettings withDryRun(boolean value) {
        return new MergeSettings(archive, target, matches, value, idMap, passphrase);
    }

    public MergeSettings withIdMap(Path value) {
        return new MergeSettings(archive, target, matches, dryRun, value, passphrase);
    }

    public MergeSettings withPassphrase(Passphrase value) {
        return new MergeSettings(archive, target, matches, dryRun, idMap, value);
    }
}
