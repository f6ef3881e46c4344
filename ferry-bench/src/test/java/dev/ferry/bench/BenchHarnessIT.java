package dev.ferry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * bench/run.sh end to end on the tiny scale, one run per tool: every pairing is measured or
 * explicitly "not available yet", and the report and raw measurements are written. Timings are
 * not asserted. Needs the servers and the tools of bench/install-tools.sh (.ci/run installs them).
 */
class BenchHarnessIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> PAIRINGS = List.of("PostgreSQL backup", "PostgreSQL backup, 2 jobs", "PostgreSQL restore",
            "PostgreSQL restore, 2 jobs", "MariaDB backup", "MariaDB backup, 2 jobs", "MariaDB restore", "SQLite backup",
            "SQLite restore", "SQLite → PostgreSQL", "MariaDB → PostgreSQL");

    @Test
    void theHarnessRunsEveryPairingOnTheTinyScale() throws Exception {
        requireTools("pgloader", "sqlite3", "pg_dump", "pg_restore", "psql", "mysqldump", "mariadb");
        Path out = ROOT.resolve("ferry-bench/target/bench-it");
        Path report = out.resolve("RESULTS-tiny.md");
        Files.deleteIfExists(report);
        Path log = out.resolve("run.log");
        Files.createDirectories(out);

        ProcessBuilder harness = new ProcessBuilder("bash", "bench/run.sh", "--scale", "tiny", "--runs", "1", "--jobs", "2", "--no-build",
                "--out", report.toString(), "--work", out.resolve("work").toString())
                .directory(ROOT.toFile()).redirectInput(new File("/dev/null")).redirectErrorStream(true).redirectOutput(log.toFile());
        harness.environment().put("FERRY_BENCH_DB", "ferry_benchit"); // leaves a developer's benchmark databases alone
        harness.environment().put("FERRY_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"); // quicker start on tiny data
        Process run = harness.start();
        if (!run.waitFor(5, TimeUnit.MINUTES)) {
            run.destroyForcibly();
            fail("bench/run.sh took over 5 minutes on the tiny scale; its output: " + tail(log));
        }
        assertThat(run.exitValue()).as("exit status of bench/run.sh; its output: %s", tail(log)).isZero();

        String markdown = Files.readString(report);
        for (String pairing : PAIRINGS) {
            assertThat(markdown).as("row of %s", pairing).containsPattern("\\| " + pairing + " \\| ferry [^|]+\\| ([0-9.]+|not available yet) \\| [^|]+ \\| [0-9.]+ \\|");
        }
        assertThat(markdown).contains("COPY TO, every table", "COPY FROM, order_line alone", "## Targets (issue 5)",
                "peak RSS of any Ferry process", "| **total** | **5379** |");
        List<String> measurements = Files.readAllLines(out.resolve("RESULTS-tiny.tsv"), StandardCharsets.UTF_8);
        assertThat(measurements).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("\tok"));
    }

    private static void requireTools(String... tools) {
        for (String tool : tools) {
            boolean found = List.of(System.getenv("PATH").split(File.pathSeparator)).stream()
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            if (!found) {
                String message = tool + " is not installed: run bench/install-tools.sh";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail(message + " (CI=true: .ci/run installs the benchmark tools)");
                }
                Assumptions.abort(message);
            }
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
