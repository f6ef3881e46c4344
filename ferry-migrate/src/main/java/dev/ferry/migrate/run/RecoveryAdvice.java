package dev.ferry.migrate.run;

import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Path;

/** What a user should do after a failed or interrupted migration, with the exact restore command. */
public final class RecoveryAdvice {
    private final Session session;
    private final Path backup;

    public RecoveryAdvice(Session session, Path backup) {
        this.session = session;
        this.backup = backup;
    }

    public String afterFailure(boolean rolledBack, boolean undo) {
        String product = session.server().product();
        if (rolledBack) {
            return product + " rolled it back: the database is as it was before it (migrations that completed earlier in"
                    + " this run stay applied). Fix the " + (undo ? "undo script" : "script") + " and run ferry "
                    + (undo ? "undo" : "migrate") + " again." + backupNote();
        }
        return (session.support().transactionalDdl() ? "It ran outside a transaction (-- ferry:no-transaction)"
                : product + " cannot roll back DDL") + ", so the database may be partly changed. " + restoreOrRepair();
    }

    /** For a migration whose process died while it ran. */
    public String afterInterruption(boolean transactional) {
        if (transactional) {
            return session.server().product() + " rolled back what it had done; it runs again now.";
        }
        return "It may have been partly applied (" + session.server().product() + " cannot roll back DDL). " + restoreOrRepair();
    }

    private String restoreOrRepair() {
        if (backup == null) {
            return "No backup was taken before it (--no-backup): repair the database by hand, then run ferry repair to"
                    + " clear the failure and ferry migrate to continue.";
        }
        return "To return to the state before the run, restore the backup taken just before it: " + restoreCommand(backup)
                + " ; then fix the script and run ferry migrate. If you repair the database by hand instead, run ferry"
                + " repair to clear the failure.";
    }

    private String backupNote() {
        return backup == null ? "" : " The backup taken before this run is " + backup + ".";
    }

    /** {@code ferry restore --from '<archive>' --to '<url>' --clean [--user U] [--password-env VAR]}, without a password. */
    public static String restoreCommand(ConnectionSpec database, Path archive) {
        return "ferry restore --from '" + archive + "' --to '" + database.redactedUrl() + "' --clean"
                + (database.user() == null ? "" : " --user " + database.user())
                + (database.password() == null ? "" : " --password-env <VARIABLE-HOLDING-THE-PASSWORD>");
    }

    private String restoreCommand(Path archive) {
        return restoreCommand(session.settings().database(), archive);
    }
}
