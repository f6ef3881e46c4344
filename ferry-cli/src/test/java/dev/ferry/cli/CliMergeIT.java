package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.archive.ArchiveFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup --root --with-children}, {@code inspect} and {@code restore --merge} through the CLI, on SQLite. */
class CliMergeIT {
    @TempDir
    Path dir;

    @Test
    void oneProjectOutAndIntoAnotherInstall() throws Exception {
        Path source = install("source.db", "a", "b", "c");
        Path target = install("target.db", "x", "y");
        Path archive = dir.resolve("project-b");
        CliRun backup = CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(),
                "--root", "project:name = 'b'", "--with-children", "-q");
        assertThat(backup.exitCode()).as(backup.all()).isZero();
        assertThat(backup.out()).contains("Partial: the rows of project:name = 'b', their children");
        CliRun inspect = CliRun.of("inspect", archive.toString());
        assertThat(inspect.out()).contains("Partial   yes: roots project:name = 'b' and their children");

        CliRun dry = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target, "--merge", "--dry-run",
                "--match", "project:name", "--jobs", "2", "-q");
        assertThat(dry.exitCode()).as(dry.all()).isZero();
        assertThat(dry.err()).contains("--strict, --jobs and --schema do not apply and are ignored");
        assertThat(dry.out()).containsPattern("task\\s+2\\s+2\\s+0\\s+3").contains("Dry run: nothing was written");
        assertThat(count(target, "task")).isEqualTo(4);

        Path ids = dir.resolve("ids.json");
        CliRun merge = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target, "--merge",
                "--id-map", ids.toString(), "-q");
        assertThat(merge.exitCode()).as(merge.all()).isZero();
        assertThat(merge.out()).contains("Merged 3 rows").contains("no orphaned reference");
        assertThat(count(target, "task")).isEqualTo(6);
        JsonNode map = ArchiveFormat.json().readTree(ids.toFile());
        assertThat(map.at("/tables/project/0/old/0").asLong()).isEqualTo(2);
        assertThat(map.at("/tables/project/0/new/0").asLong()).isEqualTo(3);

        CliRun again = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target, "--merge",
                "--match", "project:name", "--match", "task:project_id,title", "-q");
        assertThat(again.out()).contains("Merged 0 rows").contains("(3 matched existing rows)");
    }

    @Test
    void aWholeRestoreSaysItIgnoresMergeOptionsAndBadRootsAreUsageErrors() throws Exception {
        Path source = install("source.db", "a");
        Path archive = dir.resolve("whole");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q").exitCode()).isZero();
        CliRun restore = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + dir.resolve("new.db"),
                "--match", "project:name", "-q");
        assertThat(restore.exitCode()).as(restore.all()).isZero();
        assertThat(restore.err()).contains("apply only with --merge; this whole-database restore ignores them");

        CliRun bad = CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", dir.resolve("bad").toString(),
                "--root", "project:id = 1; DELETE FROM task", "-q");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("';' is not allowed");
        assertThat(count(source, "task")).isEqualTo(2);
    }

    private Path install(String name, String... projects) throws Exception {
        Path db = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE project (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
            s.execute("CREATE TABLE task (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES project (id),"
                    + " title TEXT NOT NULL, after_id INTEGER REFERENCES task (id))");
            for (String p : projects) {
                s.execute("INSERT INTO project (name) VALUES ('" + p + "')");
                s.execute("INSERT INTO task (project_id, title) SELECT id, 'first' FROM project WHERE name = '" + p + "'");
                s.execute("INSERT INTO task (project_id, title, after_id) SELECT project_id, 'second', id FROM task"
                        + " WHERE title = 'first' AND after_id IS NULL AND project_id = (SELECT id FROM project WHERE name = '" + p + "')");
            }
        }
        return db;
    }

    private static long count(Path db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
