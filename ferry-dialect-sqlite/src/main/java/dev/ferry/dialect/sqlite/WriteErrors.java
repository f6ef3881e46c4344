package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A write SQLite could not make because the disk is full (SQLITE_FULL) or the operating system refused
 * it (SQLITE_IOERR_WRITE: a file-size limit, a quota, a failing disk) becomes one DISK_FULL error that
 * names the directory, instead of the driver's "disk I/O error".
 */
final class WriteErrors {
    private WriteErrors() {
    }

    /** {@code e} as a DISK_FULL FerryException if it is one, else {@code e} itself. */
    static SQLException orDiskFull(SQLException e, Path file, String doing) {
        if (e instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_FULL
                || s.getResultCode() == SQLiteErrorCode.SQLITE_IOERR_WRITE)) {
            throw new FerryException(ErrorCode.DISK_FULL, "Disk full (no space left, a file-size limit or quota reached, or the"
                    + " disk refused the write) while " + doing + " into " + file.getFileName() + " in " + file.toAbsolutePath().getParent()
                    + ": free space on that file system or restore somewhere else. (" + s.getResultCode().name() + ")", e);
        }
        return e;
    }
}
