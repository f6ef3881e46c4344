package dev.ferry.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.model.View;
import dev.ferry.core.profile.ColumnProfile;
import dev.ferry.core.profile.ProfileBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine-neutral translation, with a small target that has 10-character names and no sequences. */
class SchemaTranslatorTest {
    private static final TargetRules TINY = new TargetRules() {
        @Override
        public String engine() {
            return "tiny";
        }

        @Override
        public MappedType mapType(ColumnRequest r) {
            return r.type().kind() == TypeKind.ARRAY ? MappedType.of(DataType.of(TypeKind.JSON, "json")).withNote("array as JSON")
                    : MappedType.of(DataType.of(r.type().kind(), r.type().kind().name().toLowerCase()));
        }

        @Override
        public boolean fitsIdentifier(String identifier) {
            return identifier.length() <= 10;
        }

        @Override
        public NamedKind.Scope scopeOf(NamedKind kind) {
            return kind == NamedKind.INDEX || kind == NamedKind.TABLE ? NamedKind.Scope.NAMESPACE : NamedKind.Scope.TABLE;
        }

        @Override
        public Identity identity(Identity source, DataType target, boolean soleKey) {
            return soleKey ? new Identity(Identity.Generation.AUTO_INCREMENT, null, 1, 1, source.nextValue()) : null;
        }

        @Override
        public boolean supportsSequences() {
            return false;
        }

        @Override
        public String renderDefault(PortableDefault value, DataType target) {
            return value instanceof PortableDefault.Literal l ? "'" + l.value() + "'" : null;
        }

        @Override
        public Map<String, String> tableOptions() {
            return Map.of();
        }

        @Override
        public String quote(String identifier) {
            return "\"" + identifier + "\"";
        }
    };

    private static final Table PARENT = new Table(new QualifiedName("app", "parent"),
            List.of(new Column("id", DataType.of(TypeKind.BIGINT, "int8"), false, null,
                            new Identity(Identity.Generation.BY_DEFAULT, null, 1, 1, 42L), null, false, null, null),
                    new Column("tags", DataType.of(TypeKind.ARRAY, "text[]").withElement(DataType.of(TypeKind.TEXT, "text")),
                            true, "'{}'::text[]", null, null, false, null, null),
                    new Column("doubled", DataType.of(TypeKind.BIGINT, "int8"), true, null, null, "id * 2", true, null, null)),
            new PrimaryKey("parent_pkey", List.of("id")), null, null,
            List.of(new Index("same_name", false, List.of(Index.Part.column("tags")), "btree", null, "CREATE INDEX ..."),
                    new Index("by_expr", false, List.of(new Index.Part("lower(x)", true, false)), "btree", null, null)),
            null, Map.of("engine-specific", "x"), null, 0);
    private static final Table CHILD = new Table(new QualifiedName("public", "a_child_with_a_long_name"),
            List.of(Column.of("id", DataType.of(TypeKind.INTEGER, "int4"), false),
                    Column.of("parent_id", DataType.of(TypeKind.BIGINT, "int8"), true),
                    Column.of("when", DataType.of(TypeKind.TIMESTAMP, "DATETIME"), true)),
            new PrimaryKey(null, List.of("id")), null,
            List.of(new ForeignKey(null, List.of("parent_id"), PARENT.name(), List.of("id"), null, null, false, false)),
            List.of(new Index("same_name", false, List.of(Index.Part.column("parent_id")), null, null, null)), null, null, null, 0);

    @Test
    void translatesNamesKeysAndReportsWhatItCannotCarry() {
        Schema source = new Schema(List.of("app", "public"), null, null, List.of(PARENT, CHILD),
                List.of(new View(QualifiedName.of("v"), "SELECT 1", false)), null);
        Translation t = new SchemaTranslator(TINY, c -> DefaultParsing.common(c.defaultExpression()), Map.of()).translate(source);

        Table parent = t.target().tables().get(0);
        assertThat(parent.name()).isEqualTo(QualifiedName.of("parent"));
        assertThat(parent.columns()).extracting(Column::name).containsExactly("id", "tags");
        assertThat(parent.column("id").orElseThrow().identity().generation()).isEqualTo(Identity.Generation.AUTO_INCREMENT);
        assertThat(parent.column("tags").orElseThrow().defaultExpression()).as("PostgreSQL's cast literal is not standard").isNull();
        assertThat(parent.options()).isEmpty();
        assertThat(parent.indexes()).extracting(Index::name).containsExactly("same_name");

        Table child = t.target().tables().get(1);
        assertThat(child.name().name()).hasSize(10).startsWith("a_c_");
        assertThat(child.indexes()).extracting(Index::name).as("index names are schema-wide on this target")
                .containsExactly(child.indexes().get(0).name()).doesNotContain("same_name");
        assertThat(child.foreignKeys().get(0).referencedTable()).isEqualTo(QualifiedName.of("parent"));
        assertThat(t.forSource(CHILD.name()).kinds()).containsExactly(TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.TIMESTAMP);

        assertThat(t.changes()).extracting(c -> c.kind() + " " + c.object())
                .contains("REPRESENTATION column app.parent.tags", "NOT_CARRIED column app.parent.doubled",
                        "NOT_CARRIED index by_expr on app.parent", "NOT_CARRIED view v",
                        "RENAMED table public.a_child_with_a_long_name", "INFO schemas app, public");
    }

    @Test
    void looselyTypedColumnsBecomeWhatTheirValuesAre() {
        ProfileBuilder profile = new ProfileBuilder(CHILD.loadedColumns());
        profile.add(new Object[] {1L, 1L, "2026-11-11T12:00:00Z"});
        profile.add(new Object[] {2L, "not a number", "2026-11-11 13:00:00"});
        List<ColumnProfile> columns = profile.build();
        Translation t = new SchemaTranslator(TINY, c -> PortableDefault.NONE, Map.of(CHILD.name(), columns))
                .translate(new Schema(null, null, null, List.of(PARENT, CHILD), null, null));
        assertThat(t.forSource(CHILD.name()).kinds()).containsExactly(TypeKind.INTEGER, TypeKind.TEXT, TypeKind.TIMESTAMP_TZ);
    }
}
