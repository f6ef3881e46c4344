package dev.ferry.core.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything Ferry knows about a database's structure, in an engine-neutral form.
 *
 * @param namespaces    the schemas (PostgreSQL) the objects live in; empty where the engine has one
 * @param enums         named enum types, before the tables that use them
 * @param sequences     sequences, including those owned by serial/identity columns
 * @param tables        tables, in introspection order (sorted by name)
 * @param views         views in dependency order
 * @param nativeObjects functions, triggers and the like, in creation order
 */
public record Schema(List<String> namespaces, List<EnumType> enums, List<Sequence> sequences, List<Table> tables,
                     List<View> views, List<NativeObject> nativeObjects) {
    public Schema {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        enums = enums == null ? List.of() : List.copyOf(enums);
        sequences = sequences == null ? List.of() : List.copyOf(sequences);
        tables = List.copyOf(tables);
        views = views == null ? List.of() : List.copyOf(views);
        nativeObjects = nativeObjects == null ? List.of() : List.copyOf(nativeObjects);
    }

    public Optional<Table> table(QualifiedName name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** True when there is nothing at all: no table, view, sequence, enum or native object. */
    public boolean isEmpty() {
        return tables.isEmpty() && views.isEmpty() && sequences.isEmpty() && enums.isEmpty() && nativeObjects.isEmpty();
    }
}
