package dev.ferry.bench.jmh;

import dev.ferry.core.value.RowHasher;
import java.util.concurrent.TimeUnit;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second through the content hash (canonical encoding plus two XXH64 passes), and the two
 * XXH64 passes alone over already-encoded rows, which splits the cost between encoding and hashing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RowHashBenchmark {
    private static final XXHash64 XXH = XXHashFactory.fastestJavaInstance().hash64();

    @Param({"orderLine", "wide"})
    public String shape;

    private Object[][] rows;
    private byte[][] encodedRows;
    private final RowHasher hasher = new RowHasher();

    @Setup
    public void setUp() {
        rows = "wide".equals(shape) ? SampleRows.wideRows(SampleRows.BATCH) : SampleRows.orderLines(SampleRows.BATCH);
        encodedRows = new byte[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            encodedRows[i] = SampleRows.encoded(new Object[][] {rows[i]});
        }
    }

    @Benchmark
    @OperationsPerInvocation(SampleRows.BATCH)
    public long hashRows() {
        for (Object[] r : rows) {
            hasher.add(r);
        }
        return hasher.hash().rows();
    }

    @Benchmark
    @OperationsPerInvocation(SampleRows.BATCH)
    public long xxh64TwoSeedsOnly() {
        long sum = 0;
        for (byte[] b : encodedRows) {
            sum += XXH.hash(b, 0, b.length, 1) + XXH.hash(b, 0, b.length, 2);
        }
        return sum;
    }
}
