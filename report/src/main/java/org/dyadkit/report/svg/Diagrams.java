package org.dyadkit.report.svg;

import java.util.List;

/**
 * Path diagrams of the actor-partner interdependence model (Kenny, Kashy and Cook 2006, fig. 7.1) and of
 * the APIM mediation model (Ledermann, Macho and Kenny 2011): one box per person's variable, actor paths
 * horizontal, partner paths across, the residual correlation as a curved two-headed arrow, each arrow
 * labelled with its estimate (and stars for p below .05, .01, .001).
 */
public final class Diagrams {
    private Diagrams() {
    }

    /** One labelled path; {@code label} is already formatted. */
    public record Path(String from, String to, String label) {
    }

    private static double width(String... texts) {
        double w = 110;
        for (String t : texts) {
            w = Math.max(w, t.length() * 7.0 + 16);
        }
        return w;
    }

    private static void box(Svg s, double cx, double cy, double w, String text) {
        s.rect(cx - w / 2, cy - 18, w, 36, "fill:#f5f5f5;stroke:#333333;stroke-width:1.2");
        s.text(cx, cy + 5, "middle", 12, text, "node");
    }

    /**
     * The APIM: X and Y of both partners (first role on top), actor paths {@code actor[r]} from X_r to Y_r,
     * partner paths {@code partner[r]} from the other's X to Y_r, and the residual correlation of the Ys.
     */
    public static Svg apim(String id, String title, String x, String y, List<String> roles, String[] actor,
            String[] partner, String residual) {
        double w = width(x + " (" + roles.get(0) + ")", x + " (" + roles.get(1) + ")", y + " (" + roles.get(0) + ")",
                y + " (" + roles.get(1) + ")");
        double width = Math.max(640, 2 * w + 340);
        Svg s = new Svg(id, "diagram", width, 330, title, "APIM path diagram: actor effects of " + x + " on " + y
                + " for " + String.join(" and ", roles) + " (horizontal), partner effects (across), residual "
                + "correlation " + residual);
        double xl = 20 + w / 2;
        double xr = width - 110 - w / 2;
        double[] yy = {90, 260};
        for (int r = 0; r < 2; r++) {
            box(s, xl, yy[r], w, x + " (" + roles.get(r) + ")");
            box(s, xr, yy[r], w, y + " (" + roles.get(r) + ")");
        }
        double sx = xl + w / 2 + 2;
        double ex = xr - w / 2 - 3;
        for (int r = 0; r < 2; r++) {
            s.arrow(sx, yy[r], ex, yy[r], "stroke:#333333;stroke-width:1.5", false);
            s.label((sx + ex) / 2, yy[r] - 8, 12, "actor " + actor[r]);
        }
        // partner path of role r: the other's X -> Y_r
        for (int r = 0; r < 2; r++) {
            int o = 1 - r;
            double y1 = yy[o] + (o == 0 ? 14 : -14);
            double y2 = yy[r] + (r == 0 ? 14 : -14);
            s.arrow(sx, y1, ex, y2, "stroke:#333333;stroke-width:1.5", false);
            double t = 0.28;
            s.label(sx + t * (ex - sx), y1 + t * (y2 - y1) + 4, 12, "partner " + partner[r]);
        }
        double edge = xr + w / 2 + 3;
        double cx = edge + 90;
        s.path("M" + Svg.f(edge) + "," + Svg.f(yy[0]) + " C" + Svg.f(cx) + "," + Svg.f(yy[0] + 20) + " "
                + Svg.f(cx) + "," + Svg.f(yy[1] - 20) + " " + Svg.f(edge) + "," + Svg.f(yy[1]),
                "fill:none;stroke:#333333;stroke-width:1.2", true);
        s.label(cx - 22, (yy[0] + yy[1]) / 2 + 4, 12, "r = " + residual);
        s.text(width / 2, 320, "middle", 10, "Residual correlation of the outcomes on the right; * p < .05, ** p < .01, "
                + "*** p < .001", "note");
        return s;
    }

