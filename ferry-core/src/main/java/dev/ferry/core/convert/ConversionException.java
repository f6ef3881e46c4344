package dev.ferry.core.convert;

import dev.ferry.core.model.TypeKind;

/**
 * A value that cannot be moved into a kind exactly. Callers add the table, column and row; the
 * message says which value and why.
 */
public final class ConversionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final TypeKind kind;

    public ConversionException(TypeKind kind, Object value, String why) {
        super(describe(value) + " cannot be stored as " + kind + ": " + why);
        this.kind = kind;
    }

    public TypeKind kind() {
        return kind;
    }

    private static String describe(Object value) {
        String text = value instanceof byte[] b ? b.length + " bytes" : String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return value.getClass().getSimpleName() + " value '" + text + "'";
    }
}
