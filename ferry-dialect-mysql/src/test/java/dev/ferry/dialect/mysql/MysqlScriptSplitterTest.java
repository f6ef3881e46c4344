package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.script.ScriptStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlScriptSplitterTest {

    private static List<String> split(String script) {
        return new MysqlScriptSplitter().split(script).stream().map(ScriptStatement::sql).toList();
    }

    @Test
    void delimiterDirectiveAsTheMysqlClientDoes() {
        String script = """
                CREATE TABLE t (id INT);
                DELIMITER $$
                CREATE PROCEDURE p()
                BEGIN
                  INSERT INTO t VALUES (1);
                  SELECT 'a;b';
                END$$
                DELIMITER ;
                INSERT INTO t VALUES (2);
                """;
        assertThat(split(script)).containsExactly("CREATE TABLE t (id INT)",
                "CREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t VALUES (1);\n  SELECT 'a;b';\nEND",
                "INSERT INTO t VALUES (2)");
    }

    @Test
    void routineBodiesSplitWithoutDelimiter() {
        String script = "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN\n"
                + "  IF NEW.x < 0 THEN SET NEW.x = 0; END IF;\n"
                + "  CASE NEW.y WHEN 1 THEN SET NEW.z = 1; ELSE SET NEW.z = 2; END CASE;\n"
                + "  SET NEW.w = CASE WHEN NEW.x > 1 THEN 1 ELSE 0 END;\n"
                + "END;\nSELECT 1;";
        List<String> statements = split(script);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).endsWith("END");
        assertThat(statements.get(1)).isEqualTo("SELECT 1");
    }

    @Test
    void hashCommentsBackquotesAndBackslashEscapes() {
        assertThat(split("SELECT 'it\\'s;', `a;b` FROM t; SELECT \"x;\"")).containsExactly(
                "SELECT 'it\\'s;', `a;b` FROM t", "SELECT \"x;\"");
    }

    @Test
    void createTableIfNotExistsIsNotABlock() {
        assertThat(split("CREATE TABLE IF NOT EXISTS a (id INT); CREATE TABLE b (id INT)")).hasSize(2);
    }
}
