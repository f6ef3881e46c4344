package dev.ferry.core.value;

/**
 * A value longer than this JVM can safely hold in memory. Not damage: the archive may be whole and
 * written on a machine with more memory; the remedy is a larger heap.
 */
public final class ValueTooLargeException extends ValueFormatException {
    private static final long serialVersionUID = 1L;

    private final long length;
    private final long limit;

    public ValueTooLargeException(long length, long limit) {
        super("a value of " + length + " bytes, more than the " + limit + " bytes this Java heap can safely hold");
        this.length = length;
        this.limit = limit;
    }

    public long length() {
        return length;
    }

    public long limit() {
        return limit;
    }
}
