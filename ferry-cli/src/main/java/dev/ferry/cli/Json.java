package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.core.archive.ArchiveFormat;
import java.io.PrintStream;

/** Prints a summary object as JSON on standard output. */
final class Json {
    private Json() {
    }

    static void print(PrintStream out, Object value) {
        try {
            out.println(ArchiveFormat.json().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise summary", e);
        }
    }
}
