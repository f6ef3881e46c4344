package dev.ferry.migrate.set;

import dev.ferry.core.change.SchemaChange;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.ReferentialAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a {@code .ops} migration: portable schema changes, one per line (a trailing {@code ;} is
 * allowed; {@code #} and {@code --} start comments). Keywords are case-insensitive; names are bare
 * or double-quoted. Types and expressions are SQL text. See docs/MIGRATIONS.md for the grammar:
 * <pre>
 * add column items.destination VARCHAR(200) NOT NULL DEFAULT ''
 * drop column items.legacy_code
 * rename column items.dest to destination
 * alter column items.price type DECIMAL(10,2) not null default 0
 * add foreign key items_owner_fk on items (owner_id) references owners (id) on delete cascade
 * add check items_price_positive on items (price &gt; 0)
 * add unique items_sku_key on items (sku)
 * drop constraint items_sku_key on items
 * </pre>
 */
public final class OpsFile {
    private static final String ID = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern ADD_COLUMN = op("add\\s+column\\s+" + ID + "\\." + ID + "\\s+(.+)");
    private static final Pattern DROP_COLUMN = op("drop\\s+column\\s+" + ID + "\\." + ID);
    private static final Pattern RENAME_COLUMN = op("rename\\s+column\\s+" + ID + "\\." + ID + "\\s+to\\s+" + ID);
    private static final Pattern ALTER_COLUMN = op("alter\\s+column\\s+" + ID + "\\." + ID + "\\s+(.+)");
    private static final Pattern ADD_FK = op("add\\s+foreign\\s+key\\s+" + ID + "\\s+on\\s+" + ID + "\\s*\\(([^)]+)\\)\\s*"
            + "references\\s+" + ID + "\\s*\\(([^)]+)\\)(?:\\s+on\\s+delete\\s+(cascade|set\\s+null|set\\s+default|restrict|no\\s+action))?");
    private static final Pattern ADD_CHECK = op("add\\s+check\\s+" + ID + "\\s+on\\s+" + ID + "\\s*\\((.+)\\)");
    private static final Pattern ADD_UNIQUE = op("add\\s+unique\\s+" + ID + "\\s+on\\s+" + ID + "\\s*\\(([^)]+)\\)");
    private static final Pattern DROP_CONSTRAINT = op("drop\\s+constraint\\s+" + ID + "\\s+on\\s+" + ID);
    private static final Set<String> CLAUSES = Set.of("TYPE", "NOT", "NULL", "DEFAULT", "DROP");

    private OpsFile() {
    }

    /** The changes of a file, in order; {@code where} names it in messages. */
    public static List<SchemaChange> parse(String text, String where) {
        List<SchemaChange> out = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.endsWith(";")) {
                line = line.substring(0, line.length() - 1).strip();
            }
            if (!line.isEmpty()) {
                out.add(parseLine(line, where + " line " + (i + 1)));
            }
        }
        return out;
    }

    private static SchemaChange parseLine(String line, String where) {
        Matcher m;
        if ((m = ADD_COLUMN.matcher(line)).matches()) {
            Clauses c = Clauses.parse(m.group(3), true, where);
            return new SchemaChange.AddColumn(name(m.group(1)), name(m.group(2)), c.type, c.nullable == null || c.nullable,
                    c.defaultSql);
        } else if ((m = DROP_COLUMN.matcher(line)).matches()) {
            return new SchemaChange.DropColumn(name(m.group(1)), name(m.group(2)));
        } else if ((m = RENAME_COLUMN.matcher(line)).matches()) {
            return new SchemaChange.RenameColumn(name(m.group(1)), name(m.group(2)), name(m.group(3)));
        } else if ((m = ALTER_COLUMN.matcher(line)).matches()) {
            Clauses c = Clauses.parse(m.group(3), false, where);
            return new SchemaChange.AlterColumn(name(m.group(1)), name(m.group(2)), c.type, c.nullable, c.defaultSql, c.dropDefault);
        } else if ((m = ADD_FK.matcher(line)).matches()) {
            ReferentialAction onDelete = m.group(6) == null ? null : ReferentialAction.fromSql(m.group(6).replaceAll("\\s+", " "));
            return new SchemaChange.AddForeignKey(name(m.group(2)), name(m.group(1)), names(m.group(3)), name(m.group(4)),
                    names(m.group(5)), onDelete);
        } else if ((m = ADD_CHECK.matcher(line)).matches()) {
            return new SchemaChange.AddCheck(name(m.group(2)), name(m.group(1)), m.group(3).strip());
        } else if ((m = ADD_UNIQUE.matcher(line)).matches()) {
            return new SchemaChange.AddUnique(name(m.group(2)), name(m.group(1)), names(m.group(3)));
        } else if ((m = DROP_CONSTRAINT.matcher(line)).matches()) {
            return new SchemaChange.DropConstraint(name(m.group(2)), name(m.group(1)));
        }
        throw new FerryException(ErrorCode.INVALID_MIGRATIONS, where + ": '" + line + "' is not a portable change; use add column,"
                + " drop column, rename column, alter column, add foreign key, add check, add unique or drop constraint"
                + " (docs/MIGRATIONS.md)");
    }

    /** The type, nullability and default clauses of a column definition or alteration. */
    private static final class Clauses {
        String type;
        Boolean nullable;
        String defaultSql;
        boolean dropDefault;

        static Clauses parse(String text, boolean typeFirst, String where) {
            List<String> words = words(text);
            Clauses c = new Clauses();
            int i = 0;
            if (typeFirst) {
                int end = nextClause(words, 0);
                c.type = String.join(" ", words.subList(0, end));
                i = end;
            }
            while (i < words.size()) {
                String w = words.get(i).toUpperCase(Locale.ROOT);
                int end = nextClause(words, i + 1);
                if (w.equals("TYPE") && !typeFirst && end > i + 1) {
                    c.type = String.join(" ", words.subList(i + 1, end));
                } else if (w.equals("NOT") && i + 1 < words.size() && words.get(i + 1).equalsIgnoreCase("NULL")) {
                    c.nullable = false;
                    end = i + 2;
                } else if (w.equals("NULL")) {
                    c.nullable = true;
                } else if (w.equals("DEFAULT") && end > i + 1) {
                    c.defaultSql = String.join(" ", words.subList(i + 1, end));
                } else if (w.equals("DROP") && i + 1 < words.size() && words.get(i + 1).equalsIgnoreCase("DEFAULT")) {
                    c.dropDefault = true;
                    end = i + 2;
                } else {
                    throw new FerryException(ErrorCode.INVALID_MIGRATIONS, where + ": cannot read '" + text + "' at '"
                            + words.get(i) + "'; expected " + (typeFirst ? "" : "type T, ") + "not null, null, default X"
                            + (typeFirst ? "" : " or drop default"));
                }
                i = end;
            }
            if (typeFirst && (c.type == null || c.type.isEmpty())) {
                throw new FerryException(ErrorCode.INVALID_MIGRATIONS, where + ": the new column needs a type");
            }
            return c;
        }

        private static int nextClause(List<String> words, int from) {
            int i = from;
            while (i < words.size() && !CLAUSES.contains(words.get(i).toUpperCase(Locale.ROOT))) {
                i++;
            }
            return i;
        }
    }

    /** Splits at whitespace outside quotes and parentheses. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (char ch : text.toCharArray()) {
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (Character.isWhitespace(ch) && depth == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            cur.append(ch);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String stripComment(String line) {
        String t = line.strip();
        return t.startsWith("#") || t.startsWith("--") ? "" : line;
    }

    private static String name(String id) {
        return id.startsWith("\"") ? id.substring(1, id.length() - 1).replace("\"\"", "\"") : id;
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).map(OpsFile::name).toList();
    }

    private static Pattern op(String regex) {
        return Pattern.compile("(?is)" + regex);
    }
}
