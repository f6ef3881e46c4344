package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.translate.Translation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The check before a restore into tables the app created ({@code --schema existing}), made on a
 * read-only snapshot of the target before anything is written: the archive's tables and columns
 * against the target's ({@link ExistingSchema}), the migration histories per app
 * ({@link MigrationComparison}), and whether the target's tables already hold rows (only
 * {@code --clean} replaces them). Any blocking finding refuses the restore with the whole report. Internal.
 */
final class Preflight {
    /** What the preflight found, and the translation that loads the archive into the target's tables. */
    record Outcome(Translation translation, List<Finding> findings) {
    }

    private Preflight() {
    }

    static Outcome run(ArchiveReader archive, Dialect dialect, ConnectionSpec target, boolean clean, ProgressListener progress) {
        Schema schema = archive.schema();
        Manifest manifest = archive.manifest();
        boolean sameEngine = dialect.id().equals(manifest.source().engine());
        progress.phase("Checking the target's tables against the archive", schema.tables().size(), 0);
        try (Snapshot snapshot = dialect.openSnapshot(target, 1)) {
            Connection c = snapshot.connections().get(0);
            Schema current = dialect.introspect(c, List.of());
            AppNames apps = new AppNames(manifest.migrationHistories());
            Set<QualifiedName> histories = manifest.migrationHistories().stream().map(Manifest.MigrationHistory::table)
                    .collect(Collectors.toSet());
            ExistingSchema existing = new ExistingSchema(schema, Translations.profiles(archive, schema, progress), current,
                    sameEngine, histories, apps);
            List<Finding> findings = new ArrayList<>(existing.findings());
            findings.addAll(MigrationComparison.compare(manifest.migrationHistories(),
                    new MigrationHistoryReader(dialect, c).read(current.tables()), apps));
            for (Translation.TableMapping m : existing.mappings()) {
                if (holdsRows(dialect, c, m)) {
                    findings.add(clean ? Finding.note("table " + m.target().name(), "its rows are deleted first (--clean)")
                            : Finding.block("table " + m.target().name(), "already holds rows; pass --clean to replace them"));
                }
            }
            refuseIfBlocked(findings, target);
            return new Outcome(new Translation(current, existing.mappings(), List.of(), true), findings);
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.CONNECTION_FAILED, "Cannot read the tables of " + target, target);
        }
    }

    private static boolean holdsRows(Dialect dialect, Connection c, Translation.TableMapping m) throws SQLException {
        try (RowCursor rows = dialect.readRows(c, m.target())) {
            return rows.next() != null;
        }
    }

    private static void refuseIfBlocked(List<Finding> findings, ConnectionSpec target) {
        List<Finding> blocking = findings.stream().filter(Finding::blocking).toList();
        if (!blocking.isEmpty()) {
            throw new FerryException(ErrorCode.PREFLIGHT_REFUSED, "The tables of " + target + " do not fit the archive ("
                    + blocking.size() + " blocking difference(s)); nothing was written:\n  " + blocking.stream()
                    .map(f -> f.object() + ": " + f.detail()).collect(Collectors.joining("\n  ")));
        }
    }
}
