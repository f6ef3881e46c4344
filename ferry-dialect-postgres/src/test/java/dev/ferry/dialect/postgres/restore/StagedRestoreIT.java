package dev.ferry.dialect.postgres.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.value.ContentHash;
import dev.ferry.embedded.testing.SharedPostgres;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.Fingerprint;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.TableProof;
import dev.ferry.ops.Transfer;
import dev.ferry.ops.TransferSettings;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore and transfer into PostgreSQL with two jobs, through a staging schema: equal to the source,
 * nothing left behind, the target untouched when a worker connection is killed mid-COPY (ferry-it's
 * StagedTransferIT breaks a foreign key), leftovers of a killed run removed by the next, --clean, and the fall
 * back to one transaction where staging cannot build the schema.
 */
class StagedRestoreIT {
    private static final String SCHEMA = """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE TABLE customer (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE, m mood DEFAULT 'ok'::mood,
              referrer bigint REFERENCES customer (id), created timestamptz DEFAULT now(), CHECK (length(name) > 0));
            COMMENT ON TABLE customer IS 'people who order';
            CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE, total numeric(12,4), note text);
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            CREATE INDEX orders_big_idx ON orders (total) WHERE total > 100;
            CREATE INDEX customer_lower_idx ON customer (lower(name));
            CREATE SEQUENCE ticket_seq START 1000;
            CREATE TABLE a (id int PRIMARY KEY, b_id int);
            CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id) DEFERRABLE INITIALLY DEFERRED);
            ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id) DEFERRABLE INITIALLY DEFERRED;
            CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := coalesce(NEW.note, 'x'); RETURN NEW; END $$;
            CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
            INSERT INTO customer (name, m, referrer) SELECT 'c' || g, (ARRAY['sad','ok','happy'])[g % 3 + 1]::mood,
              CASE WHEN g > 1 THEN g - 1 END FROM generate_series(1, 2000) g;
            INSERT INTO orders (customer_id, total, note) SELECT g % 2000 + 1, g / 7.0, CASE WHEN g % 5 = 0 THEN 'n' END
              FROM generate_series(1, 30000) g;
            BEGIN; INSERT INTO a VALUES (1, 1), (2, 2); INSERT INTO b VALUES (1, 2), (2, 1); COMMIT;
            SELECT nextval('ticket_seq');
            """;

    private static ScratchDatabase source;
    private static Path archive;
    private static Map<String, ContentHash> sourceFingerprint;

    @BeforeAll
    static void backUp(@TempDir Path dir) throws SQLException {
        source = ScratchDatabase.postgres();
        exec(source, SCHEMA);
        archive = dir.resolve("staged.ferry");
        new Backup(BackupSettings.of(source.spec(), archive), ProgressListener.NONE).run();
        sourceFingerprint = new Fingerprint(source.spec(), List.of()).run();
    }

