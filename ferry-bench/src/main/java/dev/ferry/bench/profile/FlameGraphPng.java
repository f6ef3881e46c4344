package dev.ferry.bench.profile;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * {@code java -cp ferry-bench.jar dev.ferry.bench.profile.FlameGraphPng STACKS PNG [TITLE]}: draws a
 * classic flame graph (root at the bottom, width = share of CPU samples) of a collapsed-stack
 * profile as a PNG, and prints {@link ProfileSummary}'s account of where the time goes. Colours by
 * kind of frame: Ferry green, drivers and libraries blue, JDK yellow, native and kernel red.
 */
public final class FlameGraphPng {
    private static final int WIDTH = 1800;
    private static final int ROW = 17;
    private static final int MAX_DEPTH = 70;
    private static final int TOP = 40;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final CollapsedStacks profile;
    private final String title;
    private Graphics2D g;
    private int height;

    FlameGraphPng(CollapsedStacks profile, String title) {
        this.profile = profile;
        this.title = title;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: FlameGraphPng STACKS PNG [TITLE]");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        CollapsedStacks profile = CollapsedStacks.read(Path.of(args[0]));
        String title = args.length > 2 ? args[2] : Path.of(args[0]).getFileName().toString();
        ImageIO.write(new FlameGraphPng(profile, title).draw(), "png", Path.of(args[1]).toFile());
        System.out.print(new ProfileSummary(profile).render());
    }

    BufferedImage draw() {
        int depth = Math.min(MAX_DEPTH, depth(profile.root(), 0));
        height = TOP + (depth + 1) * ROW + 10;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(FONT.deriveFont(Font.BOLD, 15f));
        g.drawString(title + String.format(Locale.ROOT, "  (%,d CPU samples)", profile.total()), 10, 22);
        g.setFont(FONT);
        drawNode(profile.root(), 0, 10, WIDTH - 20.0);
        g.dispose();
        return image;
    }

    private void drawNode(CollapsedStacks.Node node, int level, double x, double width) {
        if (width < 0.4 || level > MAX_DEPTH) {
            return;
        }
        int y = height - 10 - (level + 1) * ROW;
        g.setColor(colour(node.name));
        g.fillRect((int) x, y, Math.max(1, (int) width - 1), ROW - 1);
        label(node, x, y, width);
        double childX = x;
        for (CollapsedStacks.Node child : node.children.values()) {
            double w = width * child.samples / node.samples;
            drawNode(child, level + 1, childX, w);
            childX += w;
        }
    }

    private void label(CollapsedStacks.Node node, double x, int y, double width) {
        FontMetrics metrics = g.getFontMetrics();
        String text = shortName(node.name) + String.format(Locale.ROOT, " (%.1f%%)", 100.0 * node.samples / profile.total());
        int room = (int) width - 6;
        if (room < metrics.stringWidth("W..")) {
            return;
        }
        while (metrics.stringWidth(text) > room && text.length() > 3) {
            text = text.substring(0, Math.max(1, text.length() - 4)) + "..";
        }
        g.setColor(Color.BLACK);
        g.drawString(text, (int) x + 3, y + ROW - 5);
    }

    /** {@code dev.ferry.core.value.RowHasher.add} becomes {@code RowHasher.add}. */
    static String shortName(String frame) {
        String name = frame.endsWith("_[j]") || frame.endsWith("_[i]") ? frame.substring(0, frame.length() - 4) : frame;
        int paren = name.indexOf('(');
        String head = paren > 0 ? name.substring(0, paren) : name;
        int method = head.lastIndexOf('.');
        int type = method > 0 ? head.lastIndexOf('.', method - 1) : -1;
        return type >= 0 && !head.contains("::") ? name.substring(type + 1) : name;
    }

    private static Color colour(String frame) {
        int shade = Math.floorMod(frame.hashCode(), 40);
        if (frame.startsWith("dev.ferry")) {
            return new Color(90 + shade, 190 + shade / 2, 90);
        }
        if (frame.startsWith("org.") || frame.startsWith("com.") || frame.startsWith("net.") || frame.startsWith("info.")) {
            return new Color(100 + shade, 160 + shade, 230);
        }
        if (frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.")) {
            return new Color(215, 190 + shade, 60);
        }
        return frame.endsWith("_[k]") ? new Color(230, 120 + shade, 60) : new Color(225, 90 + shade, 70);
    }

    private static int depth(CollapsedStacks.Node node, int level) {
        int max = level;
        for (CollapsedStacks.Node child : node.children.values()) {
            max = Math.max(max, depth(child, level + 1));
        }
        return max;
    }
}
