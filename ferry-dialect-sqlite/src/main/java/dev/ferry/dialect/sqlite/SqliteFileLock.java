package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.LockAttempt;
import dev.ferry.core.spi.MigrationLock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * The target lock of a SQLite database: an operating-system lock on {@code .<file>.ferry-lock} beside
 * the database, holding a line that names its holder. It puts nothing into the database (a restore
 * target stays empty), and the operating system frees it when the holding process dies. The holder
 * deletes the file while still holding the lock; a process that locked a file another one deleted in
 * the meantime sees that the path no longer holds its own line and tries again.
 */
final class SqliteFileLock implements MigrationLock {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final String line;

    private SqliteFileLock(Path path, FileChannel channel, FileLock lock, String line) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.line = line;
    }

    static Path lockFile(Path database) {
        return database.resolveSibling("." + database.getFileName() + ".ferry-lock");
    }

    static LockAttempt tryLock(Path database) {
        Path path = lockFile(database);
        try {
            return lockAt(path);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "Cannot take the lock file " + path + " beside the SQLite database: "
                    + e + ". Check that its directory exists and is writable.", e);
        }
    }

    private static LockAttempt lockAt(Path path) throws IOException {
        for (int attempt = 0; attempt < 5; attempt++) {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = lockOrNull(channel);
            if (lock == null) {
                channel.close();
                return LockAttempt.heldBy(holder(path));
            }
            String line = describeMe();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            if (line.equals(read(path))) {
                return LockAttempt.acquired(new SqliteFileLock(path, channel, lock, line));
            }
            lock.release();
            channel.close();
        }
        return LockAttempt.heldBy(holder(path));
    }

    private static FileLock lockOrNull(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static String describeMe() {
        ProcessIdentity me = ProcessIdentity.current();
        return "process " + me.pid() + " on host " + me.host() + " (lock taken " + Instant.now() + ", " + UUID.randomUUID() + ")";
    }

    private static String holder(Path path) {
        String line = read(path);
        return line == null || line.isBlank() ? "another process (lock file " + path + ")"
                : line.replaceAll(", [0-9a-f-]{36}\\)$", ")") + ", lock file " + path;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            if (line.equals(read(path))) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a lock file left behind is harmless: the next process locks it again
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock, as does the end of this process
        }
    }
}
