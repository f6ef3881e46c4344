package dev.ferry.core.closure;

import java.util.List;

/**
 * A parsed root condition, bound to column positions of one table's loaded columns. Evaluation uses
 * SQL's three-valued logic: {@code null} is unknown, and only {@code TRUE} selects a row.
 */
public sealed interface Condition {

    /** TRUE, FALSE or null (unknown) for one row, values in the order of the table's loaded columns. */
    Boolean test(Object[] row);

    /** {@code a AND b}. */
    record And(Condition left, Condition right) implements Condition {
        @Override
        public Boolean test(Object[] row) {
            Boolean l = left.test(row);
            if (Boolean.FALSE.equals(l)) {
                return false;
            }
            Boolean r = right.test(row);
            if (Boolean.FALSE.equals(r)) {
                return false;
            }
            return l == null || r == null ? null : true;
        }
    }

    /** {@code a OR b}. */
    record Or(Condition left, Condition right) implements Condition {
        @Override
        public Boolean test(Object[] row) {
            Boolean l = left.test(row);
            if (Boolean.TRUE.equals(l)) {
                return true;
            }
            Boolean r = right.test(row);
            if (Boolean.TRUE.equals(r)) {
                return true;
            }
            return l == null || r == null ? null : false;
        }
    }

    /** {@code NOT a}. */
    record Not(Condition inner) implements Condition {
        @Override
        public Boolean test(Object[] row) {
            Boolean v = inner.test(row);
            return v == null ? null : !v;
        }
    }

    /** {@code column <op> literal} or {@code literal <op> column}, normalised to the column on the left. */
    record Compare(int column, String operator, Object literal) implements Condition {
        @Override
        public Boolean test(Object[] row) {
            Integer c = Literals.compare(row[column], literal);
            if (c == null) {
                return null;
            }
            return switch (operator) {
                case "=" -> c == 0;
                case "<>" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException(operator);
            };
        }
    }

    /** {@code column [NOT] IN (literal, ...)}. */
    record In(int column, List<Object> literals, boolean negated) implements Condition {
        public In {
            literals = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(literals));
        }

        @Override
        public Boolean test(Object[] row) {
            boolean unknown = false;
            for (Object l : literals) {
                Integer c = Literals.compare(row[column], l);
                if (c == null) {
                    unknown = true;
                } else if (c == 0) {
                    return !negated;
                }
            }
            return unknown ? null : negated;
        }
    }

    /** {@code column IS [NOT] NULL}. */
    record IsNull(int column, boolean negated) implements Condition {
        @Override
        public Boolean test(Object[] row) {
            return (row[column] == null) != negated;
        }
    }
}
