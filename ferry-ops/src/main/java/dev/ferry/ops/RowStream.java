package dev.ferry.ops;

/**
 * A table's rows from wherever they come (an archive's chunks, a live source), in the order of the
 * source table's loaded columns; the array may be reused. Internal.
 */
interface RowStream extends AutoCloseable {

    /** The next row, or null at the end (after every check of the source has passed). */
    Object[] next() throws Exception;

    @Override
    void close() throws Exception;
}
