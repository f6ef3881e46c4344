package dev.ferry.dialect.postgres.restore;

import dev.ferry.dialect.postgres.Sql;
import dev.ferry.dialect.postgres.introspect.PostgresIntrospector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a target database already holds in its non-system schemas (tables, views, sequences,
 * types, functions; extension members and objects internal to another, such as identity sequences, excluded), and how to drop it: non-public schemas go whole
 * with DROP SCHEMA ... CASCADE; public keeps its owner and grants and loses only its contents. Staging
 * schemas of staged restores ({@link StagingLeftovers}) are neither listed nor dropped.
 */
final class TargetObjects {
    private static final String OBJECTS = """
            SELECT kind, nspname, name, drop_name FROM (
              SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                       WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' END AS kind,
                     n.nspname, c.relname AS name,
                     quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS drop_name, c.oid AS obj, 'pg_class' AS cat
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition
              UNION ALL
              SELECT 'type', n.nspname, t.typname, quote_ident(n.nspname) || '.' || quote_ident(t.typname), t.oid, 'pg_type'
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
              WHERE t.typtype IN ('e', 'd', 'r', 'm')
                 OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
              UNION ALL
              SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END, n.nspname,
                     p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                     quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                     p.oid, 'pg_proc'
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            ) o
            WHERE nspname NOT IN ('pg_catalog', 'information_schema')
              AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'
              AND nspname NOT LIKE 'ferry\\_stage\\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = o.cat::regclass AND e.objid = o.obj AND (e.deptype = 'e' OR e.deptype = 'i' AND e.refobjid <> o.obj))
            ORDER BY nspname, kind, name
            """;

    private final Connection connection;

    TargetObjects(Connection connection) {
        this.connection = connection;
    }

    /** One entry per object, e.g. {@code table public.users}. */
    List<String> describe() throws SQLException {
        List<String> out = new ArrayList<>();
        query((kind, schema, name, dropName) -> out.add(kind + " " + schema + "." + name));
        return out;
    }

    /** Drops every user object: whole schemas except public, whose contents are dropped one by one. */
    void dropAll() throws SQLException {
        List<String> statements = new ArrayList<>();
        for (String schema : PostgresIntrospector.userSchemas(connection)) {
            if (!schema.equals("public")) {
                statements.add("DROP SCHEMA " + Sql.quote(schema) + " CASCADE");
            }
        }
        query((kind, schema, name, dropName) -> {
            if (schema.equals("public")) {
                statements.add("DROP " + kind.toUpperCase(java.util.Locale.ROOT) + " IF EXISTS " + dropName + " CASCADE");
            }
        });
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private interface ObjectHandler {
        void object(String kind, String schema, String name, String dropName);
    }

    private void query(ObjectHandler handler) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(OBJECTS)) {
            while (rs.next()) {
                handler.object(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }
}
