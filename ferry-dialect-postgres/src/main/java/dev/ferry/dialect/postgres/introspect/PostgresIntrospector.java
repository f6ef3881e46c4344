package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole schema. The search_path is emptied for the duration, as pg_dump does, so that
 * format_type(), pg_get_expr() and the pg_get_*def() functions schema-qualify every user object and
 * the texts replay anywhere; the caller's search_path is put back afterwards.
 */
public final class PostgresIntrospector {
    private static final String USER_SCHEMAS = """
            SELECT nspname FROM pg_namespace
            WHERE nspname NOT IN ('pg_catalog', 'information_schema')
              AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'
              AND nspname NOT LIKE 'ferry\\_stage\\_%'
            ORDER BY nspname
            """;
    private static final String TABLES = """
            SELECT n.nspname, c.relname, c.reltuples, obj_description(c.oid, 'pg_class') AS comment,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by,
                   CASE WHEN c.relispartition THEN (SELECT '"' || replace(pn.nspname, '"', '""') || '"."' || replace(p.relname, '"', '""') || '"'
                        FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
                        WHERE i.inhrelid = c.oid) END AS partition_of,
                   CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
              AND""" + Catalog.notFromExtension("pg_class", "c.oid") + """
            """;

    private final Connection connection;

    public PostgresIntrospector(Connection connection) {
        this.connection = connection;
    }

    /** The non-system schemas of the database, by name. */
    public static List<String> userSchemas(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(USER_SCHEMAS)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    public Schema introspect(List<String> requested) throws SQLException {
        List<String> namespaces = requested == null || requested.isEmpty() ? userSchemas(connection) : requested;
        String savedPath = setSearchPath("");
        Schema schema;
        try {
            schema = read(new Catalog(connection, namespaces), namespaces);
        } catch (SQLException | RuntimeException e) {
            restoreSearchPathAfterFailure(savedPath, e);
            throw e;
        }
        setSearchPath(savedPath);
        return schema;
    }

    private Schema read(Catalog catalog, List<String> namespaces) throws SQLException {
        List<EnumType> enums = new EnumReader().read(catalog);
        List<Sequence> sequences = new SequenceReader().read(catalog);
        Map<QualifiedName, List<String>> labels = new HashMap<>();
        enums.forEach(e -> labels.put(e.name(), e.labels()));
        Map<Sequence.ColumnRef, Sequence> owned = new HashMap<>();
        sequences.stream().filter(s -> s.ownedBy() != null).forEach(s -> owned.put(s.ownedBy(), s));
        Map<QualifiedName, List<Column>> columns = new ColumnReader(labels, owned).read(catalog);
        ConstraintReader constraints = new ConstraintReader().read(catalog);
        Map<QualifiedName, List<Index>> indexes = new IndexReader().read(catalog);
        List<Table> tables = new ArrayList<>();
        catalog.query(TABLES, rs -> {
            QualifiedName name = new QualifiedName(rs.getString("nspname"), rs.getString("relname"));
            Constraints cs = constraints.of(name);
            tables.add(new Table(name, columns.getOrDefault(name, List.of()), cs.primaryKey, cs.uniques, cs.foreignKeys,
                    indexes.getOrDefault(name, List.of()), cs.checks, PartitionOptions.of(rs), rs.getString("comment"),
                    Math.max(0, Math.round(rs.getDouble("reltuples")))));
        });
        tables.sort(Comparator.comparing(Table::name));
        NativeObjectReader natives = new NativeObjectReader();
        List<NativeObject> nativeObjects = new ArrayList<>(natives.extensions(catalog));
        nativeObjects.addAll(natives.domains(catalog));
        nativeObjects.addAll(natives.composites(catalog));
        nativeObjects.addAll(natives.functions(catalog));
        nativeObjects.addAll(constraints.nativeConstraints);
        nativeObjects.addAll(natives.triggers(catalog));
        nativeObjects.addAll(natives.rules(catalog));
        nativeObjects.addAll(indexesOfNonTables(indexes, tables));
        return new Schema(namespaces, enums, sequences, tables, new ViewReader().read(catalog), nativeObjects);
    }

    /** Indexes of materialized views, which are not tables: created from their definition after the views. */
    private static List<NativeObject> indexesOfNonTables(Map<QualifiedName, List<Index>> indexes, List<Table> tables) {
        java.util.Set<QualifiedName> tableNames = new java.util.HashSet<>();
        tables.forEach(t -> tableNames.add(t.name()));
        List<NativeObject> out = new ArrayList<>();
        indexes.entrySet().stream().filter(e -> !tableNames.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().forEach(i -> out.add(new NativeObject("index",
                        new QualifiedName(e.getKey().schema(), i.name()), i.definition()))));
        return out;
    }

    /**
     * After a failed catalog query inside a transaction, the transaction is aborted and the path
     * cannot be set; the rollback that must follow restores it anyway. The original error wins.
     */
    private void restoreSearchPathAfterFailure(String savedPath, Exception failure) {
        try {
            setSearchPath(savedPath);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Sets the session search_path (bound, not inlined) and returns the previous one. */
    private String setSearchPath(String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT current_setting('search_path'), set_config('search_path', ?, false)")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
