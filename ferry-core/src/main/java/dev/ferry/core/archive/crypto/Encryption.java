package dev.ferry.core.archive.crypto;

import java.util.Objects;

/** How to encrypt a new archive: the passphrase and the key-derivation costs (a new salt each time). */
public record Encryption(Passphrase passphrase, KdfParameters kdf) {
    public Encryption {
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(kdf, "kdf");
    }

    /** Default Argon2id costs. */
    public static Encryption of(Passphrase passphrase) {
        return new Encryption(passphrase, KdfParameters.argon2id());
    }
}
