package dev.ferry.core.translate;

import dev.ferry.core.model.DataType;
import dev.ferry.core.model.Identity;
import java.util.Map;

/**
 * What a target engine (at its version) needs to receive a schema from another engine: its type for
 * each portable type, its identifier limits and name scopes, and its spelling of defaults. One
 * implementation per dialect; {@link SchemaTranslator} does the rest, engine-neutrally.
 */
public interface TargetRules {

    /** The target's id, as in {@link dev.ferry.core.spi.Dialect#id()}. */
    String engine();

    /** The target type for a column. Must not fail: where nothing exact exists, text with a note. */
    MappedType mapType(ColumnRequest request);

    /** Whether an identifier may be used as it is (PostgreSQL: at most 63 bytes of UTF-8). */
    boolean fitsIdentifier(String identifier);

    /** Where names of {@code kind} must be unique. */
    NamedKind.Scope scopeOf(NamedKind kind);

    /**
     * The generated-key behaviour to give a column whose source values were generated, or null when
     * the target cannot (the column then loads as a plain column, and the report says so).
     *
     * @param soleKey whether the column alone is the primary key
     */
    Identity identity(Identity source, DataType target, boolean soleKey);

    /** Whether stand-alone sequences can be created. */
    boolean supportsSequences();

    /** A default in the target's syntax for a column of type {@code target}, or null when it has none. */
    String renderDefault(PortableDefault value, DataType target);

    /** Table options every created table gets (MariaDB: character set and collation), may be empty. */
    Map<String, String> tableOptions();

    /** The target's quoting of an identifier, for type names the translator invents (enum types). */
    String quote(String identifier);
}
