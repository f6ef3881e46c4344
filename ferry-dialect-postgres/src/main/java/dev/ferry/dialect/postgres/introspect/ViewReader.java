package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.View;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Views and materialized views with pg_get_viewdef() text, ordered so each comes after the views it
 * reads (dependencies through pg_rewrite and pg_depend; ties by name).
 */
final class ViewReader {
    private static final String VIEWS = """
            SELECT n.nspname, c.relname, c.relkind, pg_get_viewdef(c.oid) AS def
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?) AND""" + Catalog.notFromExtension("pg_class", "c.oid") + """
            """;
    private static final String DEPENDENCIES = """
            SELECT DISTINCT vn.nspname AS view_schema, v.relname AS view_name, un.nspname AS used_schema, u.relname AS used_name
            FROM pg_rewrite r
            JOIN pg_class v ON v.oid = r.ev_class
            JOIN pg_namespace vn ON vn.oid = v.relnamespace
            JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
            JOIN pg_class u ON u.oid = d.refobjid AND u.relkind IN ('v', 'm') AND u.oid <> v.oid
            JOIN pg_namespace un ON un.oid = u.relnamespace
            WHERE vn.nspname = ANY (?)
            """;

    List<View> read(Catalog catalog) throws SQLException {
        Map<QualifiedName, View> views = new TreeMap<>();
        catalog.query(VIEWS, rs -> {
            QualifiedName name = new QualifiedName(rs.getString("nspname"), rs.getString("relname"));
            views.put(name, new View(name, stripSemicolon(rs.getString("def")), "m".equals(rs.getString("relkind"))));
        });
        Map<QualifiedName, Set<QualifiedName>> uses = new HashMap<>();
        catalog.query(DEPENDENCIES, rs -> uses.computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)),
                k -> new HashSet<>()).add(new QualifiedName(rs.getString(3), rs.getString(4))));
        return dependencyOrder(views, uses);
    }

    /** Depth-first: a view is emitted after every view it uses; views are visited by name. */
    static List<View> dependencyOrder(Map<QualifiedName, View> views, Map<QualifiedName, Set<QualifiedName>> uses) {
        List<View> order = new ArrayList<>();
        Set<QualifiedName> done = new HashSet<>();
        for (QualifiedName name : views.keySet()) {
            visit(name, views, uses, done, order);
        }
        return order;
    }

    private static void visit(QualifiedName name, Map<QualifiedName, View> views, Map<QualifiedName, Set<QualifiedName>> uses,
                              Set<QualifiedName> done, List<View> order) {
        if (!views.containsKey(name) || !done.add(name)) {
            return;
        }
        for (QualifiedName used : new java.util.TreeSet<>(uses.getOrDefault(name, Set.of()))) {
            visit(used, views, uses, done, order);
        }
        order.add(views.get(name));
    }

    static String stripSemicolon(String def) {
        String s = def.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }
}
