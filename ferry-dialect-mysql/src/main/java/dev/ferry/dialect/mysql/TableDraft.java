package dev.ferry.dialect.mysql;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table while introspection fills it in, one catalog query at a time. */
final class TableDraft {
    final String name;
    final List<Column> columns = new ArrayList<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final Map<String, String> options = new LinkedHashMap<>();
    PrimaryKey primaryKey;
    String comment;
    long estimatedRows;
    Long autoIncrement;
    String collation;

    TableDraft(String name) {
        this.name = name;
    }

    Table build() {
        return new Table(QualifiedName.of(name), columns, primaryKey, uniques, foreignKeys, indexes, checks, options,
                comment, estimatedRows);
    }
}
