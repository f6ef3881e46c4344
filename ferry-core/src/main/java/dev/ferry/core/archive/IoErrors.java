package dev.ferry.core.archive;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.nio.file.Path;

/** Turns I/O failures into FerryExceptions that say where and what to do. */
public final class IoErrors {
    private IoErrors() {
    }

    public static FerryException wrap(IOException e, String action, Path where) {
        if (isDiskFull(e)) {
            return new FerryException(ErrorCode.DISK_FULL, "Disk full (no space left, or a file-size limit reached) while "
                    + action + " " + where + ": free space on that file system or choose another location.", e);
        }
        return new FerryException(ErrorCode.IO_FAILED, "I/O error while " + action + " " + where + ": " + e, e);
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")
                    || m.contains("File too large"))) {
                return true;
            }
        }
        return false;
    }
}
