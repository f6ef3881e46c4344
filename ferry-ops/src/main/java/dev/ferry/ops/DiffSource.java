package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.Snapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One side of a comparison, opened: its engine, schema, and each table's rows on demand. Internal. */
interface DiffSource extends AutoCloseable {
    String engine();

    Schema schema();

    /** The rows of one of {@link #schema()}'s tables; one stream at a time per source. */
    RowStream rows(Table table) throws Exception;

    @Override
    void close();

    static DiffSource open(DiffSettings.Side side, List<String> namespaces) {
        if (side instanceof DiffSettings.Archive a) {
            return new FromArchive(ArchiveReader.open(a.path(), a.passphrase()));
        }
        DiffSettings.Database d = (DiffSettings.Database) side;
        Dialect dialect = Dialects.forUrl(d.spec().url());
        try {
            Snapshot snapshot = dialect.openSnapshot(d.spec(), 1);
            try {
                Connection c = snapshot.connections().get(0);
                return new Live(dialect, snapshot, dialect.introspect(c, namespaces));
            } catch (SQLException | RuntimeException e) {
                snapshot.close();
                throw e;
            }
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.CONNECTION_FAILED, "Cannot read " + d.spec(), d.spec());
        }
    }

    /** A live database, read from one snapshot on one connection. */
    record Live(Dialect dialect, Snapshot snapshot, Schema schema) implements DiffSource {
        @Override
        public String engine() {
            return dialect.id();
        }

        @Override
        public RowStream rows(Table table) throws SQLException {
            RowCursor cursor = dialect.readRows(snapshot.connections().get(0), table);
            return new RowStream() {
                @Override
                public Object[] next() throws SQLException {
                    return cursor.next();
                }

                @Override
                public void close() throws SQLException {
                    cursor.close();
                }
            };
        }

        @Override
        public void close() {
            snapshot.close();
        }
    }

    /** An archive; its chunks are checked as they stream. */
    record FromArchive(ArchiveReader archive) implements DiffSource {
        @Override
        public String engine() {
            return archive.manifest().source().engine();
        }

        @Override
        public Schema schema() {
            return archive.schema();
        }

        @Override
        public RowStream rows(Table table) {
            Manifest.TableEntry entry = archive.manifest().tables().stream().filter(e -> e.name().equals(table.name()))
                    .findFirst().orElseThrow();
            return new ArchiveRows(archive, entry, table.loadedColumns().size());
        }

        @Override
        public void close() {
            // nothing held open between streams
        }
    }
}
