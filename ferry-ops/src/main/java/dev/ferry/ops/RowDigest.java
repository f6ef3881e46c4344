package dev.ferry.ops;

import dev.ferry.core.convert.ConversionException;
import dev.ferry.core.convert.Conversions;
import dev.ferry.core.convert.TextForms;
import dev.ferry.core.value.ContentHash;
import dev.ferry.core.value.RowHasher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One side's rows of a {@link TablePair}, in comparable form: projected onto the shared columns,
 * moved into B's kinds across engines (a value that cannot be is kept as a marker, so it shows as a
 * difference, never as an error), and hashed into the table's proof and into one of {@value #BUCKETS}
 * buckets by key. Buckets whose sums differ between the sides hold every differing row, so finding
 * them takes a second read of only those rows ({@link #collect}). Internal.
 */
final class RowDigest {
    static final int BUCKETS = 4096;

    private final TablePair pair;
    private final int[] source;
    private final Object[] comparable;
    private final Object[] key;
    private final RowHasher hasher = new RowHasher();
    private final ContentHash[] buckets = new ContentHash[BUCKETS];

    RowDigest(TablePair pair, boolean sideA) {
        this.pair = pair;
        this.source = sideA ? pair.columnsA() : pair.columnsB();
        this.comparable = new Object[source.length];
        this.key = new Object[pair.key().length];
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i] = new ContentHash();
        }
    }

    void add(Object[] row) {
        int bucket = prepare(row);
        hasher.add(comparable);
        buckets[bucket].addRow(hasher.lastA(), hasher.lastB());
    }

    ContentHash total() {
        return hasher.hash();
    }

    ContentHash bucket(int i) {
        return buckets[i];
    }

    /** The rows of the given buckets, by key text, in comparable form (a second read of the side). */
    Map<String, List<Object[]>> collect(RowStream rows, Set<Integer> wanted) throws Exception {
        Map<String, List<Object[]>> out = new HashMap<>();
        Object[] row;
        while ((row = rows.next()) != null) {
            if (wanted.contains(prepare(row))) {
                out.computeIfAbsent(keyText(), k -> new ArrayList<>()).add(comparable.clone());
            }
        }
        return out;
    }

    /** Fills {@link #comparable} and {@link #key}; returns the row's bucket. */
    private int prepare(Object[] row) {
        for (int i = 0; i < source.length; i++) {
            Object v = row[source[i]];
            comparable[i] = pair.convert() ? normalised(i, v) : v;
        }
        for (int i = 0; i < key.length; i++) {
            key[i] = comparable[pair.key()[i]];
        }
        return Math.floorMod(hasher.hashOf(key), BUCKETS);
    }

    private Object normalised(int column, Object v) {
        try {
            return Conversions.comparable(pair.kinds()[column], Conversions.convert(pair.kinds()[column], v));
        } catch (ConversionException e) {
            return "\u0000not a " + pair.kinds()[column] + ": " + TextForms.of(v);
        }
    }

    private String keyText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(pair.columns().get(pair.key()[i])).append('=')
                    .append(key[i] == null ? "NULL" : TextForms.of(key[i]));
        }
        return sb.toString();
    }
}
