package dev.ferry.core.closure;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a root condition against one table. The grammar is a small subset of SQL:
 * <pre>
 * expr      := and ( OR and )*
 * and       := unary ( AND unary )*
 * unary     := NOT unary | '(' expr ')' | predicate
 * predicate := operand op operand           -- one side a column, the other a literal
 *            | column [NOT] IN ( literal, ... )
 *            | column IS [NOT] NULL
 * op        := = | &lt;&gt; | != | &lt; | &lt;= | &gt; | &gt;=
 * literal   := number | 'text' | TRUE | FALSE | NULL
 * </pre>
 * Columns are the table's own (bare, {@code "quoted"} or {@code `quoted`}); anything else (a
 * function call, a subquery, a second statement, a comment) is refused with its position.
 */
public final class RootCondition {
    private final Table table;
    private final String text;
    private final List<Token> tokens;
    private int at;

    private RootCondition(Table table, String text) {
        this.table = table;
        this.text = text;
        this.tokens = Token.scan(text, this::error);
    }

    /** The condition, bound to positions in {@code table.loadedColumns()}; a FerryException (USAGE) if invalid. */
    public static Condition parse(Table table, String text) {
        RootCondition p = new RootCondition(table, text);
        if (p.tokens.isEmpty()) {
            throw p.error("the condition is empty", 0);
        }
        Condition c = p.expression();
        if (p.at < p.tokens.size()) {
            throw p.error("unexpected '" + p.peek().text() + "'", p.peek().position());
        }
        return c;
    }

    private Condition expression() {
        Condition left = conjunction();
        while (accept("OR")) {
            left = new Condition.Or(left, conjunction());
        }
        return left;
    }

    private Condition conjunction() {
        Condition left = unary();
        while (accept("AND")) {
            left = new Condition.And(left, unary());
        }
        return left;
    }

    private Condition unary() {
        if (accept("NOT")) {
            return new Condition.Not(unary());
        }
        if (accept("(")) {
            Condition inner = expression();
            expect(")");
            return inner;
        }
        return predicate();
    }

    private Condition predicate() {
        Token first = next("a column or a value");
        if (first.kind() == Token.Kind.IDENTIFIER) {
            int column = column(first);
            if (accept("IS")) {
                boolean negated = accept("NOT");
                expect("NULL");
                return new Condition.IsNull(column, negated);
            }
            boolean negated = accept("NOT");
            if (negated || peekIs("IN")) {
                expect("IN");
                return new Condition.In(column, literalList(), negated);
            }
            String op = operator();
            return new Condition.Compare(column, op, literal(next("a value")));
        }
        Object value = literal(first);
        String op = operator();
        Token second = next("a column");
        if (second.kind() != Token.Kind.IDENTIFIER) {
            throw error("one side of '" + op + "' must be a column of " + table.name(), second.position());
        }
        return new Condition.Compare(column(second), mirror(op), value);
    }

    private List<Object> literalList() {
        expect("(");
        List<Object> values = new ArrayList<>();
        do {
            values.add(literal(next("a value")));
        } while (accept(","));
        expect(")");
        return values;
    }

    private String operator() {
        Token t = next("a comparison (=, <>, <, <=, >, >=, IN, IS NULL)");
        if (t.kind() != Token.Kind.OPERATOR) {
            throw error("expected a comparison (=, <>, <, <=, >, >=, IN, IS NULL) but found '" + t.text() + "'",
                    t.position());
        }
        return t.text().equals("!=") ? "<>" : t.text();
    }

    private static String mirror(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private Object literal(Token t) {
        return switch (t.kind()) {
            case NUMBER -> number(t);
            case STRING -> t.text();
            case KEYWORD -> switch (t.text()) {
                case "TRUE" -> Boolean.TRUE;
                case "FALSE" -> Boolean.FALSE;
                case "NULL" -> null;
                default -> throw error("expected a value but found " + t.text(), t.position());
            };
            case IDENTIFIER -> throw error("expected a value but found column " + t.text()
                    + " (compare a column with a literal, not with another column)", t.position());
            default -> throw error("expected a value but found '" + t.text() + "'", t.position());
        };
    }

    private Object number(Token t) {
        try {
            return Token.number(t.text());
        } catch (IllegalArgumentException e) {
            throw error("'" + t.text() + "' is not a number", t.position());
        }
    }

    private int column(Token t) {
        List<Column> columns = table.loadedColumns();
        for (int i = 0; i < columns.size(); i++) {
            if (t.quoted() ? columns.get(i).name().equals(t.text()) : columns.get(i).name().equalsIgnoreCase(t.text())) {
                return i;
            }
        }
        throw error("table " + table.name() + " has no column " + t.text() + " (its columns: "
                + String.join(", ", columns.stream().map(Column::name).toList()) + ")", t.position());
    }

    private boolean accept(String word) {
        if (peekIs(word)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean peekIs(String word) {
        Token t = peek();
        return t != null && t.kind() != Token.Kind.STRING && t.kind() != Token.Kind.IDENTIFIER && t.text().equals(word);
    }

    private void expect(String word) {
        Token t = next("'" + word + "'");
        if (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.IDENTIFIER || !t.text().equals(word)) {
            throw error("expected '" + word + "' but found '" + t.text() + "'", t.position());
        }
    }

    private Token peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private Token next(String expected) {
        if (at >= tokens.size()) {
            throw error("expected " + expected + " at the end", text.length());
        }
        return tokens.get(at++);
    }

    private FerryException error(String what, int position) {
        return new FerryException(ErrorCode.USAGE, "--root " + table.name() + ":" + text + ": " + what
                + " (at character " + (position + 1) + "). A root condition may use the table's columns, literals,"
                + " = <> < <= > >=, IN, IS [NOT] NULL, AND, OR, NOT and parentheses.");
    }
}
