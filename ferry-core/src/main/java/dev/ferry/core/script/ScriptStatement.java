package dev.ferry.core.script;

/** One statement of a script, without its delimiter, and the 1-based line it starts on (for messages). */
public record ScriptStatement(String sql, int line) {
}
