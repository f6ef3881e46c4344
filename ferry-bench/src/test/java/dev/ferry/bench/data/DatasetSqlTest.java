package dev.ferry.bench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DatasetSqlTest {

    static Stream<SqlFlavor> flavors() {
        return Stream.of(new PostgresFlavor(), new MariadbFlavor(), new SqliteFlavor());
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void everyPlaceholderExpandsInEveryStatement(SqlFlavor flavor) {
        DatasetSql sql = new DatasetSql(flavor, 1, Scale.MEDIUM.totalRows());
        Stream.of(sql.createTables(), sql.finish(), allInserts(sql)).flatMap(List::stream)
                .forEach(statement -> assertThat(statement).doesNotContain("{").doesNotContain("}"));
    }

    @Test
    void scalesAddUpToTheirTotalRows() {
        for (Scale scale : List.of(Scale.SMALL, Scale.MEDIUM, Scale.LARGE)) {
            DatasetSql sql = new DatasetSql(new PostgresFlavor(), 1, scale.totalRows());
            long total = Dataset.tables().stream().mapToLong(sql::rows).sum();
            assertThat(total).isBetween((long) (scale.totalRows() * 0.95), (long) (scale.totalRows() * 1.05));
        }
        assertThat(Dataset.largest().name()).isEqualTo("order_line");
    }

    @Test
    void batchesCoverEveryRowNumberOnce() {
        DatasetSql sql = new DatasetSql(new MariadbFlavor(), 1, Scale.MEDIUM.totalRows());
        List<DatasetSql.Batch> batches = sql.inserts(Dataset.table("order_line"));
        assertThat(batches.get(0).from()).isEqualTo(1);
        for (int i = 1; i < batches.size(); i++) {
            assertThat(batches.get(i).from()).isEqualTo(batches.get(i - 1).to() + 1);
        }
        assertThat(batches.get(batches.size() - 1).to()).isEqualTo(sql.rows(Dataset.table("order_line")));
        assertThat(batches.get(1).sql()).contains("seq_500001_to_1000000");
    }

    @Test
    void foreignKeysAreAddedAfterTheLoadExceptInSqlite() {
        DatasetSql postgres = new DatasetSql(new PostgresFlavor(), 1, 1000);
        assertThat(postgres.finish()).contains(
                "ALTER TABLE supplier ADD CONSTRAINT supplier_primary_contact_id_fk FOREIGN KEY (primary_contact_id) REFERENCES contact (id)",
                "ALTER TABLE category ADD CONSTRAINT category_parent_id_fk FOREIGN KEY (parent_id) REFERENCES category (id)");
        DatasetSql sqlite = new DatasetSql(new SqliteFlavor(), 1, 1000);
        assertThat(sqlite.finish()).noneMatch(s -> s.contains("FOREIGN KEY"));
        assertThat(sqlite.createTables()).anyMatch(s -> s.startsWith("CREATE TABLE contact (id INTEGER PRIMARY KEY")
                && s.contains("CONSTRAINT contact_supplier_id_fk FOREIGN KEY (supplier_id) REFERENCES supplier (id)"));
    }

    @Test
    void theSeedChangesTheDataAndOnlyTheSeed() {
        BenchTable customer = Dataset.table("customer");
        String one = new DatasetSql(new PostgresFlavor(), 1, 1000).inserts(customer).get(0).sql();
        assertThat(new DatasetSql(new PostgresFlavor(), 1, 1000).inserts(customer).get(0).sql()).isEqualTo(one);
        assertThat(new DatasetSql(new PostgresFlavor(), 2, 1000).inserts(customer).get(0).sql()).isNotEqualTo(one);
    }

    @Test
    void theWideTableHasFortyOneColumnsOfEveryType() {
        BenchTable wide = Dataset.table("product_spec");
        assertThat(wide.columns()).hasSize(41);
        assertThat(wide.columns().stream().map(BenchColumn::type).distinct())
                .contains(ColumnType.VARCHAR, ColumnType.DECIMAL, ColumnType.INT, ColumnType.BOOLEAN, ColumnType.TIMESTAMP, ColumnType.TEXT);
        assertThat(Dataset.rows(wide, 200_000)).isEqualTo(Dataset.rows(Dataset.table("product"), 200_000));
    }

    @Test
    void unknownPlaceholdersAndScalesAreRejected() {
        Templates templates = new Templates(new PostgresFlavor(), 1, t -> 10);
        assertThat(templates.expand("{ts:{h:1} % 10}")).startsWith("(TIMESTAMP '2020-01-01 00:00:00' + (((g * ");
        assertThatThrownBy(() -> templates.expand("{nope:1}")).hasMessageContaining("{nope}");
        assertThatThrownBy(() -> Scale.parse("huge")).hasMessageContaining("tiny, small, medium or large");
        assertThatThrownBy(() -> GenerateDataset.parse(new String[] {"--scale", "small"})).hasMessageContaining("--url");
        assertThatThrownBy(() -> GenerateDataset.parse(new String[] {"--url", "x", "--rows", "-3"})).hasMessageContaining("positive");
    }

    private static List<String> allInserts(DatasetSql sql) {
        return Dataset.tables().stream().flatMap(t -> sql.inserts(t).stream()).map(DatasetSql.Batch::sql).toList();
    }
}
