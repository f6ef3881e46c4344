package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.migrate.Fixture.Engine;
import dev.ferry.migrate.run.HeldLock;
import dev.ferry.migrate.run.Session;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.testing.ScratchDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two real migrator processes against one database: the second waits for the first and both end
 * consistent; and a migrator killed with SIGKILL mid-migration, after which the lock is recovered
 * and the interrupted migration is reported.
 */
class MigrationLockIT {
    @TempDir
    Path dir;

    private Path set() throws Exception {
        Path root = dir.resolve("migrations");
        Fixture.file(root, "core/V1__init.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
        Fixture.file(root, "core/module.properties", "java.V2__slow = " + SlowMigration.class.getName() + "\n");
        Fixture.file(root, "core/V3__after.sql", "CREATE TABLE after_slow (id INTEGER);\n");
        return root;
    }

    private Process startMigrator(ScratchDatabase db, Path set, long sleepMs) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dferry.test.dir=" + dir, "-Dferry.test.sleepMs=" + sleepMs,
                "-cp", System.getProperty("java.class.path"), MigratorProcess.class.getName(), db.spec().url(),
                db.spec().user() == null ? "" : db.spec().user(), set.toString(), dir.resolve("backups").toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        return pb.start();
    }

    private void awaitStarted(Process child) throws Exception {
        Path started = dir.resolve("started");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(started)) {
            assertThat(child.isAlive()).as("the child migrator died: " + log()).isTrue();
            assertThat(System.nanoTime()).as("the child never reached the slow migration").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String log() throws Exception {
        Path log = dir.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "(no output)";
    }

    private static List<String> notes(List<String> sink) {
        return sink;
    }

    private Migrations inProcess(ScratchDatabase db, Path set, List<String> notes) {
        return Migrations.configure(db.spec(), set.toString()).withBackupDirectory(dir.resolve("backups"))
                .withProgress(new ProgressListener() {
                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSecondMigratorWaitsAndBothEndConsistent(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch()) {
            Path set = set();
            Process child = startMigrator(db, set, 1500);
            awaitStarted(child);
            List<String> notes = Collections.synchronizedList(new ArrayList<>());
            MigrateResult second = inProcess(db, set, notes).migrate();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(log()).isZero();
            assertThat(log()).contains("applied 3");
            assertThat(second.steps()).as("everything was applied by the first migrator").isEmpty();
            assertThat(notes(notes)).anyMatch(n -> n.startsWith("Waiting for the migration lock, held by"));
            assertThat(Fixture.count(db, "SELECT COUNT(*) FROM ferry_migration_history WHERE success = TRUE")).isEqualTo(3);
            assertThat(inProcess(db, set, notes).status().exitCode()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aKilledMigratorsLockIsRecoveredAndItsMigrationReported(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch()) {
            Path set = set();
            Process child = startMigrator(db, set, 120_000);
            awaitStarted(child);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed with SIGKILL").isEqualTo(137);

            List<String> notes = Collections.synchronizedList(new ArrayList<>());
            Migrations m = inProcess(db, set, notes);
            StatusReport status = m.status();
            assertThat(status.exitCode()).as(status.summary()).isEqualTo(5);
            assertThat(status.summary()).contains("core V2 slow").contains("interrupted");
            if (engine == Engine.SQLITE) {
                assertThat(status.summary()).contains("its lock was left by process " + child.pid()).contains("no longer running");
            }
            if (engine.transactionalDdl()) {
                MigrateResult result = m.migrate();
                assertThat(notes).anyMatch(n -> n.contains("core V2 slow was interrupted") && n.contains("rolled back"));
                assertThat(result.steps()).extracting(MigrateResult.AppliedStep::version).containsExactly("2", "3");
            } else {
                assertThatThrownBy(m::migrate).hasMessageContaining("core V2 slow").hasMessageContaining("interrupted")
                        .hasMessageContaining("ferry restore --from '");
                assertThat(Fixture.hasTable(db, "slow_started")).as("MariaDB kept the first DDL").isTrue();
                Fixture.execute(db, "DROP TABLE slow_started");
                assertThat(m.repair().actions()).singleElement().asString().contains("removed the record of core V2 slow");
                assertThat(m.migrate().steps()).extracting(MigrateResult.AppliedStep::version).containsExactly("2", "3");
            }
            assertThat(Fixture.hasTable(db, "slow_done")).isTrue();
            assertThat(m.status().exitCode()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHeldLockTimesOutNamingItsHolderOrWithWaitIsWaitedFor(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch()) {
            Path set = set();
            db.connect().close();
            MigrationSettings settings = MigrationSettings.of(db.spec(), set.toString()).withBackup(false)
                    .withLockTimeout(Duration.ofMillis(300));
            try (Session holder = Session.open(settings); HeldLock held = HeldLock.acquire(holder, ProgressListener.NONE)) {
                assertThatThrownBy(() -> new Migrate(settings, ProgressListener.NONE).run()).isInstanceOf(FerryException.class)
                        .hasMessageContaining("the migration lock is held by").hasMessageContaining("--wait")
                        .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                Thread release = new Thread(() -> {
                    sleepQuietly(500);
                    held.close();
                });
                release.start();
                List<String> notes = Collections.synchronizedList(new ArrayList<>());
                MigrateResult result = inProcess(db, set, notes).withLockTimeout(Duration.ofMillis(300)).withWaitForLock().migrate();
                release.join();
                assertThat(result.steps()).hasSize(3);
                assertThat(notes).anyMatch(n -> n.contains("retrying in"));
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static {
        // the child JVM needs the same class path as this one
        assertThat(System.getProperty("java.class.path")).isNotEmpty().doesNotContain("" + File.pathSeparatorChar + File.pathSeparatorChar);
    }
}
