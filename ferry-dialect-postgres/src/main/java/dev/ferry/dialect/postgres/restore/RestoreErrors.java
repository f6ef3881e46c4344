package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a server error during a restore step into a {@link FerryException} (RESTORE_FAILED) that
 * names the step, the table, the constraint and the offending key, e.g. "Adding foreign key
 * child_parent_fk on public.child failed: insert or update on table "child" violates foreign key
 * constraint "child_parent_fk" (table public.child, constraint child_parent_fk): Key (parent_id)=(5)
 * is not present in table "parent"." The restore operation adds that nothing was restored (the
 * error used to say so twice).
 */
final class RestoreErrors {
    private RestoreErrors() {
    }

    static FerryException failed(String step, SQLException e) {
        StringBuilder message = new StringBuilder(step).append(" failed: ");
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            message.append(e.getMessage());
        } else {
            message.append(server.getMessage());
            String where = where(server);
            if (!where.isEmpty()) {
                message.append(" (").append(where).append(')');
            }
            if (server.getDetail() != null) {
                message.append(": ").append(withoutFinalPeriod(server.getDetail()));
            }
            if (server.getWhere() != null && server.getWhere().startsWith("COPY")) {
                message.append(" [").append(server.getWhere()).append(']');
            }
        }
        message.append(dev.ferry.core.error.SqlErrors.timedOut(e)).append('.');
        return new FerryException(ErrorCode.RESTORE_FAILED, message.toString(), e);
    }

    private static String withoutFinalPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String where(ServerErrorMessage server) {
        StringBuilder sb = new StringBuilder();
        if (server.getTable() != null) {
            sb.append("table ").append(server.getSchema() == null ? "" : server.getSchema() + ".").append(server.getTable());
        }
        if (server.getColumn() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("column ").append(server.getColumn());
        }
        if (server.getConstraint() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("constraint ").append(server.getConstraint());
        }
        return sb.toString();
    }
}
