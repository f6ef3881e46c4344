/**
 * Encryption of archives as a layer of the archive's file I/O: a passphrase-derived key
 * (Argon2id, Bouncy Castle) and per-file AES-256-GCM streams in fixed-size segments (the STREAM
 * construction: segment index and a last-segment flag in every nonce, per-file keys bound to the
 * file's name by HKDF-SHA256). {@link dev.ferry.core.archive.crypto.Sealing} is what the archive
 * writer and reader see; {@link dev.ferry.core.archive.crypto.Sealing#NONE} for plain archives. Public
 * API; the exact format is in docs/ARCHIVE-FORMAT.md ("Encryption").
 */
package dev.ferry.core.archive.crypto;
