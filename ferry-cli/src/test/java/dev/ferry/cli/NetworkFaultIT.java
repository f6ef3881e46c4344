package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ferry.cli.FaultEngine.Db;
import dev.ferry.cli.FaultProxy.Fault;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backup and restore through {@link FaultProxy} on PostgreSQL and MariaDB, with the connection dropped,
 * stalled or cut mid-stream at a seeded point of the traffic ({@code -Dfaults.seed=S}). Ferry must end
 * within its read timeout (set to 3 s in the URL, as a user may) with one clear line and exit 1, leave
 * no archive and the target as it was; the next restore without the proxy succeeds and removes what
 * the failed one could not. On MariaDB the stalled link is left frozen (the server never learns the
 * client is gone): the next restore still gets the target lock, once the lock's lease runs out.
 */
class NetworkFaultIT {
    private static final int ITEMS = 5_000;
    private static final Duration NEVER_HANG = Duration.ofSeconds(120);
    /** The target lock's lease in these tests (60 s by default), so a frozen holder's lock is freed quickly. */
    private static final long LEASE_SECONDS = 6;

    @BeforeAll
    static void shortLease() {
        System.setProperty("ferry.lock.lease.seconds", String.valueOf(LEASE_SECONDS));
    }

    @AfterAll
    static void defaultLease() {
        System.clearProperty("ferry.lock.lease.seconds");
    }

    @TempDir
    Path dir;

    /** The traffic of a clean restore through the proxy, measured once per engine. */
    private long restoreBytes = -1;

    @ParameterizedTest
    @EnumSource(value = FaultEngine.class, names = {"POSTGRES", "MARIADB"})
    void backupAndRestoreThroughABadNetwork(FaultEngine engine) throws Exception {
        Random random = new Random(Kills.SEED ^ engine.hashCode());
        try (Db source = engine.source(dir, ITEMS)) {
            Path good = dir.resolve("good");
            assertThat(cli(args(List.of("backup", "--from", source.url()), engine.userOption(source),
                    List.of("--to", good.toString(), "-q"))).exitCode()).isZero();
            for (Fault fault : new Fault[] {Fault.DROP, Fault.STALL, Fault.CUT}) {
                backup(engine, source, fault, random);
                restore(engine, good, fault, random);
            }
        }
    }

    private void backup(FaultEngine engine, Db source, Fault fault, Random random) throws Exception {
        try (FaultProxy proxy = proxyFor(source)) {
            Path archive = dir.resolve("backup-" + fault);
            List<String> command = args(List.of("backup", "--from", throughProxy(engine, source.url(), proxy)), engine.userOption(source),
                    List.of("--to", archive.toString(), "-q"));
            long total = bytes(proxy, command);
            deleteTree(archive);
            CliRun failed = failWith(proxy, fault, total, random, command, "backup " + engine);
            assertThat(archive).as("no archive after a failed backup").doesNotExist();
            report("backup", engine, fault, failed);
        }
    }

    private void restore(FaultEngine engine, Path archive, Fault fault, Random random) throws Exception {
        try (Db measured = engine.empty(dir, "measured-" + fault); Db target = engine.empty(dir, "target-" + fault);
             FaultProxy proxy = proxyFor(target)) {
            if (restoreBytes < 0) {
                try (FaultProxy counting = proxyFor(measured)) {
                    restoreBytes = bytes(counting, args(List.of("restore", "--from", archive.toString(), "--to",
                            throughProxy(engine, measured.url(), counting)), engine.userOption(measured), List.of("-q")));
                }
            }
            long total = restoreBytes;
            List<String> command = args(List.of("restore", "--from", archive.toString(), "--to", throughProxy(engine, target.url(), proxy)),
                    engine.userOption(target), List.of("-q"));
            CliRun failed = failWith(proxy, fault, total, random, command, "restore " + engine);
            boolean frozen = fault == Fault.STALL && engine == FaultEngine.MARIADB;
            if (!frozen) {
                // a frozen PostgreSQL link: the server holds the open transaction (and its locks) until it
                // learns the client is gone; here when the link breaks, in life when TCP keep-alive gives up
                proxy.close();
                Thread.sleep(200);
            }
            assertThat(engine.leftovers(target)).as("the target is as it was: " + failed.err()).isEmpty();
            report("restore", engine, fault, failed);
            long start = System.nanoTime();
            CliRun again = assertTimeoutPreemptively(NEVER_HANG, () -> cli(args(List.of("restore", "--from", archive.toString(),
                    "--to", target.url()), engine.userOption(target), List.of("-q", "--lock-timeout", "60s"))),
                    "the restore after the failed one hung");
            assertThat(again.exitCode()).as(again.all()).isZero();
            if (frozen) {
                // the link is still frozen: the failed restore's target lock is freed by its lease alone
                long waited = (System.nanoTime() - start) / 1_000_000;
                assertThat(waited).as("the next restore got the lock within the lease (" + LEASE_SECONDS + " s) and a"
                        + " few seconds").isLessThan((LEASE_SECONDS + 15) * 1000L);
                report("lease", engine, fault, new CliRun(0, "", "the next restore waited " + waited + " ms for the lock"));
                // its staging database stays while its frozen session lives; once that ends, the next restore drops it
                proxy.close();
                Thread.sleep(500);
                CliRun clean = cli(args(List.of("restore", "--from", archive.toString(), "--to", target.url()),
                        engine.userOption(target), List.of("-q", "--clean")));
                assertThat(clean.exitCode()).as(clean.all()).isZero();
            }
            assertThat(engine.abandoned(target)).as("the next restore removed what the failed one left").isEmpty();
        }
    }

