package dev.ferry.core.value;

/** The one-byte tags that start every encoded value; see docs/ARCHIVE-FORMAT.md. Internal. */
final class ValueTag {
    static final int NULL = 0;
    static final int FALSE = 1;
    static final int TRUE = 2;
    static final int INT = 3;
    static final int BIG_INT = 4;
    static final int DECIMAL = 5;
    static final int FLOAT32 = 6;
    static final int FLOAT64 = 7;
    static final int TEXT = 8;
    static final int BYTES = 9;
    static final int DATE = 10;
    static final int TIME = 11;
    static final int TIMESTAMP = 12;
    static final int TIMESTAMP_TZ = 13;
    static final int TIME_TZ = 14;
    static final int INTERVAL = 15;
    static final int UUID = 16;
    static final int JSON = 17;
    static final int BITS = 18;
    static final int ARRAY = 19;
    static final int NATIVE = 20;
    static final int TIMESTAMP_TZ_INFINITY = 21;
    static final int TIMESTAMP_TZ_MINUS_INFINITY = 22;
    /** Ends a row stream; followed by the row count. */
    static final int END = 0xFF;

    private ValueTag() {
    }
}
