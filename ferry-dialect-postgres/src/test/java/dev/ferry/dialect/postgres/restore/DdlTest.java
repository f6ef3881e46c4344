package dev.ferry.dialect.postgres.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.ReferentialAction;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.model.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DdlTest {
    private static final QualifiedName ORDER = new QualifiedName("public", "Order");
    private static final Sequence SEQ = new Sequence(new QualifiedName("app", "Order_id_seq"), "bigint", 10, 3, 1,
            Long.MAX_VALUE, false, 40, true, new Sequence.ColumnRef(ORDER, "id"));

    private static Table table(List<Column> columns) {
        return new Table(ORDER, columns, new PrimaryKey("Order_pkey", List.of("id", "select")), null, null, null, null, null, null, 0);
    }

    @Test
    void createTableQuotesEverythingAndKeepsNativeTypes() {
        Column id = new Column("id", DataType.of(TypeKind.BIGINT, "bigint"), false, null,
                new Identity(Identity.Generation.ALWAYS, SEQ.name(), 10, 3, 43L), null, false, null, null);
        Column select = new Column("select", DataType.of(TypeKind.VARCHAR, "character varying(20)"), true, "'x'::character varying",
                null, null, false, "pg_catalog.\"C\"", null);
        Column len = new Column("len", DataType.of(TypeKind.INTEGER, "integer"), true, null, null, "length(\"select\")", true, null, null);
        assertThat(Ddl.createTable(table(List.of(id, select, len)), Map.of(SEQ.name(), SEQ))).isEqualTo("""
                CREATE TABLE "public"."Order" (
                  "id" bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME "app"."Order_id_seq" START WITH 10 INCREMENT BY 3 \
                MINVALUE 1 MAXVALUE 9223372036854775807 NO CYCLE) NOT NULL,
                  "select" character varying(20) COLLATE pg_catalog."C" DEFAULT 'x'::character varying,
                  "len" integer GENERATED ALWAYS AS (length("select")) STORED,
                  CONSTRAINT "Order_pkey" PRIMARY KEY ("id", "select")
                )""");
    }

    @Test
    void serialKeepsItsDefaultAndSequence() {
        Column id = new Column("id", DataType.of(TypeKind.INTEGER, "integer"), false, "nextval('app.\"Order_id_seq\"'::regclass)",
                new Identity(Identity.Generation.SERIAL, SEQ.name(), 10, 3, 43L), null, false, null, null);
        assertThat(Ddl.columnDefinition(id, Map.of())).isEqualTo("\"id\" integer DEFAULT nextval('app.\"Order_id_seq\"'::regclass) NOT NULL");
        assertThat(Ddl.createSequence(SEQ)).isEqualTo("CREATE SEQUENCE \"app\".\"Order_id_seq\" AS bigint START WITH 10 INCREMENT BY 3 "
                + "MINVALUE 1 MAXVALUE 9223372036854775807 NO CYCLE");
        assertThat(Ddl.ownSequence(SEQ)).isEqualTo("ALTER SEQUENCE \"app\".\"Order_id_seq\" OWNED BY \"public\".\"Order\".\"id\"");
    }

    @Test
    void enumLabelsAndCommentsAreSafeLiterals() {
        assertThat(Ddl.createEnum(new EnumType(new QualifiedName("app", "mood"), List.of("sad", "it's", "back\\slash"))))
                .isEqualTo("CREATE TYPE \"app\".\"mood\" AS ENUM ('sad', 'it''s', E'back\\\\slash')");
        assertThat(Ddl.comment("TABLE", "\"t\"", "it's")).isEqualTo("COMMENT ON TABLE \"t\" IS 'it''s'");
    }

    @Test
    void constraintsAndIndexes() {
        Table t = table(List.of());
        ForeignKey fk = new ForeignKey("fk", List.of("a", "b"), new QualifiedName("app", "p"), List.of("x", "y"),
                ReferentialAction.CASCADE, ReferentialAction.SET_NULL, true, true);
        assertThat(Ddl.addForeignKey(t, fk)).isEqualTo("ALTER TABLE \"public\".\"Order\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"a\", \"b\") "
                + "REFERENCES \"app\".\"p\" (\"x\", \"y\") ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED");
        assertThat(Ddl.addCheck(t, new CheckConstraint("c", "((x > 0))")))
                .isEqualTo("ALTER TABLE \"public\".\"Order\" ADD CONSTRAINT \"c\" CHECK (((x > 0)))");
        Index built = new Index("i", true, List.of(Index.Part.column("a"), new Index.Part("lower(b)", true, true)), "btree", "a > 0", null);
        assertThat(Ddl.createIndex(t, built))
                .isEqualTo("CREATE UNIQUE INDEX \"i\" ON \"public\".\"Order\" USING btree (\"a\", (lower(b)) DESC) WHERE a > 0");
        Index native_ = new Index("i", false, List.of(), "gin", null, "CREATE INDEX i ON public.t USING gin (v)");
        assertThat(Ddl.createIndex(t, native_)).isEqualTo("CREATE INDEX i ON public.t USING gin (v)");
    }

    @Test
    void partitionedTablesAndPartitions() {
        Column at = Column.of("at", DataType.of(TypeKind.DATE, "date"), false);
        Table parent = new Table(new QualifiedName("app", "m"), List.of(at), null, null, null, null, null,
                Map.of("partition_by", "RANGE (at)"), null, 0);
        Table child = new Table(new QualifiedName("app", "m 2023"), List.of(at), null, null, null, null, null,
                Map.of("partition_of", "\"app\".\"m\"", "partition_bound", "FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')"),
                null, 0);
        assertThat(Ddl.createTable(parent, Map.of())).isEqualTo("CREATE TABLE \"app\".\"m\" (\n  \"at\" date NOT NULL\n) PARTITION BY RANGE (at)");
        assertThat(Ddl.createTable(child, Map.of())).isEqualTo("CREATE TABLE \"app\".\"m 2023\" PARTITION OF \"app\".\"m\" "
                + "FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')");
        assertThat(PartitionOrder.parentsFirst(List.of(child, parent))).containsExactly(parent, child);
    }

    @Test
    void views() {
        assertThat(Ddl.createView(new View(new QualifiedName("s", "v"), " SELECT 1", true)))
                .isEqualTo("CREATE MATERIALIZED VIEW \"s\".\"v\" AS\n SELECT 1");
    }
}
