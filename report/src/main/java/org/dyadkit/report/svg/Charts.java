package org.dyadkit.report.svg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts, each an {@link Svg} with a title, both axis labels and tick labels: histograms of
 * a score by role, a partner-by-partner scatter with its least-squares line, a dot plot of item
 * statistics by role and an interval (forest) plot. Values that are not finite are left out of a chart,
 * never drawn at zero.
 */
public final class Charts {
    /** Colours of the roles (colour-blind safe, Okabe and Ito 2008). */
    static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7"};
    private static final double W = 560;
    private static final double H = 360;
    private static final double LEFT = 64;
    private static final double RIGHT = 24;
    private static final double TOP = 40;
    private static final double BOTTOM = 56;

    private Charts() {
    }

    /** One estimate with its interval, for {@link #intervals}. */
    public record Interval(String label, double estimate, double lower, double upper, String group) {
    }

    /** Tick positions covering [lo, hi] at a round step (1, 2 or 5 times a power of ten). */
    static double[] ticks(double lo, double hi, int target) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * mag;
            if (step >= raw) {
                break;
            }
        }
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step) * step;
        int n = (int) Math.round((end - start) / step) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * step;
        }
        return t;
    }

    static String tick(double v, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        int d = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        String s = String.format(Locale.ROOT, "%." + Math.min(d, 4) + "f", v);
        return s.equals("-0") || s.matches("-0\\.0+") ? s.substring(1) : s;
    }

    /** The frame of a chart: axes with ticks and labels; returns the scales as {x0, x1, y0, y1} in data units. */
    private static void axes(Svg s, double[] xt, double[] yt, String xLabel, String yLabel, double w, double h,
            double left) {
        double x0 = left;
        double x1 = w - RIGHT;
        double y0 = h - BOTTOM;
        double y1 = TOP;
        s.line(x0, y0, x1, y0, "stroke:#333333;stroke-width:1");
        s.line(x0, y0, x0, y1, "stroke:#333333;stroke-width:1");
        if (xt != null) {
            for (double t : xt) {
                double px = x0 + (t - xt[0]) / (xt[xt.length - 1] - xt[0]) * (x1 - x0);
                s.line(px, y0, px, y0 + 5, "stroke:#333333");
                s.text(px, y0 + 18, "middle", 11, tick(t, xt), "tick");
            }
        }
        if (yt != null) {
            for (double t : yt) {
                double py = y0 - (t - yt[0]) / (yt[yt.length - 1] - yt[0]) * (y0 - y1);
                s.line(x0 - 5, py, x0, py, "stroke:#333333");
                s.line(x0, py, x1, py, "stroke:#e5e5e5");
                s.text(x0 - 8, py + 4, "end", 11, tick(t, yt), "tick");
            }
        }
        s.text((x0 + x1) / 2, h - 14, "middle", 12, xLabel, "x-label");
        s.text(16, (y0 + y1) / 2, "middle", 12, yLabel, "y-label", -90);
    }

    private static double px(double v, double[] t, double a, double b) {
        return a + (v - t[0]) / (t[t.length - 1] - t[0]) * (b - a);
    }

    private static void legend(Svg s, List<String> names, double x, double y) {
        for (int i = 0; i < names.size(); i++) {
            s.rect(x, y + i * 16 - 9, 10, 10, "fill:" + COLOURS[i % COLOURS.length]);
            s.text(x + 14, y + i * 16, "start", 11, names.get(i), "legend");
        }
    }

    private static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    /**
     * Histograms of one variable, one per group, side by side in each bin (Sturges' bin count on the pooled
     * values, at round break points).
     */
    public static Svg histogram(String id, String title, String xLabel, Map<String, double[]> groups) {
        Map<String, double[]> g = new LinkedHashMap<>();
        groups.forEach((k, v) -> g.put(k, finite(v)));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double[] v : g.values()) {
            for (double d : v) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
            n += v.length;
        }
        StringBuilder desc = new StringBuilder("Histogram of " + xLabel + " by group:");
        g.forEach((k, v) -> desc.append(' ').append(k).append(" (n = ").append(v.length).append(')'));
        Svg s = new Svg(id, "chart", W, H, title, desc.toString());
        if (n == 0) {
            axes(s, null, null, xLabel, "Count", W, H, LEFT);
            return s;
        }
        int bins = (int) Math.ceil(Math.log(Math.max(n, 2)) / Math.log(2) + 1);
        double[] xt = ticks(lo, hi, bins);
        int nb = xt.length - 1;
        int[][] counts = new int[g.size()][nb];
        int gi = 0;
        int max = 1;
        for (double[] v : g.values()) {
            for (double d : v) {
                int b = (int) Math.floor((d - xt[0]) / (xt[1] - xt[0]));
                b = Math.max(0, Math.min(nb - 1, b));
                counts[gi][b]++;
                max = Math.max(max, counts[gi][b]);
            }
            gi++;
        }
        double[] yt = ticks(0, max, 5);
        axes(s, xt, yt, xLabel, "Count", W, H, LEFT);
        double x0 = LEFT;
        double x1 = W - RIGHT;
        double y0 = H - BOTTOM;
        double bw = (x1 - x0) / nb;
        int k = g.size();
        for (int j = 0; j < k; j++) {
            for (int b = 0; b < nb; b++) {
                double top = px(counts[j][b], yt, y0, TOP);
                double x = x0 + b * bw + 1 + j * (bw - 2) / k;
                s.rect(x, top, (bw - 2) / k, y0 - top, "fill:" + COLOURS[j % COLOURS.length] + ";fill-opacity:0.85");
            }
        }
        legend(s, new ArrayList<>(g.keySet()), x1 - 90, TOP + 10);
        return s;
    }

    /**
     * A bootstrap (or any sampling) distribution to draw: its replicate values with the estimate and the
     * interval bounds to mark.
     *
     * @param label the panel's name (for example {@code men: actor-actor})
     * @param values the replicate values (non-finite ones are left out)
     * @param estimate the estimate, marked by a solid line
     * @param lower the interval's lower bound, marked by a dashed line (NaN: not marked)
     * @param upper the interval's upper bound (NaN: not marked)
     * @param interval the interval's name in the legend (for example {@code 95% bias-corrected CI})
     */
    public record Distribution(String label, double[] values, double estimate, double lower, double upper,
            String interval) {
        /** Keeps a copy of the values. */
        public Distribution {
            values = values.clone();
        }

        /** The values (a copy). */
        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /** Panel size of {@link #histograms}. */
    private static final double PW = 300;
    private static final double PH = 230;

    /**
     * The histogram of one distribution with the estimate (solid line) and the interval bounds (dashed
     * lines) marked; see {@link #histograms}.
     */
    public static Svg histogram(String id, String title, String xLabel, Distribution d) {
        return histograms(id, title, xLabel, List.of(d));
    }

    /**
     * Histograms of distributions, one panel each (two per row when there are several), each with the
     * estimate and its interval marked. The range drawn is the central 99% of the values widened to hold
     * the estimate and the interval (a few extreme replicates would otherwise squash the rest); the
     * description says how many values lie outside it. About 30 bins at round break points.
     */
    public static Svg histograms(String id, String title, String xLabel, List<Distribution> panels) {
        boolean one = panels.size() == 1;
        int cols = one ? 1 : 2;
        int rowsN = (panels.size() + cols - 1) / cols;
        double pw = one ? W : PW;
        double ph = one ? H : PH;
        double width = one ? W : cols * PW + 20;
        double height = one ? H : rowsN * PH + 30;
        StringBuilder desc = new StringBuilder("Histograms of " + panels.size() + " distribution"
                + (panels.size() == 1 ? "" : "s") + " of " + xLabel + ":");
        List<double[]> sortedAll = new ArrayList<>();
        for (Distribution d : panels) {
            double[] v = finite(d.values());
            java.util.Arrays.sort(v);
            sortedAll.add(v);
        }
        Svg s = new Svg(id, "chart", width, height, title, "");
        for (int i = 0; i < panels.size(); i++) {
            Distribution d = panels.get(i);
            double[] v = sortedAll.get(i);
            double ox = one ? 0 : 10 + (i % cols) * PW;
            double oy = one ? 0 : 26 + (i / cols) * PH;
            s.group(ox, oy);
            int outside = panel(s, d, v, xLabel, pw, ph, one);
            s.end();
            desc.append(' ').append(d.label()).append(" (").append(v.length).append(" values")
                    .append(outside > 0 ? ", " + outside + " outside the range drawn" : "").append(')')
                    .append(i + 1 < panels.size() ? ";" : ".");
        }
        Svg out = new Svg(id, "chart", width, height, title, desc.toString());
        return out.append(s);
    }

    /** One histogram panel at the origin; returns the number of values outside the range drawn. */
    private static int panel(Svg s, Distribution d, double[] v, String xLabel, double w, double h, boolean big) {
        double left = big ? LEFT : 52;
        double top = big ? TOP : 34;
        double bottom = big ? BOTTOM : 48;
        double x0 = left;
        double x1 = w - (big ? RIGHT : 12);
        double y0 = h - bottom;
        if (!big) {
            s.text((x0 + x1) / 2, 20, "middle", 12, d.label(), "panel-title");
        }
        if (v.length == 0) {
            panelAxes(s, null, null, xLabel, x0, x1, y0, top, h);
            return 0;
        }
        int n = v.length;
        double lo = v[(int) Math.floor(0.005 * (n - 1))];
        double hi = v[(int) Math.ceil(0.995 * (n - 1))];
        for (double m : new double[] {d.estimate(), d.lower(), d.upper()}) {
            if (Double.isFinite(m)) {
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            }
        }
        double[] xt = ticks(lo, hi, big ? 6 : 4);
        int per = Math.max(1, (int) Math.round(30.0 / (xt.length - 1)));
        int nb = (xt.length - 1) * per;
        double bw = (xt[xt.length - 1] - xt[0]) / nb;
        int[] counts = new int[nb];
        int outside = 0;
        for (double x : v) {
            if (x < xt[0] || x > xt[xt.length - 1]) {
                outside++;
                continue;
            }
            int b = Math.min(nb - 1, (int) Math.floor((x - xt[0]) / bw));
            counts[b]++;
        }
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        double[] yt = ticks(0, max, big ? 5 : 4);
        panelAxes(s, xt, yt, xLabel, x0, x1, y0, top, h);
        double pxw = (x1 - x0) / nb;
        for (int b = 0; b < nb; b++) {
            if (counts[b] > 0) {
                double t = px(counts[b], yt, y0, top);
                s.rect(x0 + b * pxw, t, Math.max(0.5, pxw - 0.6), y0 - t, "fill:" + COLOURS[0] + ";fill-opacity:0.7");
            }
        }
        for (double m : new double[] {d.lower(), d.upper()}) {
            if (Double.isFinite(m)) {
                double x = px(m, xt, x0, x1);
                s.line(x, top, x, y0, "stroke:" + COLOURS[1] + ";stroke-width:1.5;stroke-dasharray:5,3");
            }
        }
        if (Double.isFinite(d.estimate())) {
            double x = px(d.estimate(), xt, x0, x1);
            s.line(x, top, x, y0, "stroke:#111111;stroke-width:2");
        }
        double lx = x1 - (big ? 170 : 132);
        s.rect(lx - 4, top, x1 - lx + 2, Double.isFinite(d.lower()) || Double.isFinite(d.upper()) ? 30 : 16,
                "fill:#ffffff;fill-opacity:0.85");
        s.line(lx, top + 6, lx + 16, top + 6, "stroke:#111111;stroke-width:2");
        s.text(lx + 20, top + 10, "start", 10, "estimate", "legend");
        if (Double.isFinite(d.lower()) || Double.isFinite(d.upper())) {
            s.line(lx, top + 20, lx + 16, top + 20, "stroke:" + COLOURS[1] + ";stroke-width:1.5;stroke-dasharray:5,3");
            s.text(lx + 20, top + 24, "start", 10, d.interval(), "legend");
        }
        return outside;
    }

    private static void panelAxes(Svg s, double[] xt, double[] yt, String xLabel, double x0, double x1, double y0,
            double y1, double h) {
        s.line(x0, y0, x1, y0, "stroke:#333333;stroke-width:1");
        s.line(x0, y0, x0, y1, "stroke:#333333;stroke-width:1");
        if (xt != null) {
            for (double t : xt) {
                double p = px(t, xt, x0, x1);
                s.line(p, y0, p, y0 + 4, "stroke:#333333");
                s.text(p, y0 + 15, "middle", 10, tick(t, xt), "tick");
            }
        }
        if (yt != null) {
            for (double t : yt) {
                double p = px(t, yt, y0, y1);
                s.line(x0 - 4, p, x0, p, "stroke:#333333");
                s.line(x0, p, x1, p, "stroke:#e5e5e5");
                s.text(x0 - 6, p + 3, "end", 10, tick(t, yt), "tick");
            }
        }
        s.text((x0 + x1) / 2, h - 12, "middle", 11, xLabel, "x-label");
        s.text(14, (y0 + y1) / 2, "middle", 11, "Replicates", "y-label", -90);
    }

    /**
     * One line of {@link #lines}: its name (in the legend), the x and y values of its points (joined in
     * order; a non-finite y breaks the line) and whether its points are also drawn as dots.
     */
    public record Series(String name, double[] x, double[] y, boolean dots, boolean dashed) {
        /** Keeps copies of the values; x and y have the same length. */
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
            }
            x = x.clone();
            y = y.clone();
        }

        /** The x values (a copy). */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** The y values (a copy). */
        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /**
     * A line chart: each series a line (optionally with its points), coloured by {@code colourKey} (series
     * with the same key share a colour; solid and dashed lines then tell them apart), with an optional
     * horizontal reference line (for example the target power) and a fixed y range when {@code yLo < yHi}.
     */
    public static Svg lines(String id, String title, String xLabel, String yLabel, List<Series> series,
            List<String> colourKey, double reference, String referenceLabel, double yLo, double yHi) {
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        StringBuilder desc = new StringBuilder("Lines of " + yLabel + " against " + xLabel + ":");
        for (Series l : series) {
            int n = 0;
            for (int i = 0; i < l.x.length; i++) {
                if (Double.isFinite(l.x[i]) && Double.isFinite(l.y[i])) {
                    xlo = Math.min(xlo, l.x[i]);
                    xhi = Math.max(xhi, l.x[i]);
                    ylo = Math.min(ylo, l.y[i]);
                    yhi = Math.max(yhi, l.y[i]);
                    n++;
                }
            }
            desc.append(' ').append(l.name()).append(" (").append(n).append(" points)");
        }
        if (Double.isFinite(reference)) {
            ylo = Math.min(ylo, reference);
            yhi = Math.max(yhi, reference);
            desc.append("; reference line at ").append(tick(reference, new double[] {0, 0.01}));
        }
        Svg s = new Svg(id, "chart", W, H, title, desc.toString());
        if (!Double.isFinite(xlo)) {
            axes(s, null, null, xLabel, yLabel, W, H, LEFT);
            return s;
        }
        double[] xt = ticks(xlo, xhi, 6);
        double[] yt = yLo < yHi ? ticks(yLo, yHi, 5) : ticks(ylo, yhi, 5);
        axes(s, xt, yt, xLabel, yLabel, W, H, LEFT);
        double x0 = LEFT;
        double x1 = W - RIGHT;
        double y0 = H - BOTTOM;
        if (Double.isFinite(reference)) {
            double py = px(reference, yt, y0, TOP);
            s.line(x0, py, x1, py, "stroke:#777777;stroke-width:1.5;stroke-dasharray:6,4");
            if (referenceLabel != null) {
                s.text(x0 + 6, py - 5, "start", 10, referenceLabel, "legend");
            }
        }
        List<String> legend = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            Series l = series.get(k);
            String key = colourKey == null || k >= colourKey.size() ? l.name() : colourKey.get(k);
            if (!legend.contains(key)) {
                legend.add(key);
            }
            String colour = COLOURS[legend.indexOf(key) % COLOURS.length];
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < l.x.length; i++) {
                if (!Double.isFinite(l.x[i]) || !Double.isFinite(l.y[i])) {
                    pen = false;
                    continue;
                }
                d.append(pen ? " L" : (d.length() == 0 ? "M" : " M")).append(Svg.f(px(l.x[i], xt, x0, x1))).append(',')
                        .append(Svg.f(px(l.y[i], yt, y0, TOP)));
                pen = true;
            }
            if (d.length() > 0) {
                s.path(d.toString(), "fill:none;stroke:" + colour + ";stroke-width:2" + (l.dashed()
                        ? ";stroke-dasharray:5,3" : ""), false);
            }
            if (l.dots()) {
                for (int i = 0; i < l.x.length; i++) {
                    if (Double.isFinite(l.x[i]) && Double.isFinite(l.y[i])) {
                        s.circle(px(l.x[i], xt, x0, x1), px(l.y[i], yt, y0, TOP), 3, "fill:" + colour);
                    }
                }
            }
        }
        double lw = 0;
        for (String n : legend) {
            lw = Math.max(lw, n.length() * 6.2 + 24);
        }
        // the legend goes to the corner the lines leave free: top right unless the lines end high
        double endHigh = 0;
        int ends = 0;
        for (Series l : series) {
            for (int i = l.x.length - 1; i >= 0; i--) {
                if (Double.isFinite(l.y[i])) {
                    endHigh += (l.y[i] - yt[0]) / (yt[yt.length - 1] - yt[0]);
                    ends++;
                    break;
                }
            }
        }
        double ly = ends > 0 && endHigh / ends > 0.6 ? y0 - legend.size() * 16 - 8 : TOP + 1;
        s.rect(x1 - lw - 6, ly, lw + 4, legend.size() * 16 + 4, "fill:#ffffff;fill-opacity:0.85");
        legend(s, legend, x1 - lw, ly + 11);
        return s;
    }

    /**
     * A scatter of paired values with the least-squares line of y on x over the pairs where both are present.
     */
    public static Svg scatter(String id, String title, String xLabel, String yLabel, double[] x, double[] y) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                pts.add(new double[] {x[i], y[i]});
            }
        }
        double mx = 0;
        double my = 0;
        for (double[] p : pts) {
            mx += p[0];
            my += p[1];
        }
        mx /= Math.max(1, pts.size());
        my /= Math.max(1, pts.size());
        double sxx = 0;
        double sxy = 0;
        for (double[] p : pts) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        double slope = sxx > 0 ? sxy / sxx : Double.NaN;
        double icept = my - slope * mx;
        String line = Double.isFinite(slope) ? String.format(Locale.ROOT, "; least-squares line y = %.3f + %.3f x",
                icept, slope) : "";
        Svg s = new Svg(id, "chart", W, H, title, "Scatter of " + pts.size() + " dyads: " + xLabel + " against "
                + yLabel + line);
        double xlo = pts.stream().mapToDouble(p -> p[0]).min().orElse(0);
        double xhi = pts.stream().mapToDouble(p -> p[0]).max().orElse(1);
        double ylo = pts.stream().mapToDouble(p -> p[1]).min().orElse(0);
        double yhi = pts.stream().mapToDouble(p -> p[1]).max().orElse(1);
        double[] xt = ticks(xlo, xhi, 6);
        double[] yt = ticks(ylo, yhi, 5);
        axes(s, xt, yt, xLabel, yLabel, W, H, LEFT);
        double x0 = LEFT;
        double x1 = W - RIGHT;
        double y0 = H - BOTTOM;
        for (double[] p : pts) {
            s.circle(px(p[0], xt, x0, x1), px(p[1], yt, y0, TOP), 3, "fill:" + COLOURS[0] + ";fill-opacity:0.6");
        }
        if (Double.isFinite(slope)) {
            double a = Math.max(xt[0], xlo);
            double b = Math.min(xt[xt.length - 1], xhi);
            s.line(px(a, xt, x0, x1), px(icept + slope * a, yt, y0, TOP), px(b, xt, x0, x1),
                    px(icept + slope * b, yt, y0, TOP), "stroke:" + COLOURS[1] + ";stroke-width:2");
        }
        return s;
    }

    /**
     * A dot plot: one row per item, one dot per group, at the item's value (for example the corrected
     * item-total correlation).
     */
    public static Svg dots(String id, String title, String xLabel, String yLabel, List<String> items,
            Map<String, double[]> byGroup) {
        double h = Math.max(H, TOP + BOTTOM + 18.0 * items.size() + 20);
        Svg s = new Svg(id, "chart", W, h, title, xLabel + " of " + items.size() + " items by group: "
                + String.join(", ", byGroup.keySet()));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : byGroup.values()) {
            for (double d : finite(v)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        double[] xt = ticks(Math.min(lo, 0), Math.max(hi, 0), 6);
        double left = 100;
        axes(s, xt, null, xLabel, yLabel, W, h, left);
        double x0 = left;
        double x1 = W - RIGHT;
        double y0 = h - BOTTOM;
        double step = (y0 - TOP) / (items.size() + 1);
        for (int i = 0; i < items.size(); i++) {
            double y = TOP + step * (i + 1);
            s.line(x0, y, x1, y, "stroke:#eeeeee");
            s.text(x0 - 6, y + 4, "end", 10, items.get(i), "tick");
            int g = 0;
            for (double[] v : byGroup.values()) {
                if (i < v.length && Double.isFinite(v[i])) {
                    s.circle(px(v[i], xt, x0, x1), y, 4, "fill:" + COLOURS[g % COLOURS.length]);
                }
                g++;
            }
        }
        legend(s, new ArrayList<>(byGroup.keySet()), x1 - 90, TOP + 10);
        return s;
    }

    /** A forest plot: one row per estimate with its interval and a reference line at zero. */
    public static Svg intervals(String id, String title, String xLabel, String yLabel, List<Interval> rows,
            double reference) {
        double h = Math.max(260, TOP + BOTTOM + 26.0 * rows.size() + 20);
        double left = 190;
        Svg s = new Svg(id, "chart", 620, h, title, rows.size() + " estimates with their intervals; the vertical "
                + "line marks " + Charts.tick(reference, new double[] {0, 0.01}));
        double lo = reference;
        double hi = reference;
        for (Interval r : rows) {
            for (double d : new double[] {r.estimate(), r.lower(), r.upper()}) {
                if (Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        double[] xt = ticks(lo, hi, 6);
        axes(s, xt, null, xLabel, yLabel, 620, h, left);
        double x0 = left;
        double x1 = 620 - RIGHT;
        double y0 = h - BOTTOM;
        s.line(px(reference, xt, x0, x1), TOP, px(reference, xt, x0, x1), y0, "stroke:#999999;stroke-dasharray:4,3");
        double step = (y0 - TOP) / (rows.size() + 1);
        List<String> groups = new ArrayList<>();
        for (Interval r : rows) {
            if (r.group() != null && !groups.contains(r.group())) {
                groups.add(r.group());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Interval r = rows.get(i);
            double y = TOP + step * (i + 1);
            String colour = COLOURS[Math.max(0, groups.indexOf(r.group())) % COLOURS.length];
            s.text(x0 - 6, y + 4, "end", 10, r.label(), "tick");
            if (Double.isFinite(r.lower()) && Double.isFinite(r.upper())) {
                s.line(px(r.lower(), xt, x0, x1), y, px(r.upper(), xt, x0, x1), y, "stroke:" + colour + ";stroke-width:2");
            }
            if (Double.isFinite(r.estimate())) {
                s.circle(px(r.estimate(), xt, x0, x1), y, 4, "fill:" + colour);
            }
        }
        if (groups.size() > 1) {
            legend(s, groups, x1 - 110, TOP + 10);
        }
        return s;
    }
}
