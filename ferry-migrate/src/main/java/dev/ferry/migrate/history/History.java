package dev.ferry.migrate.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history rows read at one moment, interpreted: which migrations are applied (a successful
 * apply not followed by a successful undo), which failed (a failed row not followed by a success
 * of the same migration), which were left running.
 */
public record History(List<HistoryRow> rows) {
    public History {
        rows = List.copyOf(rows);
    }

    /** Applied migrations by id ({@code core:3}), each with the row that applied it, in the order applied. */
    public Map<String, HistoryRow> applied() {
        Map<String, HistoryRow> out = new LinkedHashMap<>();
        for (HistoryRow r : rows) {
            if (Boolean.TRUE.equals(r.success())) {
                if (r.isUndo()) {
                    out.remove(r.id());
                } else {
                    out.put(r.id(), r);
                }
            }
        }
        return out;
    }

    /** Failed rows not superseded by a later success of the same migration (or undo). */
    public List<HistoryRow> failed() {
        return unresolved(Boolean.FALSE);
    }

    /** Rows with no outcome: a migration in progress, or one whose process died. */
    public List<HistoryRow> running() {
        return unresolved(null);
    }

    private List<HistoryRow> unresolved(Boolean state) {
        List<HistoryRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            HistoryRow r = rows.get(i);
            if (r.success() == state && !supersededAfter(i, r)) {
                out.add(r);
            }
        }
        return out;
    }

    private boolean supersededAfter(int index, HistoryRow row) {
        return rows.subList(index + 1, rows.size()).stream().anyMatch(later -> later.id().equals(row.id())
                && later.isUndo() == row.isUndo() && Boolean.TRUE.equals(later.success()));
    }

    /** The schema fingerprint recorded by the latest successful row, if any. */
    public Optional<String> expectedSchemaHash() {
        for (int i = rows.size() - 1; i >= 0; i--) {
            HistoryRow r = rows.get(i);
            if (Boolean.TRUE.equals(r.success()) && r.schemaHash() != null) {
                return Optional.of(r.schemaHash());
            }
        }
        return Optional.empty();
    }

    public int nextRank() {
        return rows.isEmpty() ? 1 : rows.get(rows.size() - 1).rank() + 1;
    }
}
