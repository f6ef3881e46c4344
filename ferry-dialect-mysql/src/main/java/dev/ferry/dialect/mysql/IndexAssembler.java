package dev.ferry.dialect.mysql;

import dev.ferry.core.model.Index;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Collects the STATISTICS rows of one index and files it as the primary key, a unique constraint
 * (plain BTREE unique on whole columns) or an {@link Index} whose definition is the key clause as
 * SHOW CREATE TABLE writes it, prefix lengths and DESC included.
 */
final class IndexAssembler {
    private final TableDraft table;
    private final String name;
    private final boolean unique;
    private final String indexType;
    private final String comment;
    private final List<Index.Part> parts = new ArrayList<>();
    private final List<Integer> prefixLengths = new ArrayList<>();

    IndexAssembler(TableDraft table, String name, boolean unique, String indexType, String comment) {
        this.table = table;
        this.name = name;
        this.unique = unique;
        this.indexType = indexType == null ? "BTREE" : indexType.toUpperCase(Locale.ROOT);
        this.comment = comment == null || comment.isEmpty() ? null : comment;
    }

    void addPart(String columnOrExpression, boolean expression, Integer prefixLength, boolean descending) {
        parts.add(new Index.Part(columnOrExpression, expression, descending));
        prefixLengths.add(indexType.equals("SPATIAL") ? null : prefixLength); // SPATIAL reports 32, not a prefix
    }

    void finish() {
        List<String> columns = parts.stream().map(Index.Part::column).toList();
        if (name.equals("PRIMARY")) {
            table.primaryKey = new PrimaryKey("PRIMARY", columns);
        } else if (unique && isPlain()) {
            table.uniques.add(new UniqueConstraint(name, columns));
        } else {
            table.indexes.add(new Index(name, unique, parts, indexType.toLowerCase(Locale.ROOT), null, definition()));
        }
    }

    private boolean isPlain() {
        return indexType.equals("BTREE") && comment == null && parts.stream().noneMatch(Index.Part::expression)
                && prefixLengths.stream().allMatch(p -> p == null) && parts.stream().noneMatch(Index.Part::descending);
    }

    /** The key clause, e.g. {@code UNIQUE KEY `u` (`a`(10),`b` DESC) USING HASH}. */
    String definition() {
        return keyClause(name, unique, indexType, parts, prefixLengths, comment);
    }

    static String keyClause(String name, boolean unique, String indexType, List<Index.Part> parts,
                            List<Integer> prefixLengths, String comment) {
        StringBuilder sb = new StringBuilder(switch (indexType) {
            case "FULLTEXT" -> "FULLTEXT KEY ";
            case "SPATIAL" -> "SPATIAL KEY ";
            default -> unique ? "UNIQUE KEY " : "KEY ";
        });
        sb.append(Sql.quote(name)).append(" (");
        for (int i = 0; i < parts.size(); i++) {
            Index.Part p = parts.get(i);
            sb.append(i == 0 ? "" : ",").append(p.expression() ? "(" + p.column() + ")" : Sql.quote(p.column()));
            Integer prefix = i < prefixLengths.size() ? prefixLengths.get(i) : null;
            sb.append(prefix == null ? "" : "(" + prefix + ")").append(p.descending() ? " DESC" : "");
        }
        sb.append(')');
        if (indexType.equals("HASH")) {
            sb.append(" USING HASH");
        }
        if (comment != null) {
            sb.append(" COMMENT ").append(Sql.literal(comment));
        }
        return sb.toString();
    }

    /** A key clause built from the portable parts, for an index that came without a definition. */
    static String keyClause(Index index) {
        String type = index.method() == null ? "BTREE" : index.method().toUpperCase(Locale.ROOT);
        return keyClause(index.name(), index.unique(), type, index.parts(),
                index.parts().stream().map(p -> (Integer) null).collect(Collectors.toList()), null);
    }
}
