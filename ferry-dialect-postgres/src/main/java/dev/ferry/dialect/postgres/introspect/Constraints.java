package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/** The constraints of one table, collected while reading pg_constraint. */
final class Constraints {
    PrimaryKey primaryKey;
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
}
