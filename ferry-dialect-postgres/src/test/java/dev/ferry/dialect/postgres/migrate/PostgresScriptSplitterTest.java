package dev.ferry.dialect.postgres.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.script.ScriptStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresScriptSplitterTest {

    private static List<String> split(String script) {
        return new PostgresScriptSplitter().split(script).stream().map(ScriptStatement::sql).toList();
    }

    @Test
    void dollarQuotedBodiesKeepTheirSemicolons() {
        String script = """
                CREATE TABLE t (id int); -- a comment; with a semicolon
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.x := 'a;b';
                  RETURN NEW;
                END;
                $$;
                CREATE FUNCTION g() RETURNS text AS $body$ SELECT 'x;' $body$ LANGUAGE sql;
                INSERT INTO t VALUES (1) /* block; comment */;
                """;
        List<String> statements = split(script);
        assertThat(statements).hasSize(4);
        assertThat(statements.get(1)).startsWith("CREATE FUNCTION f()").endsWith("$$");
        assertThat(statements.get(2)).contains("$body$ SELECT 'x;' $body$");
    }

    @Test
    void escapeStringsQuotedIdentifiersAndBeginAtomic() {
        String script = "SELECT E'it\\'s; fine';\nSELECT \"odd;name\" FROM x;\n"
                + "CREATE FUNCTION h(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END; SELECT 2; END;\n"
                + "SELECT 3";
        List<String> statements = split(script);
        assertThat(statements).containsExactly("SELECT E'it\\'s; fine'", "SELECT \"odd;name\" FROM x",
                "CREATE FUNCTION h(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END; SELECT 2; END",
                "SELECT 3");
    }

    @Test
    void linesPointAtTheStatementStart() {
        List<ScriptStatement> statements = new PostgresScriptSplitter().split("-- header\n\nSELECT 1;\n\n  SELECT\n 2;");
        assertThat(statements).extracting(ScriptStatement::line).containsExactly(3, 5);
    }

    @Test
    void aDollarSignInsideAnIdentifierIsNotAQuote() {
        assertThat(split("SELECT a$1 FROM t; SELECT 2")).containsExactly("SELECT a$1 FROM t", "SELECT 2");
    }
}
