package dev.ferry.core.archive.tree;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * The path-safety rules every index entry must pass before anything of a tree is written, checked
 * as the index streams (memory: the depth of the tree):
 * <ul>
 *   <li>a path is relative, {@code /}-separated, with no empty, {@code .} or {@code ..} component and no NUL;</li>
 *   <li>only directories, regular files and links; device files, pipes, sockets and unknown types are refused;</li>
 *   <li>entries are in strictly increasing order (component by component), so no name appears twice;</li>
 *   <li>an entry's parent is a directory listed before it, never a link: nothing is written through a link;</li>
 *   <li>a link's target is relative, and its {@code ..} components come first and climb no higher than the
 *       tree's root, so the link resolves inside the tree.</li>
 * </ul>
 */
public final class TreeRules {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MODE = Pattern.compile("0[0-7]{3}");
    private static final int MAX_PATH = 4096;
    private static final int MAX_NAME = 255;

    private final String tree;
    private final Deque<String> openDirs = new ArrayDeque<>();
    private String previous;

    public TreeRules(String tree) {
        this.tree = tree;
    }

    /** Refuses an unsafe entry with {@link ErrorCode#ARCHIVE_CORRUPT}, naming it. */
    public void check(TreeItem item) {
        String problem = pathProblem(item.path());
        if (problem == null) {
            problem = typeProblem(item);
        }
        if (problem == null) {
            problem = placeProblem(item.path());
        }
        if (problem != null) {
            throw new FerryException(ErrorCode.ARCHIVE_CORRUPT, "The archive's file tree '" + tree + "' holds an unsafe entry '"
                    + printable(item.path()) + "': " + problem + ". Nothing was written. The archive was altered or not made"
                    + " by Ferry; use another backup.");
        }
        if (item.isDir()) {
            openDirs.push(item.path());
        }
        previous = item.path();
    }

    /** Why a link at {@code path} with {@code target} would resolve outside the tree, or null if it stays inside. */
    public static String linkProblem(String path, String target) {
        if (target == null || target.isEmpty() || target.indexOf('\0') >= 0) {
            return "a link with an empty or NUL-containing target";
        }
        if (target.startsWith("/")) {
            return "a link to an absolute path (" + printable(target) + "), outside the tree";
        }
        int depth = path.split("/").length - 1;
        int up = 0;
        boolean named = false;
        for (String part : target.split("/")) {
            if (part.equals("..")) {
                if (named) {
                    return "a link whose target (" + printable(target) + ") has '..' after a name";
                }
                up++;
            } else if (!part.isEmpty() && !part.equals(".")) {
                named = true;
            }
        }
        return up > depth ? "a link that leaves the tree (" + printable(target) + ")" : null;
    }

    /** Orders paths component by component ({@code a} < {@code a/x} < {@code a-b}): '/' sorts before any character. */
    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return x == '/' ? -1 : y == '/' ? 1 : Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static String pathProblem(String path) {
        if (path == null || path.isEmpty()) {
            return "it has no path";
        }
        if (path.indexOf('\0') >= 0) {
            return "its path contains a NUL character";
        }
        if (path.startsWith("/")) {
            return "it is an absolute path";
        }
        if (path.length() > MAX_PATH) {
            return "its path is longer than " + MAX_PATH + " characters";
        }
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                return "its path climbs out of the tree with '..'";
            }
            if (part.isEmpty() || part.equals(".")) {
                return "its path has an empty or '.' component";
            }
            if (part.length() > MAX_NAME) {
                return "a name in its path is longer than " + MAX_NAME + " characters";
            }
        }
        return null;
    }

    private static String typeProblem(TreeItem item) {
        String type = item.type() == null ? "" : item.type();
        return switch (type) {
            case TreeItem.DIR -> modeProblem(item);
            case TreeItem.FILE -> item.size() == null || item.size() < 0 || item.sha256() == null
                    || !SHA256.matcher(item.sha256()).matches() ? "a file without a valid size and SHA-256" : modeProblem(item);
            case TreeItem.LINK -> linkProblem(item.path(), item.target());
            case "device", "block", "char", "fifo", "socket" ->
                    "it is a " + type + " entry; device files, pipes and sockets are never restored";
            default -> "it has an unknown type '" + printable(type) + "'";
        };
    }

    private static String modeProblem(TreeItem item) {
        return item.mode() == null || MODE.matcher(item.mode()).matches() ? null : "its mode '" + printable(item.mode())
                + "' is not three octal digits";
    }

    private String placeProblem(String path) {
        if (previous != null) {
            int order = compare(previous, path);
            if (order == 0) {
                return "it is listed twice";
            }
            if (order > 0) {
                return "it is out of order (after '" + printable(previous) + "'), so it could be a duplicate";
            }
        }
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        while (!openDirs.isEmpty() && !openDirs.peek().equals(parent)) {
            openDirs.pop();
        }
        if (!parent.isEmpty() && openDirs.isEmpty()) {
            return "it is inside '" + printable(parent) + "', which is not a directory of the tree (a link, a file or missing)";
        }
        return null;
    }

    private static String printable(String s) {
        return s == null ? "" : s.replace("\0", "\\0").replaceAll("\\p{Cntrl}", "?");
    }
}
