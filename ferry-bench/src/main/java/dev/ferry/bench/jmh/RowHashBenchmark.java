package dev.ferry.bench.jmh;

import dev.ferry.core.value.RowHasher;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Rows per second through the content hash (canonical encoding plus two XXH64 passes), and the two
 * XXH64 passes alone over already-encoded rows, which splits the cost between encoding and hashing.
 */
public class RowHashBenchmark extends ThroughputBenchmark {
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
