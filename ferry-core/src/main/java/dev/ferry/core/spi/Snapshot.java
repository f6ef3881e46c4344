package dev.ferry.core.spi;

import java.sql.Connection;
import java.util.List;

/**
 * Read-only connections sharing one consistent view of the database. Closing it ends the snapshot
 * transactions and closes the connections.
 */
public interface Snapshot extends AutoCloseable {

    /** At least one connection; each is used by one worker at a time. */
    List<Connection> connections();

    /** How the snapshot was made, e.g. "exported snapshot 00000003-0000001B-1 shared by 4 connections". */
    String note();

    /**
     * Called after every row was read and before the archive is committed: throws a FerryException if
     * the view turned out not to be consistent after all (e.g. a file read without locks changed). By
     * default a snapshot is consistent by construction.
     */
    default void requireConsistent() {
    }

    @Override
    void close();
}
