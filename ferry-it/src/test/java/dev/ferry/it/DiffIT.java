package dev.ferry.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.Diff;
import dev.ferry.ops.DiffResult;
import dev.ferry.ops.DiffSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.Transfer;
import dev.ferry.ops.TransferSettings;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** ferry diff and verify --against on real engines: equal copies across engines, and a one-row difference found. */
class DiffIT {

    @Test
    void aTransferredCopyIsEqualAcrossEnginesAndOneChangedRowIsNamed() throws Exception {
        try (ScratchDatabase sqlite = Engine.SQLITE.scratch(); ScratchDatabase pg = Engine.POSTGRES.scratch()) {
            try (Connection c = sqlite.connect()) {
                Engine.SQLITE.fill(c);
            }
            new Transfer(TransferSettings.of(sqlite.spec(), pg.spec()), ProgressListener.NONE).run();
            DiffResult same = diff(sqlite, pg, false);
            assertThat(same.schemaDifferences()).isEmpty();
            assertThat(same.equal()).as("%s", same).isTrue();
            assertThat(same.notes()).anyMatch(n -> n.contains("types.doubled (computed) only in A"));

            exec(pg, "UPDATE tree SET label = 'changed' WHERE id = 3", "DELETE FROM big WHERE id = 777");
            DiffResult changed = diff(sqlite, pg, true);
            assertThat(changed.equal()).isFalse();
            DiffResult.TableComparison tree = table(changed, "tree");
            assertThat(tree.rowsA()).isEqualTo(tree.rowsB());
            assertThat(tree.rowDifferences()).singleElement().satisfies(d -> {
                assertThat(d.key()).isEqualTo("id=3");
                assertThat(d.where()).isEqualTo("differs");
                assertThat(d.columns()).containsExactly("label: 'grandchild' in A, 'changed' in B");
            });
            DiffResult.TableComparison big = table(changed, "big");
            assertThat(big.rowsA() - big.rowsB()).isEqualTo(1);
            assertThat(big.rowDifferences()).extracting(DiffResult.RowDifference::key, DiffResult.RowDifference::where)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("id=777", "only in A"));
            assertThat(changed.tables().stream().filter(t -> !t.equal())).hasSize(2);
        }
    }

    @Test
    void verifyAgainstComparesAnArchiveWithTheDatabaseItWasRestoredInto() throws Exception {
        Path dir = Files.createTempDirectory("ferry-diff-");
        try (ScratchDatabase maria = Engine.MARIADB.scratch(); ScratchDatabase pg = Engine.POSTGRES.scratch()) {
            try (Connection c = maria.connect()) {
                Engine.MARIADB.fill(c);
            }
            Path archive = dir.resolve("maria");
            new Backup(BackupSettings.of(maria.spec(), archive), ProgressListener.NONE).run();
            new Restore(RestoreSettings.of(archive, pg.spec()), ProgressListener.NONE).run();
            DiffResult equal = new Diff(DiffSettings.of(new DiffSettings.Archive(archive), new DiffSettings.Database(pg.spec())),
                    ProgressListener.NONE).run();
            assertThat(equal.equal()).as("%s", equal).isTrue();

            exec(pg, "UPDATE emp SET name = 'MID' WHERE id = 2");
            DiffResult changed = new Diff(DiffSettings.of(new DiffSettings.Archive(archive),
                    new DiffSettings.Database(pg.spec())).withRows(true), ProgressListener.NONE).run();
            assertThat(changed.equal()).isFalse();
            assertThat(table(changed, "emp").rowDifferences()).singleElement()
                    .satisfies(d -> assertThat(d.key()).isEqualTo("id=2"));
        }
    }

    @Test
    void sameEngineTypeDriftIsASchemaDifference() throws Exception {
        try (ScratchDatabase a = Engine.POSTGRES.scratch(); ScratchDatabase b = Engine.POSTGRES.scratch()) {
            exec(a, "CREATE TABLE t (id int PRIMARY KEY, n int)", "INSERT INTO t VALUES (1, 2)");
            exec(b, "CREATE TABLE t (id int PRIMARY KEY, n bigint)", "INSERT INTO t VALUES (1, 2)", "CREATE TABLE extra (x int)");
            DiffResult r = diff(a, b, false);
            assertThat(r.schemaDifferences()).containsExactlyInAnyOrder("column public.t.n: type integer in A, bigint in B",
                    "table public.extra only in B");
            assertThat(r.tables()).singleElement().satisfies(t -> assertThat(t.equal()).isTrue());
            assertThat(r.equal()).isFalse();
        }
    }

    private static DiffResult diff(ScratchDatabase a, ScratchDatabase b, boolean rows) {
        return new Diff(DiffSettings.of(new DiffSettings.Database(a.spec()), new DiffSettings.Database(b.spec())).withRows(rows),
                ProgressListener.NONE).run();
    }

    private static DiffResult.TableComparison table(DiffResult r, String name) {
        return r.tables().stream().filter(t -> t.nameB().name().equals(name)).findFirst().orElseThrow();
    }

    private static void exec(ScratchDatabase db, String... sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
