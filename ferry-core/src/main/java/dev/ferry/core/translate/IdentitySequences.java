package dev.ferry.core.translate;

import dev.ferry.core.model.Identity;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.TypeKind;

/**
 * The sequence behind a generated key on a target that keeps one per identity column (PostgreSQL),
 * standing where the source's generator stood, so the target's next insert gets the next value; the
 * target moves it past the largest loaded key if it stood behind.
 */
final class IdentitySequences {
    private IdentitySequences() {
    }

    static Sequence forColumn(QualifiedName name, Identity identity, TypeKind kind, String table, String column) {
        long max = switch (kind) {
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long increment = identity.increment() == 0 ? 1 : identity.increment();
        long start = identity.start();
        Long next = identity.nextValue();
        boolean called = next != null && next != start;
        long last = called ? next - increment : start;
        long min = increment > 0 ? Math.min(1, start) : -max;
        long top = increment > 0 ? max : Math.max(-1, start);
        return new Sequence(name, kind == TypeKind.BIGINT ? "bigint" : kind == TypeKind.SMALLINT ? "smallint" : "integer",
                start, increment, min, top, false, last, called, new Sequence.ColumnRef(QualifiedName.of(table), column));
    }
}