    @AfterAll
    static void drop() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void stagedRestoreEqualsTheSourceAndLeavesNothingBehind() throws SQLException {
        try (ScratchDatabase target = ScratchDatabase.postgres()) {
            Notes notes = new Notes();
            RestoreResult r = new Restore(RestoreSettings.of(archive, target.spec()).withJobs(2), notes).run();
            assertThat(r.proofs()).hasSize(4).allMatch(TableProof::matches);
            assertThat(notes.all).anyMatch(n -> n.contains("staging schema ferry_stage_") && n.contains("moved into public"));
            assertThat(new Fingerprint(target.spec(), List.of()).run()).isEqualTo(sourceFingerprint);
            assertThat(stagingSchemas(target)).isEmpty();
            assertThat(definitions(target)).isEqualTo(definitions(source));
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO customer (name) VALUES ('new')");
                s.execute("INSERT INTO orders (customer_id, total) VALUES (1, 500)");
                assertThat(single(s, "SELECT max(id) FROM customer")).isEqualTo(2001);
                assertThat(single(s, "SELECT max(id) FROM orders")).isEqualTo(30001);
                assertThat(single(s, "SELECT nextval('ticket_seq')")).isEqualTo(1001);
                assertThat(single(s, "SELECT count(*) FROM orders WHERE note = 'x' AND id = 30001")).as("the trigger works").isEqualTo(1);
                assertThat(single(s, "SELECT count(*) FROM big_orders WHERE id = 30001")).isEqualTo(1);
                assertThat(single(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated")).isEqualTo(4);
                assertThat(single(s, "SELECT count(*) FROM pg_description WHERE description = 'people who order'")).isEqualTo(1);
            }
        }
    }

    @Test
    void stagedRestoreWorksOnPostgres12() {
        ConnectionSpec target = SharedPostgres.freshDatabase(12);
        Notes notes = new Notes();
        RestoreResult r = new Restore(RestoreSettings.of(archive, target).withJobs(3), notes).run();
        assertThat(r.proofs()).allMatch(TableProof::matches);
        assertThat(notes.all).anyMatch(n -> n.contains("staging schema ferry_stage_"));
        assertThat(new Fingerprint(target, List.of()).run()).isEqualTo(sourceFingerprint);
    }

    @Test
    void stagedTransferEqualsTheSource() {
        try (ScratchDatabase target = ScratchDatabase.postgres()) {
            Notes notes = new Notes();
            new Transfer(TransferSettings.of(source.spec(), target.spec()).withJobs(2), notes).run();
            assertThat(notes.all).anyMatch(n -> n.contains("staging schema"));
            assertThat(new Fingerprint(target.spec(), List.of()).run()).isEqualTo(sourceFingerprint);
        }
    }

    @Test
    void aWorkerKilledMidCopyLeavesTheTargetAsItWas() throws SQLException {
        try (ScratchDatabase target = ScratchDatabase.postgres()) {
            exec(target, "CREATE TABLE keep (id int); INSERT INTO keep VALUES (7)");
            AtomicBoolean killed = new AtomicBoolean();
            ProgressListener killer = new ProgressListener() {
                @Override
                public void rows(QualifiedName table, long rows) {
                    if (table.name().equals("orders") && killed.compareAndSet(false, true)) {
                        exec(target, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND query LIKE 'COPY \"ferry\\_stage\\_%'", false);
                    }
                }
            };
            assertThatThrownBy(() -> new Restore(RestoreSettings.of(archive, target.spec()).withJobs(2).withClean(true), killer).run())
                    .isInstanceOf(FerryException.class).hasMessageContaining("the target is as it was");
            assertThat(killed).isTrue();
            assertUntouched(target);
        }
    }

    @Test
    void aStagingSchemaLeftByAKilledRunIsRemovedByTheNextAndOneInUseIsNot() throws SQLException {
        try (ScratchDatabase target = ScratchDatabase.postgres(); Connection running = target.connect();
             Statement s = running.createStatement()) {
            exec(target, "CREATE SCHEMA ferry_stage_000000_deadbeef; CREATE TABLE ferry_stage_000000_deadbeef.orders (id int);"
                    + "CREATE SCHEMA ferry_stage_000000_11feea11");
            s.execute("SELECT pg_advisory_lock(hashtextextended('ferry_stage_000000_11feea11', 0))");
            Notes notes = new Notes();
            new Restore(RestoreSettings.of(archive, target.spec()).withJobs(2), notes).run();
            assertThat(notes.all).contains("Removed staging schema ferry_stage_000000_deadbeef, left behind by an interrupted restore");
            assertThat(stagingSchemas(target)).containsExactly("ferry_stage_000000_11feea11");
            assertThat(new Fingerprint(target.spec(), List.of()).run()).isEqualTo(sourceFingerprint);
        }
    }

    @Test
    void cleanDropsTheOldObjectsInThePublishTransaction() throws SQLException {
        try (ScratchDatabase target = ScratchDatabase.postgres()) {
            exec(target, "CREATE TYPE mood AS ENUM ('old'); CREATE TABLE customer (id int, m mood); CREATE TABLE stray (id int);"
                    + "CREATE SCHEMA extra; CREATE TABLE extra.t (id int)");
            new Restore(RestoreSettings.of(archive, target.spec()).withJobs(2).withClean(true), ProgressListener.NONE).run();
            assertThat(new Fingerprint(target.spec(), List.of()).run()).isEqualTo(sourceFingerprint);
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                assertThat(single(s, "SELECT count(*) FROM pg_class WHERE relname = 'stray'")).isZero();
                assertThat(single(s, "SELECT count(*) FROM pg_enum WHERE enumlabel = 'old'")).isZero();
            }
        }
    }

    @Test
    void aSchemaWithADomainFallsBackToOneTransactionAndSaysWhy(@TempDir Path dir) throws SQLException {
        try (ScratchDatabase withDomain = ScratchDatabase.postgres(); ScratchDatabase target = ScratchDatabase.postgres()) {
            exec(withDomain, "CREATE DOMAIN posint AS int CHECK (VALUE > 0); CREATE TABLE d (id posint PRIMARY KEY, label text);"
                    + "INSERT INTO d SELECT g, 'l' || g FROM generate_series(1, 500) g");
            Path file = dir.resolve("domain.ferry");
            new Backup(BackupSettings.of(withDomain.spec(), file), ProgressListener.NONE).run();
            Notes notes = new Notes();
            new Restore(RestoreSettings.of(file, target.spec()).withJobs(2), notes).run();
            assertThat(notes.all).anyMatch(n -> n.contains("one transaction") && n.contains("domain public.posint"));
            assertThat(new Fingerprint(target.spec(), List.of()).run()).isEqualTo(new Fingerprint(withDomain.spec(), List.of()).run());
        }
    }

    @Test
    void aUserWhoMayNotCreateSchemasIsToldWhyNotStaged() throws SQLException {
        String role = "ferry_nocreate_" + Long.toHexString(System.nanoTime());
        try (ScratchDatabase target = ScratchDatabase.postgres()) {
            exec(target, "CREATE ROLE " + role + " LOGIN; GRANT USAGE, CREATE ON SCHEMA public TO " + role);
            ConnectionSpec asRole = new ConnectionSpec(target.spec().url(), role, null);
            Notes notes = new Notes();
            assertThatThrownBy(() -> new Restore(RestoreSettings.of(archive, asRole).withJobs(2), notes).run())
                    .as("the one-transaction restore needs CREATE on the database too (CREATE SCHEMA IF NOT EXISTS)")
                    .isInstanceOf(FerryException.class).hasMessageContaining("permission denied for database");
            assertThat(notes.all).anyMatch(n -> n.contains("one transaction") && n.contains("may not create a staging schema"));
            assertThat(stagingSchemas(target)).isEmpty();
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                assertThat(single(s, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
            }
        } finally {
            try (Connection c = java.sql.DriverManager.getConnection(ScratchDatabase.PG_ADMIN_URL, ScratchDatabase.PG_USER, null);
                 Statement s = c.createStatement()) {
                s.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void aDefaultThatDoesNotReadBackAsArchivedFailsThePublish() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.postgres(); Connection c = db.connect()) {
            exec(db, "CREATE SEQUENCE s; CREATE TABLE t (id bigint DEFAULT nextval('s'))");
            QualifiedName t = new QualifiedName("public", "t");
            c.setAutoCommit(false);
            PublishedDefaults.verify(c, "public", Map.of(t, Map.of("id", "nextval('public.s'::regclass)")));
            assertThatThrownBy(() -> PublishedDefaults.verify(c, "public", Map.of(t, Map.of("id", "nextval('public.other'::regclass)"))))
                    .isInstanceOf(FerryException.class).hasMessageContaining("Column id of public.t")
                    .hasMessageContaining("--jobs 1");
        }
    }

    /** Every index and constraint as the server prints it, sorted. */
    private static List<String> definitions(ScratchDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' UNION ALL SELECT conname || ' ' || "
                        + "pg_get_constraintdef(oid) || convalidated FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
                        + "ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void assertUntouched(ScratchDatabase target) throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind = 'r'")).isEqualTo(1);
            assertThat(single(s, "SELECT id FROM keep")).isEqualTo(7);
        }
        assertThat(stagingSchemas(target)).isEmpty();
    }

    static List<String> stagingSchemas(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return StagingLeftovers.existing(c);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void exec(ScratchDatabase db, String sql) {
        exec(db, sql, false);
    }

    /** Runs statements; with {@code tolerateFailure}, a refused one is ignored. */
    static void exec(ScratchDatabase db, String sql, boolean tolerateFailure) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            if (!tolerateFailure) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }

    /** Records the notes an operation prints. */
    static final class Notes implements ProgressListener {
        final List<String> all = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void note(String message) {
            all.add(message);
        }
    }
}
