package dev.ferry.core.model;

import java.util.Objects;

/**
 * A table column.
 *
 * @param defaultExpression   the default as the engine spells it (native SQL), or null
 * @param identity            how the engine generates its values, or null
 * @param generatedExpression the expression of a computed (generated) column, or null; such a
 *                            column is never loaded, the engine computes it
 * @param generatedStored     whether a computed column is stored (vs virtual)
 * @param collation           a non-default collation, or null
 */
public record Column(String name, DataType type, boolean nullable, String defaultExpression, Identity identity,
                     String generatedExpression, boolean generatedStored, String collation, String comment) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A plain column: no default, identity, generation, collation or comment. */
    public static Column of(String name, DataType type, boolean nullable) {
        return new Column(name, type, nullable, null, null, null, false, null, null);
    }

    /** Whether rows carry a value for this column (computed columns are left to the engine). */
    public boolean isLoaded() {
        return generatedExpression == null;
    }
}
