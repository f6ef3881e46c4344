package dev.ferry.bench.data;

import java.util.List;

/**
 * How one engine spells the dataset: column types, the server-side row source, the two template
 * placeholders that differ ({@code ts}, {@code bytes}), and the session settings that make a bulk
 * load fast. One implementation per engine, chosen by JDBC URL.
 */
public interface SqlFlavor {

    /** Statements run once on the generator's connection before anything else. */
    List<String> sessionSettings();

    /** The column type, e.g. {@code numeric(12,4)}; {@code primaryKey} for the first column. */
    String type(BenchColumn column, boolean primaryKey);

    /** True when foreign keys must be declared in CREATE TABLE (they are added after the load otherwise). */
    boolean foreignKeysInCreateTable();

    /** Appended to CREATE TABLE (engine, character set). */
    default String tableOptions() {
        return "";
    }

    default String dropTableIfExists(String table) {
        return "DROP TABLE IF EXISTS " + table;
    }

    /** INSERT ... SELECT of {@code expressions} over the row numbers {@code from..to}, named {@code g}. */
    String insertSelect(String table, String columns, String expressions, long from, long to);

    /** The timestamp {@code seconds} (an integer expression) after 2020-01-01 00:00:00. */
    String timestamp(String seconds);

    /** An integer expression as a 32-bit integer where the engine's functions need one (substr). */
    default String integer(String expression) {
        return expression;
    }

    /** The UTF-8 bytes of a text expression, as the engine's binary type. */
    String bytes(String text);

    /** Adds a foreign key to a loaded table (flavors that declare them in CREATE TABLE never call this). */
    default String addForeignKey(String table, String name, BenchTable.Reference reference, String parentKey) {
        return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + reference.column()
                + ") REFERENCES " + reference.parent() + " (" + parentKey + ")";
    }

    /** Statements that refresh the planner statistics of the loaded tables. */
    List<String> analyze(List<String> tables);

    static SqlFlavor forUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresFlavor();
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return new MariadbFlavor();
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return new SqliteFlavor();
        }
        throw new IllegalArgumentException("no dataset flavor for " + url + ": use jdbc:postgresql:, jdbc:mariadb: or jdbc:sqlite:");
    }
}
