package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.spi.RowSink;
import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.value.ContentHash;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failing restores roll back completely and say why; existing targets are reported or cleaned. */
class PostgresRestoreFailureIT {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    @Test
    void foreignKeyViolationRollsBackAndNamesTableConstraintAndKey() throws SQLException {
        try (ScratchDatabase source = ScratchDatabase.postgres(); ScratchDatabase target = ScratchDatabase.postgres()) {
            try (Connection c = source.connect()) {
                SqlScript.exec(c, "CREATE TABLE parent (id int PRIMARY KEY)",
                        "CREATE TABLE child (id int PRIMARY KEY, parent_id int CONSTRAINT child_parent_fk REFERENCES parent)",
                        "INSERT INTO parent VALUES (1)", "INSERT INTO child VALUES (1, 1)",
                        // an orphan the source itself would refuse: its foreign key is switched off for the insert
                        "ALTER TABLE child DISABLE TRIGGER ALL", "INSERT INTO child VALUES (2, 5)");
            }
            assertThatThrownBy(() -> restore(source, target))
                    .isInstanceOf(FerryException.class)
                    .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.RESTORE_FAILED))
                    .hasMessageContaining("child_parent_fk").hasMessageContaining("public.child")
                    .hasMessageContaining("Key (parent_id)=(5)");
            assertEmpty(target);
        }
    }

    @Test
    void duplicateKeyDuringCopyRollsBackAndNamesTheKey() throws SQLException {
        try (ScratchDatabase source = ScratchDatabase.postgres(); ScratchDatabase target = ScratchDatabase.postgres()) {
            try (Connection c = source.connect()) {
                SqlScript.exec(c, "CREATE TABLE users (id int, email text CONSTRAINT users_email_key UNIQUE)",
                        "INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x')");
            }
            Schema schema;
            try (Connection c = DIALECT.connect(source.spec(), true)) {
                schema = DIALECT.introspect(c, List.of());
            }
            try (RestoreTarget restore = DIALECT.openRestore(target.spec())) {
                restore.begin(false);
                restore.createTables(schema);
                var sink = restore.load(schema.tables().get(0));
                sink.accept(new Object[] {1L, "a@x"});
                sink.accept(new Object[] {2L, "a@x"});
                sink.finish();
                sink.close();
                assertThatThrownBy(() -> restore.finishSchema(schema))
                        .isInstanceOf(FerryException.class)
                        .hasMessageContaining("users_email_key").hasMessageContaining("public.users")
                        .hasMessageContaining("Key (email)=(a@x) is duplicated");
                restore.rollback();
            }
            assertEmpty(target);
        }
    }

    @Test
    void primaryKeyViolationDuringCopyNamesTableAndKey() throws SQLException {
        try (ScratchDatabase target = ScratchDatabase.postgres()) {
            Table table = new Table(new QualifiedName("public", "t"), List.of(Column.of("id", DataType.of(TypeKind.BIGINT, "bigint"), false)),
                    new PrimaryKey("t_pkey", List.of("id")), null, null, null, null, null, null, 0);
            Schema schema = new Schema(List.of("public"), null, null, List.of(table), null, null);
            try (RestoreTarget restore = DIALECT.openRestore(target.spec())) {
                restore.begin(false);
                restore.createTables(schema);
                try (RowSink sink = restore.load(table)) {
                    sink.accept(new Object[] {7L});
                    sink.accept(new Object[] {7L});
                    assertThatThrownBy(sink::finish).isInstanceOf(FerryException.class)
                            .hasMessageContaining("Loading rows into public.t").hasMessageContaining("t_pkey")
                            .hasMessageContaining("Key (id)=(7) already exists");
                }
                restore.rollback();
            }
            assertEmpty(target);
        }
    }

    @Test
    void rollbackDuringAnOpenCopyLeavesTheTargetEmpty() throws SQLException {
        try (ScratchDatabase target = ScratchDatabase.postgres()) {
            Table table = new Table(new QualifiedName("public", "t"), List.of(Column.of("id", DataType.of(TypeKind.BIGINT, "bigint"), false)),
                    null, null, null, null, null, null, null, 0);
            Table other = new Table(new QualifiedName("public", "u"), table.columns(), null, null, null, null, null, null, null, 0);
            Schema schema = new Schema(List.of("public"), null, null, List.of(table, other), null, null);
            try (RestoreTarget restore = DIALECT.openRestore(target.spec())) {
                restore.begin(false);
                restore.createTables(schema);
                RowSink sink = restore.load(table);
                sink.accept(new Object[] {1L});
                assertThatThrownBy(() -> restore.load(other)).isInstanceOf(FerryException.class)
                        .hasMessageContaining("one table at a time");
                restore.rollback();
            }
            assertEmpty(target);
        }
    }

    @Test
    void existingObjectsAreListedAndCleanReplacesThem() throws SQLException {
        try (ScratchDatabase source = ScratchDatabase.postgres(); ScratchDatabase target = ScratchDatabase.postgres()) {
            try (Connection c = source.connect()) {
                SqlScript.exec(c, "CREATE SCHEMA app", "CREATE TABLE app.items (id serial PRIMARY KEY, name text)",
                        "INSERT INTO app.items (name) VALUES ('one'), ('two')");
            }
            try (Connection c = target.connect()) {
                SqlScript.exec(c, "CREATE SCHEMA app", "CREATE TYPE public.color AS ENUM ('red')",
                        "CREATE TABLE public.users (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, c public.color)",
                        "CREATE TABLE app.items (id int)", "CREATE VIEW public.v AS SELECT id FROM public.users",
                        "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                        "CREATE SEQUENCE public.s", "CREATE DOMAIN public.d AS int",
                        "CREATE TABLE public.p (x public.d) PARTITION BY RANGE (x)",
                        "CREATE TABLE public.p1 PARTITION OF public.p FOR VALUES FROM (0) TO (10)");
            }
            try (RestoreTarget restore = DIALECT.openRestore(target.spec())) {
                assertThat(restore.existingObjects()).containsExactly("table app.items", "function public.f()",
                        "sequence public.s", "table public.p", "table public.users", "type public.color", "type public.d",
                        "view public.v");
            }
            Map<QualifiedName, ContentHash> restored = restoreWith(source, target, true);
            assertThat(restored.get(new QualifiedName("app", "items")).rows()).isEqualTo(2);
            try (RestoreTarget restore = DIALECT.openRestore(target.spec())) {
                assertThat(restore.existingObjects()).containsExactly("sequence app.items_id_seq", "table app.items");
            }
        }
    }

    private static void restore(ScratchDatabase source, ScratchDatabase target) throws SQLException {
        restoreWith(source, target, false);
    }

    private static Map<QualifiedName, ContentHash> restoreWith(ScratchDatabase source, ScratchDatabase target, boolean clean)
            throws SQLException {
        try (Connection c = DIALECT.connect(source.spec(), true)) {
            Schema schema = DIALECT.introspect(c, List.of());
            return new SpiRoundTrip(DIALECT).restore(c, schema, target.spec(), clean);
        }
    }

    private static void assertEmpty(ScratchDatabase target) throws SQLException {
        try (RestoreTarget restore = DIALECT.openRestore(target.spec())) {
            assertThat(restore.existingObjects()).isEmpty();
        }
    }
}
