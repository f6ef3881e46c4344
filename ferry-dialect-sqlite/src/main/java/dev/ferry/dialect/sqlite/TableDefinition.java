package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table's CREATE TABLE text as an editable list of column and constraint definitions, so a
 * rebuild keeps everything the user wrote (types, collations, checks, generated columns,
 * WITHOUT ROWID, STRICT) except what the change names.
 */
final class TableDefinition {
    private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");
    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE",
            "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");

    private final String table;
    private final List<String> definitions;
    private final String tail;

    TableDefinition(String table, String createSql) {
        this.table = table;
        int open = createSql.indexOf('(');
        int close = CreateTableSql.closing(createSql, open);
        this.definitions = new ArrayList<>(new CreateTableSql(createSql).definitions());
        this.tail = close + 1 < createSql.length() ? createSql.substring(close + 1).strip() : "";
    }

    /** The CREATE TABLE statement for {@code name} with the current definitions. */
    String createSql(String name) {
        return "CREATE TABLE " + SqliteDialect.quoteIdentifier(name) + " (\n  " + String.join(",\n  ", definitions) + "\n)"
                + (tail.isEmpty() ? "" : " " + tail);
    }

    void dropColumn(String column) {
        int at = columnIndex(column);
        for (String def : definitions) {
            if (isConstraint(def) && mentions(def, column)) {
                throw new FerryException(ErrorCode.MIGRATION_FAILED, "Cannot drop column " + table + "." + column
                        + ": the table constraint '" + def + "' uses it. Drop or change that constraint first"
                        + " (drop constraint NAME on " + table + ").");
            }
        }
        definitions.remove(at);
    }

    void addColumn(String definition) {
        int firstConstraint = 0;
        while (firstConstraint < definitions.size() && !isConstraint(definitions.get(firstConstraint))) {
            firstConstraint++;
        }
        definitions.add(firstConstraint, definition);
    }

    void addConstraint(String definition) {
        definitions.add(definition);
    }

    void dropConstraint(String name) {
        boolean removed = definitions.removeIf(d -> words(d).size() > 1 && words(d).get(0).equalsIgnoreCase("CONSTRAINT")
                && unquote(words(d).get(1)).equalsIgnoreCase(name));
        if (!removed) {
            throw new FerryException(ErrorCode.MIGRATION_FAILED, "Table " + table + " has no table constraint named " + name
                    + "; SQLite can drop only constraints declared as CONSTRAINT " + name + " ... in the table definition.");
        }
    }

    /** Replaces a column's type, nullability or default, keeping its other constraints. */
    void alterColumn(String column, String type, Boolean nullable, String defaultSql, boolean dropDefault) {
        int at = columnIndex(column);
        List<String> parts = words(definitions.get(at));
        int typeEnd = 1;
        while (typeEnd < parts.size() && !COLUMN_CONSTRAINT_WORDS.contains(parts.get(typeEnd).toUpperCase(Locale.ROOT))) {
            typeEnd++;
        }
        List<String> out = new ArrayList<>();
        out.add(parts.get(0));
        out.add(type != null ? type : String.join(" ", parts.subList(1, typeEnd)));
        for (int i = typeEnd; i < parts.size(); i++) {
            String w = parts.get(i).toUpperCase(Locale.ROOT);
            boolean notNull = w.equals("NOT") && i + 1 < parts.size() && parts.get(i + 1).equalsIgnoreCase("NULL");
            if (nullable != null && notNull) {
                i++;
            } else if (nullable != null && w.equals("NULL")) {
                continue;
            } else if ((defaultSql != null || dropDefault) && w.equals("DEFAULT")) {
                i++;
            } else {
                out.add(parts.get(i));
            }
        }
        if (nullable != null && !nullable) {
            out.add("NOT NULL");
        }
        if (defaultSql != null) {
            out.add("DEFAULT " + defaultSql);
        }
        definitions.set(at, String.join(" ", out).replace("  ", " ").strip());
    }

    private int columnIndex(String column) {
        for (int i = 0; i < definitions.size(); i++) {
            String def = definitions.get(i);
            if (!isConstraint(def) && unquote(words(def).get(0)).equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new FerryException(ErrorCode.MIGRATION_FAILED, "Table " + table + " has no column " + column + ".");
    }

    private static boolean isConstraint(String def) {
        return CONSTRAINT_WORDS.contains(words(def).get(0).toUpperCase(Locale.ROOT));
    }

    /** Whether {@code sql} uses {@code column} as a whole word (quoted or not), case-insensitively. */
    static boolean mentions(String sql, String column) {
        return Pattern.compile("(?i)(^|[^\\w$])[\"`\\[]?" + Pattern.quote(column) + "[\"`\\]]?($|[^\\w$])").matcher(sql).find();
    }

    static String unquote(String identifier) {
        String s = identifier;
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '`' || s.charAt(0) == '[')) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Splits a definition at top-level whitespace, keeping quoted text and parenthesised groups whole. */
    static List<String> words(String def) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < def.length(); i++) {
            char c = def.charAt(i);
            if (c == '(' || c == '\'' || c == '"' || c == '`' || c == '[') {
                int end = c == '(' ? CreateTableSql.closing(def, i) : closingQuote(def, i);
                cur.append(def, i, Math.min(def.length(), end + 1));
                i = end;
            } else if (Character.isWhitespace(c)) {
                flush(out, cur);
            } else {
                cur.append(c);
            }
        }
        flush(out, cur);
        return out;
    }

    private static int closingQuote(String s, int open) {
        char close = s.charAt(open) == '[' ? ']' : s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == close) {
                if (close != ']' && i + 1 < s.length() && s.charAt(i + 1) == close) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return s.length() - 1;
    }

    private static void flush(List<String> out, StringBuilder cur) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }
}
