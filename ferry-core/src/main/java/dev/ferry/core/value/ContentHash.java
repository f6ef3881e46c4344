package dev.ferry.core.value;

import java.util.Locale;

/**
 * An order-independent proof of a multiset of rows: the row count and two 64-bit sums (mod 2^64)
 * of per-row XXH64 hashes under two seeds, 128 bits in all. Sums, unlike XOR, count duplicate rows;
 * unlike sorting they need no memory; and the proofs of chunks add up to the proof of the table, so
 * parallel readers each prove their part. Mutable, not thread-safe: one per worker, then {@link #add}.
 */
public final class ContentHash {
    private long rows;
    private long sumA;
    private long sumB;

    public void addRow(long hashA, long hashB) {
        rows++;
        sumA += hashA;
        sumB += hashB;
    }

    /** Adds another chunk's proof to this one. */
    public void add(ContentHash other) {
        rows += other.rows;
        sumA += other.sumA;
        sumB += other.sumB;
    }

    public long rows() {
        return rows;
    }

    /** 32 lowercase hex digits, as written in the manifest. */
    public String hex() {
        return String.format(Locale.ROOT, "%016x%016x", sumA, sumB);
    }

    /** Parses a manifest entry back. */
    public static ContentHash of(long rows, String hex) {
        if (hex == null || hex.length() != 32) {
            throw new IllegalArgumentException("content hash must be 32 hex digits: " + hex);
        }
        ContentHash h = new ContentHash();
        h.rows = rows;
        h.sumA = Long.parseUnsignedLong(hex.substring(0, 16), 16);
        h.sumB = Long.parseUnsignedLong(hex.substring(16), 16);
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentHash h && h.rows == rows && h.sumA == sumA && h.sumB == sumB;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rows ^ sumA ^ sumB);
    }

    @Override
    public String toString() {
        return rows + " rows, " + hex();
    }
}
