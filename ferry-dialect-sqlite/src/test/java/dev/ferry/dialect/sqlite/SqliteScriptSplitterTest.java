package dev.ferry.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.script.ScriptStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteScriptSplitterTest {

    private static List<String> split(String script) {
        return new SqliteScriptSplitter().split(script).stream().map(ScriptStatement::sql).toList();
    }

    @Test
    void triggerBodiesKeepTheirStatements() {
        String script = """
                CREATE TABLE [a;b] (id INTEGER PRIMARY KEY, n TEXT);
                CREATE TRIGGER tr AFTER INSERT ON "a;b" BEGIN
                  UPDATE "a;b" SET n = CASE WHEN n IS NULL THEN 'x;' ELSE n END WHERE id = NEW.id;
                  INSERT INTO log VALUES (NEW.id);
                END;
                CREATE INDEX i ON `a;b` (n);
                """;
        List<String> statements = split(script);
        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).startsWith("CREATE TRIGGER").endsWith("END");
    }

    @Test
    void commentOnlyScriptsHaveNoStatements() {
        assertThat(split("-- nothing here;\n/* nor; here */\n")).isEmpty();
    }
}
