package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowSink;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreFailureIT {
    private static final List<String> PARENT_CHILD = List.of(
            "CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(10), UNIQUE KEY uq_name (name))",
            "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id))",
            "CREATE VIEW v_child AS SELECT id FROM child",
            "SET foreign_key_checks = 0",
            "INSERT INTO parent VALUES (1, 'one')",
            "INSERT INTO child VALUES (1, 1), (2, 99)");

    @Test
    void orphanRowFailsTheRestoreNamingTheForeignKeyAndLeavesTargetEmpty() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.mariadb(); ScratchDatabase dst = ScratchDatabase.mariadb()) {
            run(src, PARENT_CHILD);
            try (Connection source = RoundTrip.DIALECT.connect(src.spec(), true)) {
                Schema schema = RoundTrip.DIALECT.introspect(source, List.of());
                assertThatThrownBy(() -> RoundTrip.restore(source, schema, dst.spec(), false))
                        .isInstanceOf(FerryException.class)
                        .hasMessageContaining("child_parent").hasMessageContaining("child").hasMessageContaining("99")
                        .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.RESTORE_FAILED));
            }
            assertEmptyWithoutLeftovers(dst);
        }
    }

    @Test
    void duplicateKeyFailsTheLoadNamingTableAndKey() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.mariadb(); ScratchDatabase dst = ScratchDatabase.mariadb()) {
            run(src, PARENT_CHILD.subList(0, 1));
            try (Connection source = RoundTrip.DIALECT.connect(src.spec(), true)) {
                Schema schema = RoundTrip.DIALECT.introspect(source, List.of());
                Table parent = schema.table(QualifiedName.of("parent")).orElseThrow();
                try (RestoreTarget restore = RoundTrip.DIALECT.openRestore(dst.spec())) {
                    restore.begin(false);
                    restore.createTables(schema);
                    try (RowSink sink = restore.load(parent)) {
                        sink.accept(new Object[] {1L, "a"});
                        sink.accept(new Object[] {2L, "a"});
                        assertThatThrownBy(sink::finish).isInstanceOf(FerryException.class)
                                .hasMessageContaining("parent").hasMessageContaining("uq_name");
                    }
                    restore.rollback();
                }
            }
            assertEmptyWithoutLeftovers(dst);
        }
    }

    @Test
    void existingObjectsAreListedAndCleanReplacesThem() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.mariadb(); ScratchDatabase dst = ScratchDatabase.mariadb()) {
            run(src, List.of("CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(10))",
                    "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT REFERENCES parent (id))",
                    "INSERT INTO parent VALUES (1, 'new')", "INSERT INTO child VALUES (1, 1)",
                    "CREATE VIEW v_child AS SELECT id FROM child"));
            run(dst, List.of("CREATE TABLE parent (id INT PRIMARY KEY, old INT)", "CREATE TABLE other (id INT PRIMARY KEY)",
                    "CREATE VIEW v_child AS SELECT id FROM other", "CREATE FUNCTION f() RETURNS INT RETURN 1",
                    "CREATE TRIGGER t_other BEFORE INSERT ON other FOR EACH ROW SET NEW.id = NEW.id + 1",
                    "INSERT INTO other VALUES (5)"));
            try (RestoreTarget restore = RoundTrip.DIALECT.openRestore(dst.spec())) {
                assertThat(restore.existingObjects()).containsExactly("function f", "table other", "table parent",
                        "trigger t_other", "view v_child");
            }
            try (Connection source = RoundTrip.DIALECT.connect(src.spec(), true)) {
                Schema schema = RoundTrip.DIALECT.introspect(source, List.of());
                assertThatThrownBy(() -> RoundTrip.restore(source, schema, dst.spec(), false)).isInstanceOf(Exception.class);
                try (RestoreTarget restore = RoundTrip.DIALECT.openRestore(dst.spec())) {
                    assertThat(restore.existingObjects()).hasSize(5);
                }
                assertThat(RoundTrip.restore(source, schema, dst.spec(), true)).isEqualTo(RoundTrip.hashes(source, schema));
            }
            try (RestoreTarget restore = RoundTrip.DIALECT.openRestore(dst.spec())) {
                assertThat(restore.existingObjects()).containsExactly("table child", "table parent", "view v_child");
            }
            assertNoLeftoversFor(dst);
        }
    }

    private static void run(ScratchDatabase db, List<String> statements) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static void assertEmptyWithoutLeftovers(ScratchDatabase dst) throws Exception {
        try (RestoreTarget restore = RoundTrip.DIALECT.openRestore(dst.spec())) {
            assertThat(restore.existingObjects()).isEmpty();
        }
        assertNoLeftoversFor(dst);
    }

    /** No staging or trash database of a restore into {@code dst} is left (other tests' restores may be running). */
    private static void assertNoLeftoversFor(ScratchDatabase dst) throws Exception {
        assertThat(RoundTrip.leftoversFor(dst)).isEmpty();
    }
}
