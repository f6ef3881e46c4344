package dev.ferry.bench.jmh;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Chunk-file costs on 4 MiB of encoded order_line rows: zstd through the same streams as the archive
 * (ZstdOutputStream/ZstdInputStream) at the default level 3 and at level 1, the same compression in
 * one call on a reused context (what a chunk-at-once writer would do), and SHA-256 of the
 * compressed bytes (computed on write, and once more before reading). Score: operations (4 MiB) per second.
 */
public class CompressionBenchmark extends ThroughputBenchmark {
    static final int BYTES = 4 << 20;

    @Param({"1", "3"})
    public int level;

    private byte[] encoded;
    private byte[] compressed;
    private final byte[] buffer = new byte[64 * 1024];
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(BYTES);
    private MessageDigest sha;
    private ZstdCompressCtx context;

    @Setup
    public void setUp() throws IOException, NoSuchAlgorithmException {
        byte[] rows = SampleRows.encoded(SampleRows.orderLines(BYTES / 40));
        encoded = java.util.Arrays.copyOf(rows, BYTES);
        compressed = compress();
        sha = MessageDigest.getInstance("SHA-256");
        context = new ZstdCompressCtx().setLevel(level);
    }

    @TearDown
    public void tearDown() {
        context.close();
    }

    @Benchmark
    public int compress4MiB() throws IOException {
        return compress().length;
    }

    /** The same bytes in one call on one context (the whole chunk at once): the alternative to streaming. */
    @Benchmark
    public int compress4MiBOneShot() {
        return context.compress(encoded).length;
    }

    @Benchmark
    public long decompress4MiB() throws IOException {
        long total = 0;
        try (ZstdInputStream in = new ZstdInputStream(new ByteArrayInputStream(compressed))) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    @Benchmark
    public byte[] sha256OfCompressed() {
        sha.reset();
        sha.update(compressed);
        return sha.digest();
    }

    private byte[] compress() throws IOException {
        sink.reset();
        try (OutputStream out = new ZstdOutputStream(sink, level)) {
            out.write(encoded);
        }
        return sink.toByteArray();
    }
}
