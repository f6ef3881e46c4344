package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.ScratchDatabase;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords and passphrases never appear in any output, error, stack trace (--verbose included) or
 * written file, across commands and failure modes, whether they came in the URL (as a parameter,
 * URL-encoded, or as user-info), through --password-env, --passphrase-env or --passphrase-file. Each run uses distinctive secrets; every output and every
 * file the run wrote is searched for them, in plain and URL-encoded form.
 */
class SecretsIT {
    private static final String SECRET = "Zq7-S3CRET@pw/" + UUID.randomUUID().toString().substring(0, 8);
    private static final String ENCODED = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
    /** MariaDB Connector/J takes URL parameters as written (no decoding): a secret without URL syntax. */
    private static final String PLAIN = "Kv4-M4RIA-pw-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path dir;

    private final List<String> outputs = new ArrayList<>();
    private String mariaUser;

    @BeforeEach
    void nothingYet() {
        outputs.clear();
    }

    @AfterEach
    void noSecretAnywhere() throws IOException {
        assertThat(outputs).isNotEmpty();
        for (String output : outputs) {
            assertThat(output).doesNotContain(SECRET).doesNotContain(ENCODED).doesNotContain(SECRET.substring(0, 10))
                    .doesNotContain(PLAIN);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(SECRET).doesNotContain(ENCODED).doesNotContain(PLAIN);
            }
        }
    }

    @Test
    void postgresBackupAndRestoreWithAPasswordInTheUrl() {
        try (ScratchDatabase source = ScratchDatabase.postgres(); ScratchDatabase target = ScratchDatabase.postgres()) {
            createTable(source);
            String archive = dir.resolve("pg").toString();
            CliRun backup = run("backup", "--from", withPassword(source), "--to", archive, "--json", "--verbose");
            assertThat(backup.exitCode()).as(backup.all()).isZero();
            CliRun restore = run("restore", "--from", archive, "--to", withPassword(target), "--verbose");
            assertThat(restore.exitCode()).as(restore.all()).isZero();
            assertThat(restore.out()).contains("password=***");
            CliRun refused = run("restore", "--from", archive, "--to", withPassword(target), "--verbose", "--json");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("not empty");
        }
    }

    @Test
    void postgresFailuresWithAPasswordInTheUrl() {
        String base = ScratchDatabase.PG_ADMIN_URL.substring(0, ScratchDatabase.PG_ADMIN_URL.lastIndexOf('/') + 1);
        for (String url : List.of(
                base + "no_such_database_here?user=postgres&password=" + ENCODED,
                "jdbc:postgresql://127.0.0.1:1/app?connectTimeout=2&user=postgres&password=" + ENCODED,
                "jdbc:postgresql://127.0.0.1:notaport/app?password=" + ENCODED,
                "jdbc:postgresql://postgres:" + ENCODED + "@127.0.0.1:5432/test",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=" + ENCODED + "&sslmode=bogus")) {
            CliRun backup = run("backup", "--from", url, "--to", dir.resolve("b").toString(), "--verbose");
            assertThat(backup.exitCode()).as(backup.all()).isNotZero();
            CliRun restore = run("restore", "--from", dir.resolve("none").toString(), "--to", url, "--verbose");
            assertThat(restore.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void mariadbWrongAndRightPasswords() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.mariadb()) {
            createTable(db);
            String url = db.spec().url();
            mariaUser = "ferry_secret_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE USER '" + mariaUser + "'@'%' IDENTIFIED BY '" + PLAIN + "'");
                s.execute("GRANT ALL ON `" + url.substring(url.lastIndexOf('/') + 1) + "`.* TO '" + mariaUser + "'@'%'");
            }
            try {
                CliRun good = run("backup", "--from", url + "?user=" + mariaUser + "&password=" + PLAIN, "--to",
                        dir.resolve("m").toString(), "--verbose", "--json");
                assertThat(good.exitCode()).as(good.all()).isZero();
                CliRun wrong = run("backup", "--from", url + "?user=" + mariaUser + "&password=" + PLAIN + "x", "--to",
                        dir.resolve("w").toString(), "--verbose");
                assertThat(wrong.exitCode()).isEqualTo(1);
                assertThat(wrong.err()).contains("user and password");
                JarRun env = jar(Map.of("FERRY_SECRET_PW", PLAIN), "backup", "--from", url, "--user", mariaUser,
                        "--password-env", "FERRY_SECRET_PW", "--to", dir.resolve("e").toString(), "--verbose");
                assertThat(env.exitCode()).as(env.output()).isZero();
                JarRun envWrong = jar(Map.of("FERRY_SECRET_PW", PLAIN + "x"), "restore", "--from", dir.resolve("e").toString(),
                        "--to", url, "--user", mariaUser, "--password-env", "FERRY_SECRET_PW", "--verbose");
                assertThat(envWrong.exitCode()).isEqualTo(1);
                assertThat(envWrong.output()).contains("user and password");
            } finally {
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    s.execute("DROP USER '" + mariaUser + "'@'%'");
                }
            }
        }
    }

    @Test
    void passphrasesAreNeverPrinted() throws Exception {
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 200);
        Path right = Files.createTempFile("ferry-pass-", ".txt");
        Path wrong = Files.createTempFile("ferry-pass-", ".txt");
        try {
            Files.writeString(right, SECRET + "\n");
            Files.writeString(wrong, PLAIN + "\n");
            String archive = dir.resolve("sealed").toString();
            CliRun backup = run("backup", "--from", "jdbc:sqlite:" + source, "--to", archive, "--encrypt", "--passphrase-file", right.toString(),
                    "--verbose", "--json");
            assertThat(backup.exitCode()).as(backup.all()).isZero();
            CliRun refused = run("verify", archive, "--passphrase-file", wrong.toString(), "--verbose");
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
            JarRun env = jar(Map.of("FERRY_SECRET_PASS", PLAIN), "restore", "--from", archive, "--to",
                    "jdbc:sqlite:" + dir.resolve("out.db"), "--passphrase-env", "FERRY_SECRET_PASS", "--verbose");
            assertThat(env.exitCode()).isEqualTo(1);
        } finally {
            Files.delete(right);
            Files.delete(wrong);
        }
    }

    @Test
    void usageErrorsNeverEchoAPassword() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1/app?password=" + ENCODED;
        assertThat(run("backup", "--from", url, "--to", "x", "--jobs", "zero").exitCode()).isEqualTo(2);
        assertThat(run("backup", "--from", url, "--to", "x", "unexpected", url).exitCode()).isEqualTo(2);
        assertThat(run("restore", url).exitCode()).isEqualTo(2);
        assertThat(run("backup", "--from", "jdbc:sqlite::memory:?password=" + ENCODED, "--to", "x").exitCode()).isEqualTo(2);
        assertThat(run("backup", "--from", "jdbc:oracle:thin:scott/" + ENCODED + "@db:1521/x", "--to", "x").exitCode())
                .isEqualTo(2);
        JarRun jar = jar(Map.of(), "backup", "--from", url, "--frobnicate", SECRET);
        assertThat(jar.exitCode()).isEqualTo(2);
    }

    private String withPassword(ScratchDatabase db) {
        return db.spec().url() + "?user=" + db.spec().user() + "&password=" + ENCODED;
    }

    private static void createTable(ScratchDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(20))");
            s.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private CliRun run(String... args) {
        CliRun r = CliRun.of(args);
        outputs.add(r.all());
        return r;
    }

    private JarRun jar(Map<String, String> env, String... args) throws Exception {
        JarRun r = JarRun.of(env, args);
        outputs.add(r.output());
        return r;
    }
}
