package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Two snapshot connections read parent and child while a writer commits pairs: every child finds its parent. */
class PostgresSnapshotIT {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    @Test
    void parallelReadersSeeOnePointInTime() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.postgres()) {
            try (Connection c = db.connect()) {
                SqlScript.exec(c, "CREATE TABLE parent (id bigint PRIMARY KEY)",
                        "CREATE TABLE child (id bigint PRIMARY KEY, parent_id bigint NOT NULL REFERENCES parent)");
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> writePairs(db, stop, written));
            writer.start();
            try {
                while (written.get() < 200) {
                    Thread.sleep(5);
                }
                for (int round = 0; round < 5; round++) {
                    assertConsistent(db);
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertThat(written.get()).isGreaterThan(200);
        }
    }

    private static void assertConsistent(ScratchDatabase db) throws SQLException {
        try (Snapshot snapshot = DIALECT.openSnapshot(db.spec(), 2)) {
            assertThat(snapshot.connections()).hasSize(2);
            assertThat(snapshot.note()).contains("exported snapshot").contains("2 connections");
            Schema schema = DIALECT.introspect(snapshot.connections().get(0), List.of());
            Table parent = schema.table(new QualifiedName("public", "parent")).orElseThrow();
            Table child = schema.table(new QualifiedName("public", "child")).orElseThrow();
            Set<Long> childParents = new HashSet<>();
            try (RowCursor rows = DIALECT.readRows(snapshot.connections().get(1), child)) {
                for (Object[] r = rows.next(); r != null; r = rows.next()) {
                    childParents.add((Long) r[1]);
                }
            }
            Set<Long> parents = new HashSet<>();
            try (RowCursor rows = DIALECT.readRows(snapshot.connections().get(0), parent)) {
                for (Object[] r = rows.next(); r != null; r = rows.next()) {
                    parents.add((Long) r[0]);
                }
            }
            assertThat(parents).containsAll(childParents);
            assertThat(parents.size()).isEqualTo(childParents.size());
        }
    }

    /** Each transaction adds a parent and its child; the reader of child runs after the reader of parent would miss new parents. */
    private static void writePairs(ScratchDatabase db, AtomicBoolean stop, AtomicLong written) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO parent VALUES (?)");
                 PreparedStatement ch = c.prepareStatement("INSERT INTO child VALUES (?, ?)")) {
                for (long id = 1; !stop.get(); id++) {
                    p.setLong(1, id);
                    p.executeUpdate();
                    ch.setLong(1, id);
                    ch.setLong(2, id);
                    ch.executeUpdate();
                    c.commit();
                    written.incrementAndGet();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
