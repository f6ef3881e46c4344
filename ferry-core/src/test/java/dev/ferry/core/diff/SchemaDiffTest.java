package dev.ferry.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.diff.SchemaDifference.Kind;
import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.ReferentialAction;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.model.View;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
    private static final DataType INT = DataType.of(TypeKind.INTEGER, "INTEGER");
    private static final DataType TEXT = DataType.of(TypeKind.VARCHAR, "VARCHAR(100)");

    private static Table items(List<Column> columns, List<Index> indexes, List<ForeignKey> fks, List<CheckConstraint> checks) {
        return new Table(QualifiedName.of("items"), columns, new PrimaryKey(null, List.of("id")), List.of(), fks, indexes, checks,
                null, null, 0);
    }

    private static Schema schema(Table... tables) {
        return new Schema(null, null, null, List.of(tables), List.of(new View(QualifiedName.of("v"), "SELECT 1", false)), null);
    }

    @Test
    void identicalSchemasHaveNoDifferenceWhateverTheNamesOfIndexesAndCase() {
        Table a = items(List.of(Column.of("id", INT, false), Column.of("name", TEXT, true)),
                List.of(new Index("ix_1", false, List.of(Index.Part.column("name")), null, null, null)), List.of(), List.of());
        Table b = items(List.of(Column.of("ID", INT, false), Column.of("name", DataType.of(TypeKind.VARCHAR, "varchar(100)"), true)),
                List.of(new Index("other_name", false, List.of(Index.Part.column("name")), null, null, null)), List.of(), List.of());
        assertThat(new SchemaDiff(n -> false).compare(schema(a), schema(b))).isEmpty();
    }

    @Test
    void everyKindOfColumnAndConstraintDifference() {
        ForeignKey fk = new ForeignKey("fk_owner", List.of("owner_id"), QualifiedName.of("owners"), List.of("id"),
                ReferentialAction.CASCADE, null, false, false);
        Table expected = items(List.of(Column.of("id", INT, false), Column.of("destination", TEXT, true),
                        Column.of("owner_id", INT, false), Column.of("price", INT, true)),
                List.of(), List.of(fk), List.of(new CheckConstraint("c", "price > 0")));
        Table actual = items(List.of(Column.of("id", INT, false), Column.of("owner_id", INT, true),
                        Column.of("price", TEXT, true), Column.of("sneaky", INT, true)),
                List.of(new Index("extra_ix", true, List.of(Index.Part.column("price")), null, null, null)), List.of(), List.of());
        Table ghost = items(List.of(Column.of("id", INT, false)), List.of(), List.of(), List.of());
        ghost = new Table(QualifiedName.of("ghost"), ghost.columns(), null, null, null, null, null, null, null, 0);
        List<SchemaDifference> diff = new SchemaDiff(n -> n.name().startsWith("ferry_")).compare(schema(expected, ghost),
                schema(actual));
        assertThat(diff).extracting(SchemaDifference::kind).containsExactly(Kind.MISSING_TABLE, Kind.MISSING_COLUMN,
                Kind.COLUMN_NULLABILITY, Kind.COLUMN_TYPE, Kind.EXTRA_COLUMN, Kind.EXTRA_INDEX, Kind.MISSING_FOREIGN_KEY,
                Kind.MISSING_CHECK);
        assertThat(diff.get(1).describe()).isEqualTo("missing column items.destination (VARCHAR(100))");
        assertThat(diff.get(2).describe()).isEqualTo("column items.owner_id is NULL, expected NOT NULL");
    }
}
