package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.dialect.postgres.Sql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine objects Ferry carries as DDL: extensions, domains and composite types (first, so their
 * types exist before tables), user functions and procedures (not those of extensions), then
 * non-internal triggers (not the copies a partition gets of its parent's triggers, which come back
 * with the partition).
 */
final class NativeObjectReader {
    private static final String EXTENSIONS = """
            SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname <> 'plpgsql' AND n.nspname = ANY (?) ORDER BY e.extname
            """;
    private static final String DOMAINS = """
            SELECT n.nspname, t.typname,
                   'CREATE DOMAIN ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' AS '
                   || format_type(t.typbasetype, t.typtypmod)
                   || CASE WHEN t.typcollation <> bt.typcollation
                           THEN ' COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname) ELSE '' END
                   || coalesce(' DEFAULT ' || pg_get_expr(t.typdefaultbin, 0), '')
                   || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
                   || coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), ''
                                               ORDER BY c.conname)
                                FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '') AS def
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            JOIN pg_type bt ON bt.oid = t.typbasetype
            LEFT JOIN pg_collation co ON co.oid = t.typcollation
            LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
            WHERE t.typtype = 'd' AND n.nspname = ANY (?) AND""" + Catalog.notFromExtension("pg_type", "t.oid") + """
            ORDER BY bt.typtype = 'd', n.nspname, t.typname
            """;
    private static final String COMPOSITES = """
            SELECT n.nspname, t.typname,
                   'CREATE TYPE ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' AS ('
                   || coalesce((SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', '
                                                  ORDER BY a.attnum)
                                FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '')
                   || ')' AS def
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
            WHERE t.typtype = 'c' AND n.nspname = ANY (?) AND""" + Catalog.notFromExtension("pg_type", "t.oid") + """
            ORDER BY n.nspname, t.typname
            """;
    private static final String FUNCTIONS = """
            SELECT n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS signature,
                   pg_get_functiondef(p.oid) AS def
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY (?) AND""" + Catalog.notFromExtension("pg_proc", "p.oid") + """
            ORDER BY n.nspname, p.proname, p.oid
            """;
    private static final String TRIGGERS = """
            SELECT n.nspname, c.relname || '.' || t.tgname AS name, pg_get_triggerdef(t.oid) AS def
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND n.nspname = ANY (?)
            ORDER BY n.nspname, c.relname, t.tgname
            """;
    /** PostgreSQL 12 has no tgparentid: it marks a partition's copies of its parent's triggers internal instead. */
    private static final String TRIGGERS_POSTGRES_12 = TRIGGERS.replace(" AND t.tgparentid = 0", "");

    private static final String RULES = """
            SELECT schemaname, tablename || '.' || rulename, definition FROM pg_rules
            WHERE rulename <> '_RETURN' AND schemaname = ANY (?) ORDER BY schemaname, tablename, rulename
            """;

    /** Rewrite rules (CREATE RULE), other than the ones that make views. */
    List<NativeObject> rules(Catalog catalog) throws SQLException {
        return read(catalog, RULES, "rule");
    }

    List<NativeObject> extensions(Catalog catalog) throws SQLException {
        List<NativeObject> out = new ArrayList<>();
        catalog.query(EXTENSIONS, rs -> out.add(new NativeObject("extension",
                new QualifiedName(rs.getString(2), rs.getString(1)),
                "CREATE EXTENSION IF NOT EXISTS " + Sql.quote(rs.getString(1)) + " WITH SCHEMA " + Sql.quote(rs.getString(2)))));
        return out;
    }

    /** Domains, each a complete CREATE DOMAIN; domains over domains come after the others. */
    List<NativeObject> domains(Catalog catalog) throws SQLException {
        return read(catalog, DOMAINS, "domain");
    }

    /** Stand-alone composite types (CREATE TYPE ... AS (...)), not the row types of tables. */
    List<NativeObject> composites(Catalog catalog) throws SQLException {
        return read(catalog, COMPOSITES, "type");
    }

    List<NativeObject> functions(Catalog catalog) throws SQLException {
        return read(catalog, FUNCTIONS, "function");
    }

    List<NativeObject> triggers(Catalog catalog) throws SQLException {
        return read(catalog, catalog.serverMajor() >= 13 ? TRIGGERS : TRIGGERS_POSTGRES_12, "trigger");
    }

    private static List<NativeObject> read(Catalog catalog, String sql, String kind) throws SQLException {
        List<NativeObject> out = new ArrayList<>();
        catalog.query(sql, rs -> out.add(new NativeObject(kind, new QualifiedName(rs.getString(1), rs.getString(2)),
                rs.getString(3).strip())));
        return out;
    }
}
