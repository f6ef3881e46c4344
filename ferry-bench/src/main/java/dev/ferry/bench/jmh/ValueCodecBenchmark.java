package dev.ferry.bench.jmh;

import dev.ferry.core.value.GrowableBytes;
import dev.ferry.core.value.ValueDecoder;
import dev.ferry.core.value.ValueEncoder;
import dev.ferry.core.value.ValueInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/** Rows per second through the archive's value encoder and decoder (no compression, no I/O). */
public class ValueCodecBenchmark extends ThroughputBenchmark {
    @Param({"orderLine", "wide"})
    public String shape;

    private Object[][] rows;
    private byte[] encoded;
    private Object[] row;
    private final ValueEncoder encoder = new ValueEncoder(false);
    private final GrowableBytes buffer = new GrowableBytes();

    @Setup
    public void setUp() {
        rows = "wide".equals(shape) ? SampleRows.wideRows(SampleRows.BATCH) : SampleRows.orderLines(SampleRows.BATCH);
        encoded = SampleRows.encoded(rows);
        row = new Object[rows[0].length];
    }

    @Benchmark
    @OperationsPerInvocation(SampleRows.BATCH)
    public int encodeRows() {
        int bytes = 0;
        for (Object[] r : rows) {
            buffer.reset();
            for (Object v : r) {
                encoder.encode(v, buffer);
            }
            bytes += buffer.size();
        }
        return bytes;
    }

    @Benchmark
    @OperationsPerInvocation(SampleRows.BATCH)
    public void decodeRows(Blackhole sink) throws IOException {
        ValueInput in = new ValueInput(new ByteArrayInputStream(encoded));
        for (int i = 0; i < SampleRows.BATCH; i++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = ValueDecoder.decode(in.readByte(), in);
            }
            sink.consume(row);
        }
    }
}
