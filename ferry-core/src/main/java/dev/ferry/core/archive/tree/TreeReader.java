package dev.ferry.core.archive.tree;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.ferry.core.archive.ArchiveFormat;
import dev.ferry.core.archive.ArchiveInput;
import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.IoErrors;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Streams a stored tree's index, each entry checked by {@link TreeRules} before it is handed out,
 * and (with content) each file's bytes, checked against the file's size and SHA-256. At the end,
 * the counts must match the manifest and the content stream must be used up exactly.
 */
public final class TreeReader implements AutoCloseable {
    private final Manifest.TreeEntry tree;
    private final ArchiveInput index;
    private final MappingIterator<TreeItem> lines;
    private final TreeRules rules;
    private final PackInput pack;
    private final byte[] buffer = new byte[64 * 1024];
    private TreeItem unread;
    private long files;
    private long directories;
    private long links;
    private long bytes;

    public TreeReader(ArchiveReader archive, Manifest.TreeEntry tree, boolean withContent) {
        this.tree = tree;
        String context = "file tree '" + tree.name() + "'";
        this.index = archive.openFile(tree.index(), context, true);
        this.rules = new TreeRules(tree.name());
        this.pack = withContent ? new PackInput(archive, tree.parts(), context) : null;
        try {
            this.lines = ArchiveFormat.json().readerFor(TreeItem.class)
                    .without(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE).readValues(index);
        } catch (IOException e) {
            index.close();
            throw index.corrupt("cannot be read: " + e.getMessage(), e);
        }
    }

    /** The next entry, already checked; null at the end, once the whole tree has been checked. */
    public TreeItem next() {
        if (unread != null) {
            copyTo(unread, OutputStream.nullOutputStream());
        }
        TreeItem item;
        try {
            if (!lines.hasNextValue()) {
                finish();
                return null;
            }
            item = lines.nextValue();
        } catch (JacksonException e) {
            throw index.corrupt("holds an unreadable entry: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw index.corrupt("cannot be read: " + e.getMessage(), e);
        }
        rules.check(item);
        count(item);
        unread = pack != null && item.isFile() ? item : null;
        return item;
    }

    /** Writes the content of {@code item} (the file just returned by {@link #next}) and checks its SHA-256. */
    public void copyTo(TreeItem item, OutputStream out) {
        if (item != unread) {
            throw new IllegalStateException("copyTo is for the file just returned by next(), with content");
        }
        unread = null;
        MessageDigest sha = TreeWriter.sha256();
        long left = item.size();
        try {
            while (left > 0) {
                int n = pack.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw damaged(item, "its content is cut short");
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            throw IoErrors.wrap(e, "writing file tree '" + tree.name() + "':", java.nio.file.Path.of(item.path()));
        }
        if (!HexFormat.of().formatHex(sha.digest()).equals(item.sha256())) {
            throw damaged(item, "its content fails its SHA-256 check");
        }
    }

    private void count(TreeItem item) {
        if (item.isFile()) {
            files++;
            bytes += item.size();
        } else if (item.isDir()) {
            directories++;
        } else {
            links++;
        }
    }

    private void finish() {
        index.finish();
        if (pack != null) {
            pack.finish();
        }
        if (files != tree.files() || directories != tree.directories() || links != tree.links() || bytes != tree.bytes()) {
            throw index.corrupt("lists " + files + " files (" + bytes + " bytes), " + directories + " directories and " + links
                    + " links; the manifest says " + tree.files() + " (" + tree.bytes() + " bytes), " + tree.directories()
                    + " and " + tree.links(), null);
        }
    }

    private FerryException damaged(TreeItem item, String what) {
        return new FerryException(ErrorCode.ARCHIVE_CORRUPT, "File " + item.path() + " of the archive's file tree '"
                + tree.name() + "' is damaged: " + what + ". Use another backup.");
    }

    @Override
    public void close() {
        index.close();
        if (pack != null) {
            pack.close();
        }
    }
}
