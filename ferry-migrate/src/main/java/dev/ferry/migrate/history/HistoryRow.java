package dev.ferry.migrate.history;

/**
 * One row of Ferry's migration history table.
 *
 * @param kind       SQL, OPS, JAVA, or UNDO for an undo of {@code module:version}
 * @param success    true applied, false failed, null still running (or interrupted, if no one holds the lock)
 * @param runBy      who ran it: user, host and process id
 * @param backup     the archive taken before the run that applied it, or null
 * @param schemaHash the schema fingerprint right after it (successful rows), for drift detection
 */
public record HistoryRow(int rank, String module, String version, String description, String kind, String script,
                         String checksum, String runBy, String appliedAt, Long durationMs, Boolean success, String error,
                         String backup, String schemaHash) {

    public String id() {
        return module + ":" + version;
    }

    public boolean isUndo() {
        return "UNDO".equals(kind);
    }

    @Override
    public String toString() {
        return (isUndo() ? "undo of " : "") + module + " V" + version + " " + description;
    }
}
