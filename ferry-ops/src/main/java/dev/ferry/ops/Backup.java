package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveFormat;
import dev.ferry.core.archive.ArchiveWriter;
import dev.ferry.core.archive.FerryVersion;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.archive.TableWriter;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.core.spi.Snapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Backs up a whole database into a new archive: opens a consistent snapshot shared by up to
 * {@code jobs} read-only connections, reads the schema and migration histories, streams every table
 * (largest first, in parallel) into compressed chunks while hashing each row, and commits the archive
 * atomically, with the {@code --files} trees and secrets stored after the tables (see {@link BackupFiles}).
 * Tables named by {@code --exclude-data} keep their schema and get no rows. With {@code --root}, only the
 * roots' dependency closure is written ({@link PartialExport}), and the manifest says so. The source is only ever read.
 */
public final class Backup {
    private static final int PROGRESS_EVERY = 5_000;

    private final BackupSettings settings;
    private final ProgressListener progress;
    private Set<QualifiedName> withoutRows = Set.of();
    private PartialExport partial;

    public Backup(BackupSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public BackupResult run() {
        Instant start = Instant.now();
        BackupFiles.check(settings);
        Dialect dialect = Dialects.forUrl(settings.source().url());
        try (Snapshot snapshot = openSnapshot(dialect)) {
            progress.note(snapshot.note());
            Connection first = snapshot.connections().get(0);
            List<String> warnings = new ArrayList<>();
            progress.phase("Reading schema", 0, 0);
            Schema schema = new TableFilter(settings.excludeTables()).apply(introspect(dialect, first), warnings);
            warnings.addAll(nativeColumns(schema, dialect));
            requireReadable(dialect, first, schema);
            partial = PartialExport.compute(settings, dialect, first, schema, progress);
            ServerInfo server = describe(dialect, first);
            List<Manifest.MigrationHistory> histories = readHistories(dialect, first, schema);
            Manifest manifest = writeArchive(dialect, snapshot, schema, server, histories, warnings);
            return new BackupResult(settings.archive().toAbsolutePath(), manifest, Duration.between(start, Instant.now()),
                    snapshot.connections().size());
        } finally {
            progress.done();
        }
    }

    private Manifest writeArchive(Dialect dialect, Snapshot snapshot, Schema schema, ServerInfo server,
                                  List<Manifest.MigrationHistory> histories, List<String> warnings) {
        withoutRows = new DataExclusion(settings.excludeData()).tables(schema, warnings);
        try (ArchiveWriter writer = ArchiveWriter.create(settings.archive(), settings.compressionLevel(),
                settings.encryption())) {
            writer.chunkRows(settings.chunkRows());
            writer.writeSchema(schema);
            List<Table> tables = schema.tables();
            progress.phase("Backing up", tables.size(), tables.stream().mapToLong(Table::estimatedRows).sum());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < tables.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingLong((Integer i) -> tables.get(i).estimatedRows()).reversed());
            List<Manifest.TableEntry> byOrder = WorkerPool.run("backup", snapshot.connections(), order,
                    (c, i) -> copyTable(dialect, c, writer, tables.get(i), i + 1));
            Manifest.TableEntry[] entries = new Manifest.TableEntry[tables.size()];
            for (int k = 0; k < order.size(); k++) {
                entries[order.get(k)] = byOrder.get(k);
            }
            BackupFiles.write(settings, writer, progress, warnings);
            Manifest.Source source = new Manifest.Source(dialect.id(), server.product(), server.version(), server.database(),
                    schema.namespaces());
            snapshot.requireConsistent();
            return writer.commit(new Manifest(ArchiveFormat.VERSION, FerryVersion.VALUE, Instant.now(), source,
                    snapshot.note(), List.of(entries), histories, null, warnings).withDataExcluded(List.copyOf(withoutRows))
                    .withPartial(partial == null ? null : partial.manifestEntry()));
        }
    }

    private Manifest.TableEntry copyTable(Dialect dialect, Connection c, ArchiveWriter writer, Table table, int number) {
        progress.tableStarted(table.name());
        TableWriter out = writer.openTable(table.name(), number, table.loadedColumns());
        if (withoutRows.contains(table.name())) {
            Manifest.TableEntry empty = out.finish();
            progress.tableFinished(table.name(), 0, empty.bytes());
            return empty;
        }
        long pending = 0;
        try (RowStream rows = new PrefetchedRows(CursorRows.open(dialect, c, table), table.name().name())) {
            Object[] row;
            while ((row = rows.next()) != null) {
                if (partial != null && !partial.selected(table, row)) {
                    continue;
                }
                out.write(row);
                if (++pending == PROGRESS_EVERY) {
                    progress.rows(table.name(), pending);
                    pending = 0;
                }
            }
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.BACKUP_FAILED, "Reading table " + table.name() + " failed",
                    settings.source());
        } catch (FerryException e) {
            throw e;
        } catch (Exception e) {
            throw new FerryException(ErrorCode.BACKUP_FAILED, "Reading table " + table.name() + " failed: " + e, e);
        }
        progress.rows(table.name(), pending);
        Manifest.TableEntry entry = out.finish();
        progress.tableFinished(table.name(), entry.rows(), entry.bytes());
        return entry;
    }

    /** Says which columns have no portable form: their values are kept as the engine's own text. */
    private static List<String> nativeColumns(Schema schema, Dialect dialect) {
        List<String> out = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (Column c : t.loadedColumns()) {
                if (c.type().kind() == TypeKind.NATIVE) {
                    out.add("column " + t.name() + "." + c.name() + " (" + c.type().nativeType() + ") has no portable form;"
                            + " its values are kept as " + dialect.id() + " text and restore exactly into " + dialect.id());
                }
            }
        }
        return out;
    }

    private Snapshot openSnapshot(Dialect dialect) {
        try {
            return dialect.openSnapshot(settings.source(), settings.jobs());
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.CONNECTION_FAILED, "Cannot open a consistent snapshot of "
                    + settings.source(), settings.source());
        }
    }

    private Schema introspect(Dialect dialect, Connection c) {
        try {
            return dialect.introspect(c, settings.namespaces());
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.BACKUP_FAILED, "Reading the schema of " + settings.source()
                    + " failed", settings.source());
        }
    }

    private void requireReadable(Dialect dialect, Connection c, Schema schema) {
        try {
            dialect.requireReadable(c, schema);
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.BACKUP_FAILED, "Cannot check the privileges of the user on "
                    + settings.source(), settings.source());
        }
    }

    private ServerInfo describe(Dialect dialect, Connection c) {
        try {
            return dialect.describe(c);
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.BACKUP_FAILED, "Cannot read the server version", settings.source());
        }
    }

    private List<Manifest.MigrationHistory> readHistories(Dialect dialect, Connection c, Schema schema) {
        try {
            return new MigrationHistoryReader(dialect, c).read(schema.tables());
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.BACKUP_FAILED, "Reading migration history tables failed",
                    settings.source());
        }
    }
}
