package dev.ferry.ops.merge;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.plan.ForeignKeyGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The archive's tables matched to the target's, in foreign-key order (parents first). A foreign key to a
 * table later in that order, or to its own table, is deferred: its columns are inserted NULL and set once
 * every row is in. Internal.
 */
final class MergeModel {
    final List<MergeTable> order = new ArrayList<>();
    final Map<QualifiedName, MergeTable> byName = new LinkedHashMap<>();

    MergeModel(Schema archive, Schema target, List<String> matches) {
        List<Table> targets = new ArrayList<>();
        Map<QualifiedName, Table> archived = new HashMap<>();
        for (Table a : archive.tables()) {
            Table t = find(target.tables(), a.name());
            targets.add(t);
            archived.put(t.name(), a);
        }
        for (Table t : new ForeignKeyGraph(targets).loadOrder()) {
            MergeTable m = new MergeTable(archived.get(t.name()), t);
            order.add(m);
            byName.put(t.name(), m);
        }
        for (int i = 0; i < order.size(); i++) {
            MergeTable child = order.get(i);
            for (ForeignKey fk : child.target.foreignKeys()) {
                Table parent = parentOf(fk, target);
                MergeTable merged = byName.get(parent.name());
                child.addReference(fk, parent, merged != null && order.indexOf(merged) >= i);
            }
        }
        matches.forEach(this::addMatch);
    }

    private static Table find(List<Table> tables, QualifiedName name) {
        List<Table> found = tables.stream().filter(t -> t.name().equals(name)).toList();
        if (found.isEmpty()) {
            found = tables.stream().filter(t -> t.name().name().equals(name.name())).toList();
        }
        if (found.size() != 1) {
            throw new FerryException(ErrorCode.MERGE_REFUSED, "Cannot merge table " + name + ": the target has "
                    + (found.isEmpty() ? "no such table" : "several tables of that name") + ". A merge adds rows to the"
                    + " tables the target already has; create them first (the app's migrations). Nothing was written.");
        }
        return found.get(0);
    }

    private static Table parentOf(ForeignKey fk, Schema target) {
        return target.tables().stream().filter(t -> t.name().equals(fk.referencedTable())).findFirst().orElseThrow(() ->
                new FerryException(ErrorCode.MERGE_REFUSED, "The target's foreign key " + fk.name() + " references "
                        + fk.referencedTable() + ", which the target does not have. Nothing was written."));
    }

    /** {@code --match <table>:<col>[,<col>...]}. */
    private void addMatch(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new FerryException(ErrorCode.USAGE, "--match " + spec + ": expected <table>:<column>[,<column>...],"
                    + " e.g. --match access_key:project_id,name");
        }
        String tableName = spec.substring(0, colon).trim();
        MergeTable table = byName.values().stream().filter(m -> m.target.name().toString().equals(tableName)
                || m.target.name().name().equals(tableName)).findFirst().orElseThrow(() -> new FerryException(
                ErrorCode.USAGE, "--match " + spec + ": the archive has no table " + tableName));
        if (table.key == null) {
            throw new FerryException(ErrorCode.USAGE, "--match " + spec + ": table " + tableName + " has no primary key,"
                    + " so a matched row could not be referenced");
        }
        List<String> columns = Arrays.stream(spec.substring(colon + 1).split(",")).map(String::trim).toList();
        for (String c : columns) {
            if (table.columns.stream().noneMatch(col -> col.name().equals(c))) {
                throw new FerryException(ErrorCode.USAGE, "--match " + spec + ": table " + tableName + " has no column " + c);
            }
        }
        table.match = table.positions(columns);
    }
}
