package dev.ferry.dialect.mysql;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Table;
import java.sql.SQLException;

/** Turns MariaDB/MySQL error codes met during a restore into messages naming the table and key. */
final class RestoreErrors {
    static final int DUPLICATE_KEY = 1062;
    static final int FOREIGN_KEY_CHILD = 1452;
    static final int CHECK_FAILED_MARIADB = 4025;
    static final int CHECK_FAILED_MYSQL = 3819;
    static final int ACCESS_DENIED_DB = 1044;
    static final int ACCESS_DENIED_SPECIFIC = 1227;

    private RestoreErrors() {
    }

    static FerryException load(Table table, long rowsBefore, SQLException e) {
        String where = "Loading table " + table.name() + " failed near row " + (rowsBefore + 1) + ": ";
        String what = switch (e.getErrorCode()) {
            case DUPLICATE_KEY -> "a duplicate value for a primary key or unique constraint (" + e.getMessage() + ")";
            case FOREIGN_KEY_CHILD -> "a row whose foreign key has no parent (" + e.getMessage() + ")";
            case CHECK_FAILED_MARIADB, CHECK_FAILED_MYSQL -> "a row that fails a check constraint (" + e.getMessage() + ")";
            default -> e.getMessage();
        };
        return new FerryException(ErrorCode.RESTORE_FAILED, where + what + ".", e);
    }

    static boolean isPermissionDenied(SQLException e) {
        return e.getErrorCode() == ACCESS_DENIED_DB || e.getErrorCode() == ACCESS_DENIED_SPECIFIC
                || e.getErrorCode() == 1142 || e.getErrorCode() == 1045;
    }
}
