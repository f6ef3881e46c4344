package dev.ferry.core.translate;

/** The kinds of named objects whose names a target may require to be unique beyond their table. */
public enum NamedKind {
    TABLE, INDEX, UNIQUE, PRIMARY_KEY, FOREIGN_KEY, CHECK, SEQUENCE, ENUM_TYPE;

    /** Where a name must be unique on a target: within its table, or within the whole schema/database. */
    public enum Scope { TABLE, NAMESPACE }
}
