package dev.ferry.bench.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile in the collapsed-stack format ({@code root;caller;...;leaf samples} per line), as the
 * call tree a flame graph draws. Java class names are shown with dots.
 */
final class CollapsedStacks {

    /** One frame of the call tree with the samples of every stack through it. */
    static final class Node {
        final String name;
        long samples;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String frame) {
            return children.computeIfAbsent(frame, Node::new);
        }
    }

    /** One line: the frames root first, and its samples. */
    record Stack(List<String> frames, long samples) {
    }

    private final List<Stack> stacks;
    private final Node root = new Node("all");

    private CollapsedStacks(List<Stack> stacks) {
        this.stacks = stacks;
        for (Stack s : stacks) {
            Node node = root;
            root.samples += s.samples();
            for (String frame : s.frames()) {
                node = node.child(frame);
                node.samples += s.samples();
            }
        }
    }

    static CollapsedStacks read(Path file) throws IOException {
        List<Stack> stacks = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1).trim());
            List<String> frames = new ArrayList<>();
            for (String frame : line.substring(0, space).split(";")) {
                frames.add(frame.replace('/', '.'));
            }
            stacks.add(new Stack(List.copyOf(frames), samples));
        }
        return new CollapsedStacks(stacks);
    }

    Node root() {
        return root;
    }

    List<Stack> stacks() {
        return stacks;
    }

    long total() {
        return root.samples;
    }
}
