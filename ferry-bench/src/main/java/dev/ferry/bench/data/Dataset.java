package dev.ferry.bench.data;

import static dev.ferry.bench.data.BenchColumn.nullable;
import static dev.ferry.bench.data.BenchColumn.of;
import static dev.ferry.bench.data.BenchColumn.varchar;
import static dev.ferry.bench.data.ColumnType.BIGINT;
import static dev.ferry.bench.data.ColumnType.BLOB;
import static dev.ferry.bench.data.ColumnType.BOOLEAN;
import static dev.ferry.bench.data.ColumnType.DECIMAL;
import static dev.ferry.bench.data.ColumnType.INT;
import static dev.ferry.bench.data.ColumnType.TEXT;
import static dev.ferry.bench.data.ColumnType.TIMESTAMP;

import dev.ferry.bench.data.BenchTable.IndexDef;
import dev.ferry.bench.data.BenchTable.Reference;
import java.util.List;

/**
 * The inventory app, defined once for every engine: tables in load order (parents first, except the
 * supplier/contact cycle, whose foreign keys are added after the load). Shares add up to ~1.0, so a
 * scale's total rows is the dataset's row count; order_line is the largest table.
 */
public final class Dataset {
    private static final List<BenchTable> TABLES = List.of(
            table("category", 0.0005, 20, null, List.of(
                    of("id", BIGINT, "{g}"),
                    nullable("parent_id", BIGINT, "CASE WHEN {g} <= 10 THEN NULL ELSE 1 + {h:1} % ({g} - 1) END"),
                    varchar("name", 100, false, "'Category ' || {g} || ' ' || {word:2}"),
                    nullable("description", TEXT, "{nullif:3:4:{text:4:20:120}}")),
                    List.of(new Reference("parent_id", "category")), List.of()),
            table("supplier", 0.001, 10, null, List.of(
                    of("id", BIGINT, "{g}"),
                    varchar("name", 120, false, "'Supplier ' || {g} || ' ' || {word:5}"),
                    varchar("country", 2, false, "{country:6}"),
                    varchar("email", 200, true, "{nullif:7:6:'sales' || {g} || '@supplier.example'}"),
                    of("active", BOOLEAN, "({h:8} % 10 <> 0)"),
                    of("created_at", TIMESTAMP, "{ts:{h:9} % 157680000}"),
                    nullable("primary_contact_id", BIGINT, "{nullif:10:5:{g}}")),
                    List.of(new Reference("primary_contact_id", "contact")), List.of()),
            table("contact", 0.002, 20, null, List.of(
                    of("id", BIGINT, "{g}"),
                    of("supplier_id", BIGINT, "1 + ({g} - 1) % {rows:supplier}"),
                    varchar("name", 120, false, "'Contact ' || {g} || ' ' || {word:11}"),
                    varchar("phone", 40, true, "{nullif:12:3:'+49 30 ' || (1000000 + {h:13} % 9000000)}")),
                    List.of(new Reference("supplier_id", "supplier")), List.of()),
            table("warehouse", 0.00002, 4, null, List.of(
                    of("id", BIGINT, "{g}"),
                    varchar("code", 16, false, "'WH-' || {g}"),
                    varchar("city", 100, false, "{word:14} || ' ' || {g}"),
                    of("capacity", INT, "1000 + {h:15} % 100000"),
                    of("opened_at", TIMESTAMP, "{ts:{h:16} % 157680000}")),
                    List.of(), List.of()),
            table("customer", 0.05, 100, null, List.of(
                    of("id", BIGINT, "{g}"),
                    varchar("name", 200, false, "'Customer ' || {g} || ' ' || {word:17} || ' ' || {word:18}"),
                    varchar("email", 200, false, "'customer' || {g} || '@example.org'"),
                    varchar("phone", 40, true, "{nullif:19:4:'+33 1 ' || (10000000 + {h:20} % 90000000)}"),
                    varchar("country", 2, false, "{country:21}"),
                    of("vip", BOOLEAN, "({h:22} % 20 = 0)"),
                    of("created_at", TIMESTAMP, "{ts:{h:23} % 157680000}"),
                    nullable("last_login", TIMESTAMP, "{nullif:24:3:{ts:157680000 + {h:25} % 31536000}}"),
                    of("credit_limit", DECIMAL, "{dec:{h:26} % 100000000}")),
                    List.of(), List.of()),
            table("product", 0.025, 100, null, List.of(
                    of("id", BIGINT, "{g}"),
                    of("category_id", BIGINT, "{ref:category:27}"),
                    of("supplier_id", BIGINT, "{ref:supplier:28}"),
                    varchar("sku", 32, false, "'SKU-' || {g} || '-' || ({h:29} % 1000)"),
                    varchar("name", 200, false, "{word:30} || ' ' || {word:31} || ' #' || {g}"),
                    nullable("description", TEXT, "{nullif:32:5:{text:33:40:200}}"),
                    of("price", DECIMAL, "{dec:100 + {h:35} % 10000000}"),
                    nullable("weight_kg", DECIMAL, "{nullif:36:7:{dec:{h:37} % 1000000}}"),
                    of("active", BOOLEAN, "({h:38} % 9 <> 0)"),
                    of("created_at", TIMESTAMP, "{ts:{h:39} % 157680000}"),
                    nullable("updated_at", TIMESTAMP, "{nullif:40:2:{ts:157680000 + {h:41} % 31536000}}")),
                    List.of(new Reference("category_id", "category"), new Reference("supplier_id", "supplier")),
                    List.of(new IndexDef("product_sku", true, List.of("sku")),
                            new IndexDef("product_category", false, List.of("category_id")))),
            table("product_image", 0.025, 100, null, List.of(
                    of("id", BIGINT, "{g}"),
                    of("product_id", BIGINT, "{ref:product:42}"),
                    varchar("mime", 50, false, "CASE {h:43} % 3 WHEN 0 THEN 'image/png' WHEN 1 THEN 'image/jpeg' ELSE 'image/webp' END"),
                    of("payload", BLOB, "{bytes:'IMG' || {g} || {text:44:16:160}}"),
                    of("created_at", TIMESTAMP, "{ts:{h:46} % 157680000}")),
                    List.of(new Reference("product_id", "product")), List.of()),
            WideTable.definition(),
            table("purchase_order", 0.125, 1000, null, List.of(
                    of("id", BIGINT, "{g}"),
                    of("customer_id", BIGINT, "{ref:customer:47}"),
                    of("warehouse_id", BIGINT, "{ref:warehouse:48}"),
                    varchar("status", 16, false, "CASE {h:49} % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'paid' WHEN 2 THEN 'shipped' ELSE 'delivered' END"),
                    of("ordered_at", TIMESTAMP, "{ts:{h:50} % 157680000}"),
                    nullable("shipped_at", TIMESTAMP, "{nullif:51:3:{ts:157680000 + {h:52} % 31536000}}"),
                    of("total", DECIMAL, "{dec:{h:53} % 1000000000}"),
                    of("paid", BOOLEAN, "({h:54} % 4 <> 0)"),
                    nullable("note", TEXT, "{nullif:55:3:{text:56:10:80}}")),
                    List.of(new Reference("customer_id", "customer"), new Reference("warehouse_id", "warehouse")),
                    List.of(new IndexDef("purchase_order_customer", false, List.of("customer_id")))),
            table("order_line", 0.45, 2000, null, List.of(
                    of("id", BIGINT, "{g}"),
                    of("order_id", BIGINT, "{ref:purchase_order:57}"),
                    of("product_id", BIGINT, "{ref:product:58}"),
                    of("line_no", INT, "1 + {h:59} % 20"),
                    of("quantity", INT, "1 + {h:60} % 50"),
                    of("unit_price", DECIMAL, "{dec:100 + {h:61} % 10000000}"),
                    nullable("discount", DECIMAL, "{nullif:62:4:{dec:{h:63} % 2000}}"),
                    varchar("description", 200, false, "{word:64} || ' ' || {text:65:12:40}")),
                    List.of(new Reference("order_id", "purchase_order"), new Reference("product_id", "product")),
                    List.of(new IndexDef("order_line_order", false, List.of("order_id")),
                            new IndexDef("order_line_product", false, List.of("product_id")))),
            table("stock_movement", 0.29, 1000, null, List.of(
                    of("id", BIGINT, "{g}"),
                    of("product_id", BIGINT, "{ref:product:66}"),
                    of("warehouse_id", BIGINT, "{ref:warehouse:67}"),
                    of("quantity", INT, "{h:68} % 1000"),
                    of("moved_at", TIMESTAMP, "{ts:{h:69} % 189216000}"),
                    varchar("reason", 32, false, "CASE {h:70} % 4 WHEN 0 THEN 'purchase' WHEN 1 THEN 'sale' WHEN 2 THEN 'return' ELSE 'stocktake' END"),
                    nullable("comment", TEXT, "{nullif:71:2:{text:72:8:60}}")),
                    List.of(new Reference("product_id", "product"), new Reference("warehouse_id", "warehouse")),
                    List.of(new IndexDef("stock_movement_product", false, List.of("product_id")))));

    private Dataset() {
    }

    public static List<BenchTable> tables() {
        return TABLES;
    }

    /** The table's row count for a dataset of {@code totalRows}. */
    public static long rows(BenchTable table, long totalRows) {
        if (table.sameRowsAs() != null) {
            return rows(table(table.sameRowsAs()), totalRows);
        }
        return Math.max(table.minimum(), Math.round(table.share() * totalRows));
    }

    public static BenchTable table(String name) {
        return TABLES.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name + " in the dataset"));
    }

    /** The table with the most rows (the raw-COPY limit is measured on it). */
    public static BenchTable largest() {
        return TABLES.stream().max(java.util.Comparator.comparingDouble(BenchTable::share)).orElseThrow();
    }

    static BenchTable table(String name, double share, long minimum, String sameRowsAs, List<BenchColumn> columns,
                            List<Reference> references, List<IndexDef> indexes) {
        return new BenchTable(name, share, minimum, sameRowsAs, List.copyOf(columns), references, indexes);
    }
}
