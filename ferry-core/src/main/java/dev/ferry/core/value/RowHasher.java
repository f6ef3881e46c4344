package dev.ferry.core.value;

import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Hashes rows in their canonical encoding into a {@link ContentHash}. The canonical form is defined
 * in docs/ARCHIVE-FORMAT.md; two rows hash equal exactly when their canonical values are equal.
 * One instance per thread.
 */
public final class RowHasher {
    private static final XXHash64 XXH = XXHashFactory.fastestJavaInstance().hash64();
    private static final long SEED_A = 0x9E3779B97F4A7C15L;
    private static final long SEED_B = 0x243F6A8885A308D3L;

    private final ValueEncoder canonical = new ValueEncoder(true);
    private final GrowableBytes buf = new GrowableBytes();
    private final ContentHash hash = new ContentHash();

    public void add(Object[] row) {
        buf.reset();
        for (Object v : row) {
            canonical.encode(v, buf);
        }
        hash.addRow(XXH.hash(buf.array(), 0, buf.size(), SEED_A), XXH.hash(buf.array(), 0, buf.size(), SEED_B));
    }

    public ContentHash hash() {
        return hash;
    }
}
