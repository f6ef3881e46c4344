package dev.ferry.migrate.run;

import dev.ferry.ops.ProgressListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Passes notes on to the caller's listener and keeps those worth repeating in the result. */
public final class NoteCollector implements ProgressListener {
    private final ProgressListener delegate;
    private final List<String> kept = Collections.synchronizedList(new ArrayList<>());

    public NoteCollector(ProgressListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void note(String message) {
        if (!message.startsWith("Applying ") && !message.startsWith("Undoing ") && !message.startsWith("  ")) {
            kept.add(message);
        }
        delegate.note(message);
    }

    public List<String> all() {
        return List.copyOf(kept);
    }
}