    /** Runs the command through the proxy without a fault; returns the bytes it moved. */
    private static long bytes(FaultProxy proxy, List<String> command) {
        proxy.inject(Fault.NONE, 0);
        CliRun clean = CliRun.of(command.toArray(String[]::new));
        assertThat(clean.exitCode()).as("through the proxy without a fault: " + clean.all()).isZero();
        return proxy.forwarded();
    }

    private static CliRun failWith(FaultProxy proxy, Fault fault, long total, Random random, List<String> command, String what) {
        long at = total / 10 + (long) (random.nextDouble() * total * 8 / 10);
        proxy.inject(fault, at);
        long start = System.nanoTime();
        CliRun run = assertTimeoutPreemptively(NEVER_HANG, () -> CliRun.of(command.toArray(String[]::new)),
                what + " hung after " + fault + " at byte " + at + " (seed " + Kills.SEED + ")");
        long millis = (System.nanoTime() - start) / 1_000_000;
        String context = what + ", " + fault + " at byte " + at + " of " + total + " (seed " + Kills.SEED + "): " + run.all();
        assertThat(proxy.struck()).as(context).isTrue();
        assertThat(run.exitCode()).as(context).isEqualTo(1);
        assertThat(run.err().strip()).as(context).startsWith("ferry:").doesNotContain("\n").doesNotContain("\tat ");
        assertThat(run.err().split("as it was", -1)).as("says the target is as it was once: " + context).hasSizeLessThanOrEqualTo(2);
        assertThat(millis).as("fails within the 3 s read timeout and the time to give up: " + context).isLessThan(60_000);
        return new CliRun(run.exitCode(), run.out(), run.err().strip() + " [" + millis + " ms]");
    }

    private static void report(String operation, FaultEngine engine, Fault fault, CliRun failed) throws Exception {
        String line = String.format(Locale.ROOT, "network %s %s %s: %s%n", operation, engine.name().toLowerCase(Locale.ROOT),
                fault.name().toLowerCase(Locale.ROOT), failed.err());
        System.out.print("faults: " + line);
        Files.writeString(Path.of("target", "faults-report.txt"), line, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static FaultProxy proxyFor(Db db) throws Exception {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        return new FaultProxy(uri.getHost(), uri.getPort());
    }

    /** The URL through the proxy, with a 3 s read timeout as a user may set it in the URL. */
    private static String throughProxy(FaultEngine engine, String url, FaultProxy proxy) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        String timeout = engine == FaultEngine.POSTGRES ? "socketTimeout=3" : "socketTimeout=3000";
        return "jdbc:" + uri.getScheme() + "://127.0.0.1:" + proxy.port() + uri.getPath() + "?" + timeout;
    }

    private static List<String> args(List<String> a, List<String> b, List<String> c) {
        return KillNineIT.command(a, b, c);
    }

    private static CliRun cli(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void deleteTree(Path root) throws Exception {
        if (Files.exists(root)) {
            KillNineIT.deleteTree(root);
        }
    }
}
