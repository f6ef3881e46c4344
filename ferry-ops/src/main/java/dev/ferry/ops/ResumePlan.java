package dev.ferry.ops;

import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.translate.Translation;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each table of a checkpointed restore starts loading. A resumed table keeps the archive chunks
 * an interrupted run committed and loads the rest. Before anything is loaded, every unfinished table of
 * a resumed target is counted, so rows that no checkpoint vouches for (a table changed by hand since)
 * are refused instead of being loaded twice.
 */
final class ResumePlan {
    private ResumePlan() {
    }

    /** The start of each of {@code tables} (unfinished ones: finished tables are not loaded again). */
    static Map<QualifiedName, Checkpoints.TableStart> of(Checkpoints checkpoints, RestoreTarget target,
                                                        List<Translation.TableMapping> tables,
                                                        Map<QualifiedName, Manifest.TableEntry> entries,
                                                        ProgressListener progress) {
        Map<QualifiedName, Checkpoints.TableStart> starts = new HashMap<>();
        for (Translation.TableMapping m : tables) {
            QualifiedName name = m.source().name();
            Checkpoints.TableStart start = checkpoints.startOf(name);
            starts.put(name, start);
            if (checkpoints.resuming()) {
                requireKept(target, m, start.rows());
            }
            if (start.chunk() > 0) {
                progress.note(String.format("Resuming table %s at chunk %d of %d: the %,d rows already loaded are kept.",
                        name, start.chunk() + 1, entries.get(name).chunks().size(), start.rows()));
            }
        }
        return starts;
    }

    private static void requireKept(RestoreTarget target, Translation.TableMapping m, long vouched) {
        long rows = 0;
        try (RowCursor cursor = target.read(m.target())) {
            while (cursor.next() != null) {
                rows++;
            }
        } catch (SQLException e) {
            throw new FerryException(ErrorCode.RESTORE_FAILED, "Cannot count the rows of table " + m.source().name()
                    + " in the half-restored target: " + e.getMessage(), e);
        }
        if (rows != vouched) {
            throw new FerryException(ErrorCode.TARGET_NOT_EMPTY, String.format("Table %s of the half-restored target holds"
                    + " %,d rows, but the interrupted restore's checkpoints vouch for %,d: it was changed since."
                    + " Run the same restore with --clean to start over.", m.source().name(), rows, vouched));
        }
    }
}
