package dev.ferry.ops;

import dev.ferry.core.model.QualifiedName;

/** One table's proof: what the archive says against what was found. */
public record TableProof(QualifiedName table, long expectedRows, String expectedHash, long actualRows, String actualHash) {
    public boolean matches() {
        return expectedRows == actualRows && expectedHash.equals(actualHash);
    }
}
