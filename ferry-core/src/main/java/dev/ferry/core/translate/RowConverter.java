package dev.ferry.core.translate;

import dev.ferry.core.convert.ConversionException;
import dev.ferry.core.convert.Conversions;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.value.RowHasher;

/**
 * Converts source rows into a target table's rows ({@link Conversions#convert} per column) and
 * hashes them in their {@link Conversions#comparable comparable} form: the expected half of a
 * cross-engine proof. The same converter applied to rows read back from the target gives the other
 * half. A column whose kind is null passes through untouched (the same type on the same engine).
 * One per thread; the returned arrays are reused.
 */
public final class RowConverter {
    private final TypeKind[] kinds;
    private final int[] sources;
    private final Object[] converted;
    private final Object[] comparable;
    private final RowHasher hasher = new RowHasher();

    public RowConverter(Translation.TableMapping mapping) {
        this.kinds = mapping.kinds().toArray(TypeKind[]::new);
        this.sources = mapping.sourceColumns();
        this.converted = new Object[kinds.length];
        this.comparable = new Object[kinds.length];
    }

    /** The target row for a source row; throws {@link ConversionException} naming the column index. */
    public Object[] convert(Object[] sourceRow) {
        for (int i = 0; i < kinds.length; i++) {
            try {
                Object v = sourceRow[sources[i]];
                converted[i] = kinds[i] == null ? v : Conversions.convert(kinds[i], v);
            } catch (ConversionException e) {
                throw new ColumnConversionException(i, e);
            }
        }
        return converted;
    }

    /** Hashes a row already in the target's representation (converted, or read back and normalised). */
    public void hash(Object[] targetRow) {
        for (int i = 0; i < kinds.length; i++) {
            comparable[i] = kinds[i] == null ? targetRow[i] : Conversions.comparable(kinds[i], targetRow[i]);
        }
        hasher.add(comparable);
    }

    /** Normalises a row read back from the target, then hashes it. */
    public void hashReadBack(Object[] readRow) {
        for (int i = 0; i < kinds.length; i++) {
            try {
                comparable[i] = kinds[i] == null ? readRow[i]
                        : Conversions.comparable(kinds[i], Conversions.convert(kinds[i], readRow[i]));
            } catch (ConversionException e) {
                throw new ColumnConversionException(i, e);
            }
        }
        hasher.add(comparable);
    }

    public RowHasher hasher() {
        return hasher;
    }

    /** A conversion failure with the index of the target column it happened in. */
    public static final class ColumnConversionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int column;

        ColumnConversionException(int column, ConversionException cause) {
            super(cause.getMessage(), cause);
            this.column = column;
        }

        public int column() {
            return column;
        }
    }
}
