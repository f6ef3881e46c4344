package dev.ferry.dialect.postgres.introspect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Table options of declarative partitioning, kept for a same-engine restore:
 * {@value #PARTITION_BY} (pg_get_partkeydef(), e.g. {@code RANGE (at)}) on a partitioned table,
 * {@value #PARTITION_OF} (the parent, quoted as {@code "schema"."name"}) and {@value #PARTITION_BOUND} (e.g.
 * {@code FOR VALUES FROM (1) TO (10)}, {@code DEFAULT}) on a partition.
 */
public final class PartitionOptions {
    public static final String PARTITION_BY = "partition_by";
    public static final String PARTITION_OF = "partition_of";
    public static final String PARTITION_BOUND = "partition_bound";

    private PartitionOptions() {
    }

    static Map<String, String> of(ResultSet rs) throws SQLException {
        Map<String, String> options = new HashMap<>();
        for (String key : new String[] {PARTITION_BY, PARTITION_OF, PARTITION_BOUND}) {
            String value = rs.getString(key);
            if (value != null) {
                options.put(key, value);
            }
        }
        return options;
    }
}
