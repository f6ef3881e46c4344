package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.ReferentialAction;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.model.UniqueConstraint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MysqlDdlTest {
    private static final Table ORDER = new Table(QualifiedName.of("Order"),
            List.of(new Column("Select", DataType.of(TypeKind.INTEGER, "int(11)"), false, null,
                            new Identity(Identity.Generation.AUTO_INCREMENT, null, 1, 1, 10L), null, false, null, null),
                    new Column("Key", DataType.of(TypeKind.VARCHAR, "varchar(40)"), true, "'it''s'", null, null, false,
                            "latin1_swedish_ci", "the `key`"),
                    new Column("ts", DataType.of(TypeKind.TIMESTAMP_TZ, "timestamp(6)"), false, "current_timestamp(6)",
                            null, null, false, null, null),
                    new Column("double", DataType.of(TypeKind.INTEGER, "int(11)"), true, null, null, "`Select` * 2", true,
                            null, null)),
            new PrimaryKey("PRIMARY", List.of("Select")), List.of(new UniqueConstraint("uq", List.of("Key"))),
            List.of(new ForeignKey("fk", List.of("Select"), QualifiedName.of("other"), List.of("id"),
                    ReferentialAction.CASCADE, ReferentialAction.SET_NULL, false, false)),
            List.of(new Index("ix", false, List.of(Index.Part.column("Key")), "btree", null, "KEY `ix` (`Key`(5))")),
            List.of(new CheckConstraint("ck", "`Select` > 0")),
            Map.of("engine", "InnoDB", "collation", "utf8mb4_general_ci", "on_update.ts", "current_timestamp(6)"),
            "Mary's", 0);

    @Test
    void createTableCarriesEverythingInOneStatement() {
        assertThat(MysqlDdl.createTable(ORDER, "ferry_stage_x")).isEqualTo("""
                CREATE TABLE `ferry_stage_x`.`Order` (
                  `Select` int(11) NOT NULL AUTO_INCREMENT,
                  `Key` varchar(40) CHARACTER SET latin1 COLLATE latin1_swedish_ci NULL DEFAULT 'it''s' COMMENT 'the `key`',
                  `ts` timestamp(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
                  `double` int(11) GENERATED ALWAYS AS (`Select` * 2) STORED,
                  PRIMARY KEY (`Select`),
                  UNIQUE KEY `uq` (`Key`),
                  KEY `ix` (`Key`(5)),
                  CONSTRAINT `ck` CHECK (`Select` > 0),
                  CONSTRAINT `fk` FOREIGN KEY (`Select`) REFERENCES `ferry_stage_x`.`other` (`id`) ON DELETE CASCADE ON UPDATE SET NULL
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Mary''s'""");
    }

    @Test
    void identifiersAndLiteralsAreEscaped() {
        assertThat(Sql.quote("we`ird")).isEqualTo("`we``ird`");
        assertThat(Sql.literal("a\\'b")).isEqualTo("'a\\\\''b'");
    }

    @Test
    void keyClauseFromPartsWhenNoDefinition() {
        Index desc = new Index("d", true, List.of(new Index.Part("a", false, true)), "btree", null, null);
        assertThat(IndexAssembler.keyClause(desc)).isEqualTo("UNIQUE KEY `d` (`a` DESC)");
        Index ft = new Index("f", false, List.of(Index.Part.column("body")), "fulltext", null, null);
        assertThat(IndexAssembler.keyClause(ft)).isEqualTo("FULLTEXT KEY `f` (`body`)");
    }

    @Test
    void insertAndOrphanQueriesUseQuotedNamesAndPlaceholders() {
        assertThat(BatchInsertSink.insertSql(ORDER, "s", 2))
                .isEqualTo("INSERT INTO `s`.`Order` (`Select`, `Key`, `ts`) VALUES (?, ?, ?), (?, ?, ?)");
        assertThat(ForeignKeyCheck.orphanSql("s", ORDER, ORDER.foreignKeys().get(0))).isEqualTo(
                "SELECT c.`Select` FROM `s`.`Order` c WHERE 1 = 1 AND c.`Select` IS NOT NULL AND NOT EXISTS "
                        + "(SELECT 1 FROM `s`.`other` p WHERE p.`id` = c.`Select`) LIMIT 1");
        assertThat(MysqlRowCursor.selectSql(ORDER)).isEqualTo("SELECT `Select`, `Key`, `ts` FROM `Order`");
    }

    @Test
    void definersAreStrippedAndViewsOrderedByReference() {
        assertThat(ObjectReader.withoutDefiner("CREATE DEFINER=`root`@`127.0.0.1` trigger t before insert on p for each row set new.a = 1"))
                .isEqualTo("CREATE trigger t before insert on p for each row set new.a = 1");
        assertThat(ObjectReader.withoutDefiner("CREATE DEFINER=`a``b`@`%` FUNCTION `f`() RETURNS int RETURN 1"))
                .isEqualTo("CREATE FUNCTION `f`() RETURNS int RETURN 1");
        assertThat(ViewOrder.sort(new java.util.LinkedHashMap<>(Map.of("a", "select `x` from `b`", "b", "select 1 AS `x`"))))
                .containsExactly("b", "a");
    }

    @Test
    void mysqlSchemeGetsThePermitFlag() {
        assertThat(MysqlConnector.driverUrl("jdbc:mysql://h/db")).isEqualTo("jdbc:mysql://h/db?permitMysqlScheme");
        assertThat(MysqlConnector.driverUrl("jdbc:mysql://h/db?a=b")).isEqualTo("jdbc:mysql://h/db?a=b&permitMysqlScheme");
        assertThat(MysqlConnector.driverUrl("jdbc:mariadb://h/db")).isEqualTo("jdbc:mariadb://h/db");
        assertThat(KeyReader.isJsonValidOf("j", "json_valid(`j`)")).isTrue();
        assertThat(KeyReader.isJsonValidOf("j", "json_valid(`k`)")).isFalse();
    }
}
