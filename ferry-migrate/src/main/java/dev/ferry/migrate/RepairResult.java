package dev.ferry.migrate;

import java.util.List;

/** What {@code repair} changed in the history: each action as a sentence; empty if nothing needed repair. */
public record RepairResult(List<String> actions) {
    public RepairResult {
        actions = List.copyOf(actions);
    }
}
