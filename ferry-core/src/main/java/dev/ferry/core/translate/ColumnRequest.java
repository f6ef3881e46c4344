package dev.ferry.core.translate;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.profile.ColumnProfile;

/**
 * A column to place in a target: its portable type (after {@link EffectiveType}), what its values
 * turned out to be (null when unknown), and whether it is part of a key or an index (MariaDB cannot
 * index unbounded text).
 */
public record ColumnRequest(String table, Column column, DataType type, ColumnProfile profile, boolean keyPart,
                            boolean indexed) {
}
