package dev.ferry.ops;

import dev.ferry.core.convert.TextForms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names the first differing rows of a table whose proofs differ: picks the key buckets whose sums
 * differ (enough of them to hold about {@value #ROWS_PER_PASS} rows a side, so memory stays bounded),
 * reads both sides again keeping only those buckets' rows, and compares them by key. Internal.
 */
final class RowDifferences {
    static final long ROWS_PER_PASS = 200_000;

    private final TablePair pair;
    private final int max;

    RowDifferences(TablePair pair, int max) {
        this.pair = pair;
        this.max = max;
    }

    List<DiffResult.RowDifference> find(DiffSource a, DiffSource b, RowDigest da, RowDigest db) {
        Set<Integer> buckets = differingBuckets(da, db);
        @SuppressWarnings("unchecked")
        Map<String, List<Object[]>>[] rows = new Map[2];
        Diff.both(() -> collect(a, true, da, buckets, rows, 0), () -> collect(b, false, db, buckets, rows, 1));
        List<DiffResult.RowDifference> out = new ArrayList<>();
        for (String key : new TreeSet<>(union(rows[0].keySet(), rows[1].keySet()))) {
            DiffResult.RowDifference d = compare(key, rows[0].get(key), rows[1].get(key));
            if (d != null) {
                out.add(d);
                if (out.size() == max) {
                    break;
                }
            }
        }
        return out;
    }

    private Void collect(DiffSource source, boolean sideA, RowDigest digest, Set<Integer> buckets,
                         Map<String, List<Object[]>>[] out, int slot) throws Exception {
        try (RowStream stream = source.rows(sideA ? pair.a() : pair.b())) {
            out[slot] = digest.collect(stream, buckets);
        }
        return null;
    }

    private static Set<Integer> differingBuckets(RowDigest da, RowDigest db) {
        Set<Integer> out = new HashSet<>();
        long rows = 0;
        for (int i = 0; i < RowDigest.BUCKETS && (rows < ROWS_PER_PASS || out.isEmpty()); i++) {
            if (!da.bucket(i).equals(db.bucket(i))) {
                out.add(i);
                rows += Math.max(da.bucket(i).rows(), db.bucket(i).rows());
            }
        }
        return out;
    }

    private DiffResult.RowDifference compare(String key, List<Object[]> inA, List<Object[]> inB) {
        if (inB == null) {
            return new DiffResult.RowDifference(key, "only in A", List.of());
        }
        if (inA == null) {
            return new DiffResult.RowDifference(key, "only in B", List.of());
        }
        if (inA.size() != inB.size()) {
            return new DiffResult.RowDifference(key, "differs", List.of(inA.size() + " rows with this key in A, "
                    + inB.size() + " in B"));
        }
        List<String> columns = new ArrayList<>();
        Object[] ra = inA.get(0);
        Object[] rb = inB.get(0);
        for (int i = 0; i < ra.length; i++) {
            if (!same(ra[i], rb[i])) {
                columns.add(pair.columns().get(i) + ": " + shown(ra[i]) + " in A, " + shown(rb[i]) + " in B");
            }
        }
        return columns.isEmpty() ? null : new DiffResult.RowDifference(key, "differs", columns);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return Objects.equals(a, b) || a != null && b != null && TextForms.of(a).equals(TextForms.of(b))
                && a.getClass() == b.getClass();
    }

    private static String shown(Object v) {
        if (v == null) {
            return "NULL";
        }
        String t = TextForms.of(v);
        return "'" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
