package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnapshotIT {

    @Test
    void parallelSnapshotConnectionsSeeOnePointInTimeWhileAWriterCommits() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.mariadb()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE parent (id BIGINT PRIMARY KEY)");
                s.execute("CREATE TABLE child (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES parent (id))");
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> write(db, stop, written));
            writer.start();
            try {
                while (written.get() < 50) {
                    Thread.sleep(5);
                }
                try (Connection meta = RoundTrip.DIALECT.connect(db.spec(), true);
                     Snapshot snapshot = RoundTrip.DIALECT.openSnapshot(db.spec(), 2)) {
                    assertThat(snapshot.connections()).hasSize(2);
                    assertThat(snapshot.note()).contains("BACKUP STAGE");
                    Schema schema = RoundTrip.DIALECT.introspect(meta, List.of());
                    Set<Long> parents = ids(snapshot.connections().get(1), schema, "parent", 0);
                    long before = written.get();
                    while (written.get() < before + 50) {
                        Thread.sleep(5);
                    }
                    Set<Long> childParents = ids(snapshot.connections().get(0), schema, "child", 1);
                    assertThat(parents).containsAll(childParents);
                    assertThat(childParents).hasSameSizeAs(parents);
                }
            } finally {
                stop.set(true);
                writer.join();
            }
        }
    }

    private static Set<Long> ids(Connection c, Schema schema, String table, int column) throws Exception {
        Set<Long> out = new HashSet<>();
        try (RowCursor rows = RoundTrip.DIALECT.readRows(c, schema.table(QualifiedName.of(table)).orElseThrow())) {
            for (Object[] r = rows.next(); r != null; r = rows.next()) {
                out.add((Long) r[column]);
            }
        }
        return out;
    }

    private static void write(ScratchDatabase db, AtomicBoolean stop, AtomicLong written) {
        try (Connection c = db.connect();
             PreparedStatement p = c.prepareStatement("INSERT INTO parent VALUES (?)");
             PreparedStatement ch = c.prepareStatement("INSERT INTO child VALUES (?, ?)")) {
            c.setAutoCommit(false);
            for (long i = 1; !stop.get(); i++) {
                p.setLong(1, i);
                p.executeUpdate();
                ch.setLong(1, i);
                ch.setLong(2, i);
                ch.executeUpdate();
                c.commit();
                written.set(i);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mysqlSchemeUrlsAreAcceptedAndFoundByTheServiceLoader() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.mariadb()) {
            String url = db.spec().url().replace("jdbc:mariadb:", "jdbc:mysql:");
            assertThat(Dialects.forUrl(url)).isInstanceOf(MysqlDialect.class);
            assertThat(Dialects.forId("mysql")).isInstanceOf(MysqlDialect.class);
            try (Connection c = RoundTrip.DIALECT.connect(new ConnectionSpec(url, db.spec().user(), null), true)) {
                var info = RoundTrip.DIALECT.describe(c);
                assertThat(info.product()).isEqualTo("MariaDB");
                assertThat(info.database()).isEqualTo(db.spec().url().substring(db.spec().url().lastIndexOf('/') + 1));
                try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT @@time_zone, @@sql_mode")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("+00:00");
                    assertThat(rs.getString(2)).contains("NO_AUTO_VALUE_ON_ZERO");
                }
            }
        }
    }
}
