package org.dyadkit.report.svg;

import java.util.Locale;

/**
 * A minimal writer of standalone SVG 1.1 documents: rectangles, lines, paths, circles and text with
 * coordinates written to two decimals (so the same figure gives the same bytes on every run). Every
 * figure carries a {@code <title>} and a {@code <desc>}; charts add axis labels with the classes
 * {@code x-label} and {@code y-label}, which the report's tests look for.
 */
public final class Svg {
    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;
    private final String id;
    private final String title;
    private final String description;
    private final String kind;

    /**
     * A new figure.
     *
     * @param id a name unique within a report (used for marker ids and the file name)
     * @param kind {@code chart} (with axes) or {@code diagram} (a path diagram)
     */
    public Svg(String id, String kind, double width, double height, String title, String description) {
        this.id = id;
        this.kind = kind;
        this.width = width;
        this.height = height;
        this.title = title;
        this.description = description;
    }

    /** The figure's id. */
    public String id() {
        return id;
    }

    /** The figure's title. */
    public String title() {
        return title;
    }

    /** The figure's description. */
    public String description() {
        return description;
    }

    /** Escapes text for XML content and attributes. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String f(double d) {
        String s = String.format(Locale.ROOT, "%.2f", d);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    /** A rectangle. */
    public Svg rect(double x, double y, double w, double h, String style) {
        body.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(w))
                .append("\" height=\"").append(f(h)).append("\" style=\"").append(style).append("\"/>\n");
        return this;
    }

    /** A straight line. */
    public Svg line(double x1, double y1, double x2, double y2, String style) {
        body.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                .append("\" y2=\"").append(f(y2)).append("\" style=\"").append(style).append("\"/>\n");
        return this;
    }

    /** A line ending in an arrowhead ({@code both}: heads at both ends). */
    public Svg arrow(double x1, double y1, double x2, double y2, String style, boolean both) {
        body.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                .append("\" y2=\"").append(f(y2)).append("\" style=\"").append(style).append("\" marker-end=\"url(#")
                .append(id).append("-head)\"");
        if (both) {
            body.append(" marker-start=\"url(#").append(id).append("-tail)\"");
        }
        body.append("/>\n");
        return this;
    }

    /** A path from SVG path data; {@code arrows} adds heads at both ends. */
    public Svg path(String d, String style, boolean arrows) {
        body.append("<path d=\"").append(d).append("\" style=\"").append(style).append("\"");
        if (arrows) {
            body.append(" marker-end=\"url(#").append(id).append("-head)\" marker-start=\"url(#").append(id)
                    .append("-tail)\"");
        }
        body.append("/>\n");
        return this;
    }

    /** A circle. */
    public Svg circle(double cx, double cy, double r, String style) {
        body.append("<circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy)).append("\" r=\"").append(f(r))
                .append("\" style=\"").append(style).append("\"/>\n");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end; {@code cls} a class name or null. */
    public Svg text(double x, double y, String anchor, double size, String text, String cls) {
        return text(x, y, anchor, size, text, cls, 0);
    }

    /** Text rotated by {@code rotate} degrees about its anchor point. */
    public Svg text(double x, double y, String anchor, double size, String text, String cls, double rotate) {
        body.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(f(size)).append("\"");
        if (cls != null) {
            body.append(" class=\"").append(cls).append("\"");
        }
        if (rotate != 0) {
            body.append(" transform=\"rotate(").append(f(rotate)).append(' ').append(f(x)).append(' ').append(f(y))
                    .append(")\"");
        }
        body.append(">").append(escape(text)).append("</text>\n");
        return this;
    }

    /** Starts a group drawn shifted by ({@code dx}, {@code dy}), for a panel of a figure; close it with {@link #end()}. */
    public Svg group(double dx, double dy) {
        body.append("<g transform=\"translate(").append(f(dx)).append(' ').append(f(dy)).append(")\">\n");
        return this;
    }

    /** Ends the group started by {@link #group}. */
    public Svg end() {
        body.append("</g>\n");
        return this;
    }

    /** Appends the drawing (not the title or frame) of another figure, for building a figure in two passes. */
    public Svg append(Svg other) {
        body.append(other.body);
        return this;
    }

    /** Text on a white box, for labels on arrows. */
    public Svg label(double x, double y, double size, String text) {
        double w = text.length() * size * 0.56 + 6;
        rect(x - w / 2, y - size * 0.85, w, size * 1.2, "fill:#ffffff;stroke:none");
        return text(x, y, "middle", size, text, "estimate");
    }

    /** The whole SVG document (no XML declaration, so it can also be inlined in HTML). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure ").append(kind).append("\" id=\"")
                .append(id).append("\" width=\"").append(f(width)).append("\" height=\"").append(f(height))
                .append("\" viewBox=\"0 0 ").append(f(width)).append(' ').append(f(height))
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\" font-family=\"")
                .append("Helvetica, Arial, sans-serif\">\n");
        b.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>\n");
        b.append("<desc>").append(escape(description)).append("</desc>\n");
        b.append("<defs><marker id=\"").append(id).append("-head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" ")
                .append("style=\"fill:#333333\"/></marker><marker id=\"").append(id).append("-tail\" viewBox=\"0 0 10 10\" ")
                .append("refX=\"1\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path ")
                .append("d=\"M10,0 L0,5 L10,10 z\" style=\"fill:#333333\"/></marker></defs>\n");
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(f(width)).append("\" height=\"").append(f(height))
                .append("\" style=\"fill:#ffffff\"/>\n");
        b.append("<text x=\"").append(f(width / 2)).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" ")
                .append("font-weight=\"bold\" class=\"figure-title\">").append(escape(title)).append("</text>\n");
        b.append(body);
        b.append("</svg>\n");
        return b.toString();
    }
}
