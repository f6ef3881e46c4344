package dev.ferry.migrate.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.change.SchemaChange;
import dev.ferry.core.model.ReferentialAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpsFileTest {

    @Test
    void everyOperation() {
        List<SchemaChange> changes = OpsFile.parse("""
                # tidy the items table
                add column items.destination VARCHAR(200) NOT NULL DEFAULT 'x y';
                drop column items.legacy_code
                rename column items.dest to "Destination Name"
                alter column items.price type DECIMAL(10,2) not null default 0
                alter column items.note drop default
                add foreign key items_owner_fk on items (owner_id, tenant) references owners (id, tenant) on delete set null
                add check items_price_positive on items (price > 0 AND (price < 1000))
                add unique items_sku_key on items (sku)
                drop constraint items_sku_key on items
                """, "core/V4__tidy.ops");
        assertThat(changes).containsExactly(
                new SchemaChange.AddColumn("items", "destination", "VARCHAR(200)", false, "'x y'"),
                new SchemaChange.DropColumn("items", "legacy_code"),
                new SchemaChange.RenameColumn("items", "dest", "Destination Name"),
                new SchemaChange.AlterColumn("items", "price", "DECIMAL(10,2)", false, "0", false),
                new SchemaChange.AlterColumn("items", "note", null, null, null, true),
                new SchemaChange.AddForeignKey("items", "items_owner_fk", List.of("owner_id", "tenant"), "owners",
                        List.of("id", "tenant"), ReferentialAction.SET_NULL),
                new SchemaChange.AddCheck("items", "items_price_positive", "price > 0 AND (price < 1000)"),
                new SchemaChange.AddUnique("items", "items_sku_key", List.of("sku")),
                new SchemaChange.DropConstraint("items", "items_sku_key"));
    }

    @Test
    void anUnknownLineNamesFileAndLine() {
        assertThatThrownBy(() -> OpsFile.parse("\n\ntruncate items", "core/V4__x.ops"))
                .hasMessageContaining("core/V4__x.ops line 3").hasMessageContaining("is not a portable change");
        assertThatThrownBy(() -> OpsFile.parse("alter column a.b frobnicate", "f"))
                .hasMessageContaining("cannot read 'frobnicate'");
    }
}
