package dev.ferry.migrate;

import java.util.List;

/**
 * One module's state in a database.
 *
 * @param currentVersion the latest applied version, or null if none is applied
 * @param pending        pending migrations ("V3 add destination"), in the order they will run
 * @param failed         recorded failures not yet resolved ("V3 add destination: ERROR ...")
 */
public record ModuleStatus(String module, String currentVersion, int applied, List<String> pending, List<String> failed) {
    public ModuleStatus {
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
    }
}
