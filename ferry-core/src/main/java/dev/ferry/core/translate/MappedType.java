package dev.ferry.core.translate;

import dev.ferry.core.model.DataType;

/**
 * A target's answer for one column: the type to create, whose {@link DataType#kind()} is the kind
 * values are converted to and compared in, and whose native spelling goes into the DDL.
 *
 * @param note      what changed for the user, e.g. "array stored as JSON"; null when nothing worth saying
 * @param check     a CHECK expression over the target's quoted column that keeps the old domain
 *                  (enum labels, unsigned range), or null
 * @param indexable false when the target cannot index this column (keys and indexes on it are not carried)
 */
public record MappedType(DataType type, String note, String check, boolean indexable) {

    public static MappedType of(DataType type) {
        return new MappedType(type, null, null, true);
    }

    public MappedType withNote(String text) {
        return new MappedType(type, text, check, indexable);
    }

    public MappedType withCheck(String expression) {
        return new MappedType(type, note, expression, indexable);
    }

    public MappedType notIndexable() {
        return new MappedType(type, note, check, false);
    }
}
