package dev.ferry.bench.jmh;

import dev.ferry.core.archive.ArchiveWriter;
import dev.ferry.core.archive.TableWriter;
import dev.ferry.core.model.QualifiedName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole write path of a backup without a database: rows into a {@link TableWriter} (encode,
 * hash, zstd level 3, SHA-256, file, fsync per chunk), 100k order_line rows per operation. The
 * ceiling of a one-worker backup of such a table, whatever the engine delivers.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ChunkWriteBenchmark extends ThroughputBenchmark {
    private static final int ROWS = 100_000;

    private Object[][] rows;
    private Path dir;
    private int round;

    @Setup
    public void setUp() throws IOException {
        rows = SampleRows.orderLines(ROWS);
        dir = Files.createTempDirectory("ferry-jmh-");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long writeTable() {
        try (ArchiveWriter archive = ArchiveWriter.create(dir.resolve("a" + round++), 3)) {
            TableWriter table = archive.openTable(QualifiedName.of("order_line"), 1);
            for (Object[] row : rows) {
                table.write(row);
            }
            return table.finish().rows();
        }
    }
}