    /**
     * The APIMeM: X, M and Y of both partners. {@code a[r]}, {@code b[r]} and {@code c[r]} hold the actor
     * (index 0) and partner (index 1) estimates of the paths into role r's mediator ({@code a}) and
     * outcome ({@code b}: from the mediators; {@code c}: the direct effects of X).
     */
    public static Svg apimem(String id, String title, String x, String m, String y, List<String> roles,
            String[][] a, String[][] b, String[][] c) {
        double w = width(x + " (" + roles.get(0) + ")", x + " (" + roles.get(1) + ")", m + " (" + roles.get(0) + ")",
                m + " (" + roles.get(1) + ")", y + " (" + roles.get(0) + ")", y + " (" + roles.get(1) + ")");
        double width = Math.max(760, 3 * w + 240);
        Svg s = new Svg(id, "diagram", width, 470, title, "APIM mediation path diagram: " + x + " to " + m + " (a), "
                + m + " to " + y + " (b) and " + x + " to " + y + " (c', direct) for " + String.join(" and ", roles));
        double xx = 20 + w / 2;
        double xm = width / 2;
        double xy = width - 20 - w / 2;
        double hw = w / 2;
        double[] yX = {150, 330};
        double[] yM = {60, 420};
        double[] yY = {150, 330};
        for (int r = 0; r < 2; r++) {
            box(s, xx, yX[r], w, x + " (" + roles.get(r) + ")");
            box(s, xm, yM[r], w, m + " (" + roles.get(r) + ")");
            box(s, xy, yY[r], w, y + " (" + roles.get(r) + ")");
        }
        String st = "stroke:#333333;stroke-width:1.3";
        String dashed = "stroke:#777777;stroke-width:1.1;stroke-dasharray:5,3";
        for (int r = 0; r < 2; r++) {
            int o = 1 - r;
            double sgn = r == 0 ? 1 : -1;
            // a: X_r -> M_r (actor), X_o -> M_r (partner)
            double t = r == 0 ? 0.2 : 0.8;
            drawLabelled(s, xx + hw * 0.4, yX[r] - sgn * 18, xm - hw * 0.4, yM[r] + sgn * 18, "a " + a[r][0], st, 0.5);
            drawLabelled(s, xx + hw * 0.7, yX[o] - sgn * 18, xm - hw * 0.8,
                    yM[r] + sgn * 18, "a " + a[r][1], st, t);
            // b: M_r -> Y_r (actor), M_o -> Y_r (partner)
            drawLabelled(s, xm + hw * 0.4, yM[r] + sgn * 18, xy - hw * 0.4, yY[r] - sgn * 18, "b " + b[r][0], st, 0.5);
            drawLabelled(s, xm + hw * 0.8, yM[o] - sgn * 18, xy - hw * 0.7, yY[r] + sgn * 18, "b " + b[r][1], st,
                    1 - t);
            // c': X_r -> Y_r (actor), X_o -> Y_r (partner)
            drawLabelled(s, xx + hw + 2, yX[r], xy - hw - 3, yY[r], "c' " + c[r][0], dashed, 0.5);
            drawLabelled(s, xx + hw + 2, yX[o] - sgn * 4, xy - hw - 3, yY[r] + sgn * 4, "c' " + c[r][1], dashed,
                    r == 0 ? 0.38 : 0.62);
        }
        s.text(width / 2, 462, "middle", 10, "Solid: paths through the mediators (a, b); dashed: direct effects (c'); "
                + "* p < .05, ** p < .01, *** p < .001", "note");
        return s;
    }

    private static void drawLabelled(Svg s, double x1, double y1, double x2, double y2, String label, String style,
            double t) {
        s.arrow(x1, y1, x2, y2, style, false);
        s.label(x1 + t * (x2 - x1), y1 + t * (y2 - y1) + 4, 11, label);
    }
}
