package dev.ferry.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.FerryException;
import org.junit.jupiter.api.Test;

class TableDefinitionTest {
    private static final String ITEMS = "CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL COLLATE NOCASE,"
            + " price NUMERIC DEFAULT 0 CHECK (price >= 0), legacy TEXT, owner_id INTEGER REFERENCES owners(id),"
            + " CONSTRAINT items_name_key UNIQUE (name)) STRICT";

    @Test
    void dropColumnKeepsEverythingElse() {
        TableDefinition def = new TableDefinition("items", ITEMS);
        def.dropColumn("legacy");
        assertThat(def.createSql("t")).isEqualTo("CREATE TABLE \"t\" (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                + "  name TEXT NOT NULL COLLATE NOCASE,\n  price NUMERIC DEFAULT 0 CHECK (price >= 0),\n"
                + "  owner_id INTEGER REFERENCES owners(id),\n  CONSTRAINT items_name_key UNIQUE (name)\n) STRICT");
    }

    @Test
    void dropColumnUsedByATableConstraintIsRefused() {
        TableDefinition def = new TableDefinition("items", ITEMS);
        assertThatThrownBy(() -> def.dropColumn("name")).isInstanceOf(FerryException.class)
                .hasMessageContaining("items_name_key");
    }

    @Test
    void alterColumnReplacesTypeNullabilityAndDefault() {
        TableDefinition def = new TableDefinition("items", ITEMS);
        def.alterColumn("price", "DECIMAL(10,2)", false, "1", false);
        def.alterColumn("name", null, true, null, false);
        String sql = def.createSql("t");
        assertThat(sql).contains("price DECIMAL(10,2) CHECK (price >= 0) NOT NULL DEFAULT 1")
                .contains("name TEXT COLLATE NOCASE,");
    }

    @Test
    void addAndDropConstraints() {
        TableDefinition def = new TableDefinition("items", ITEMS);
        def.addColumn("sku TEXT");
        def.addConstraint("CONSTRAINT \"sku_key\" UNIQUE (\"sku\")");
        def.dropConstraint("items_name_key");
        String sql = def.createSql("t");
        assertThat(sql).contains("owner_id INTEGER REFERENCES owners(id),\n  sku TEXT,\n  CONSTRAINT \"sku_key\"")
                .doesNotContain("items_name_key");
        assertThatThrownBy(() -> def.dropConstraint("nope")).hasMessageContaining("no table constraint named nope");
    }

    @Test
    void mentionsMatchesWholeWordsOnly() {
        assertThat(TableDefinition.mentions("(legacy, x)", "legacy")).isTrue();
        assertThat(TableDefinition.mentions("(\"legacy\")", "legacy")).isTrue();
        assertThat(TableDefinition.mentions("(legacy_code)", "legacy")).isFalse();
    }
}
