package dev.ferry.cli;

import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The passphrase of an encrypted archive, never on the command line: from the environment or a file. */
final class PassphraseOptions {
    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Read the archive passphrase from environment variable VAR.")
    String env;

    @Option(names = "--passphrase-file", paramLabel = "PATH",
            description = "Read the archive passphrase from a file (one trailing line break is ignored).")
    Path file;

    /** The passphrase, or null when neither option was given. */
    Passphrase passphrase() {
        if (env != null && file != null) {
            throw new FerryException(ErrorCode.USAGE, "Give either --passphrase-env or --passphrase-file, not both.");
        }
        return env != null ? Passphrase.fromEnvironment(env) : file != null ? Passphrase.fromFile(file) : null;
    }

    boolean given() {
        return env != null || file != null;
    }
}
