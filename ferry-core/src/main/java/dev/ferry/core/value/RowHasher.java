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
    private long lastA;
    private long lastB;

    public void add(Object[] row) {
        encode(row);
        lastA = XXH.hash(buf.array(), 0, buf.size(), SEED_A);
        lastB = XXH.hash(buf.array(), 0, buf.size(), SEED_B);
        hash.addRow(lastA, lastB);
    }

    /** The first of the two hashes of the row {@link #add} took last. */
    public long lastA() {
        return lastA;
    }

    /** The second of the two hashes of the row {@link #add} took last. */
    public long lastB() {
        return lastB;
    }

    /** The hash of some values in canonical form (e.g. a row's key), without adding them to the proof. */
    public long hashOf(Object[] values) {
        encode(values);
        return XXH.hash(buf.array(), 0, buf.size(), SEED_A);
    }

    private void encode(Object[] values) {
        buf.reset();
        for (Object v : values) {
            canonical.encode(v, buf);
        }
    }

    public ContentHash hash() {
        return hash;
    }
}
