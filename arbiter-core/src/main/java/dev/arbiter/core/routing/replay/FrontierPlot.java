package dev.arbiter.core.routing.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a replay's cost/quality frontier as a standalone SVG, by hand: the policy's sweep as a line, each model
 * alone as a grey dot, the baselines and the policy's own setting as labelled points. The cost axis is
 * logarithmic when costs span more than a factor of ten (per-call prices do), linear otherwise.
 */
public final class FrontierPlot {
    private static final int W = 760;
    private static final int H = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] BASELINE_COLOURS = {"#d62728", "#2ca02c", "#7f7f7f", "#9467bd"};

    private final ReplayReport report;
    private final double xMin;
    private final double xMax;
    private final boolean logX;
    private final double yMin;
    private final double yMax;

    private FrontierPlot(ReplayReport report) {
        this.report = report;
        List<RouterSummary> all = everything(report);
        double lo = all.stream().mapToDouble(RouterSummary::costMean).min().orElse(0);
        double hi = all.stream().mapToDouble(RouterSummary::costMean).max().orElse(1);
        this.logX = lo > 0 && hi / lo > 10;
        this.xMin = lo == hi ? lo * 0.9 : lo;
        this.xMax = lo == hi ? hi * 1.1 + 1e-12 : hi;
        double qLo = all.stream().mapToDouble(RouterSummary::quality).min().orElse(0);
        double qHi = all.stream().mapToDouble(RouterSummary::quality).max().orElse(1);
        this.yMin = Math.max(0, Math.floor(qLo * 10 - 0.5) / 10);
        this.yMax = Math.min(1, Math.ceil(qHi * 10 + 0.5) / 10);
    }

    public static String svg(ReplayReport report) {
        return new FrontierPlot(report).draw();
    }

    private static List<RouterSummary> everything(ReplayReport r) {
        List<RouterSummary> all = new ArrayList<>(r.eachModel());
        all.addAll(r.baselines());
        all.add(r.policy());
        r.sweep().forEach(p -> all.add(p.summary()));
        return all;
    }

    private String draw() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", W, H, W, H));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT,
                esc("Cost/quality frontier: " + report.policy().name() + " on " + report.data())));
        axes(s);
        for (RouterSummary m : report.eachModel()) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#bbbbbb\">"
                    + "<title>%s</title></circle>%n", x(m.costMean()), y(m.quality()), esc(m.name())));
        }
        if (!report.sweep().isEmpty()) {
            StringBuilder pts = new StringBuilder();
            for (SweepPoint p : report.sweep()) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.summary().costMean()), y(p.summary().quality())));
            }
            s.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"")
                    .append(pts.toString().strip()).append("\"/>\n");
        }
        legend(s);
        s.append("</svg>\n");
        return s.toString();
    }

    private void axes(StringBuilder s) {
        int x0 = LEFT;
        int y0 = H - BOTTOM;
        int x1 = W - RIGHT;
        s.append(String.format(Locale.ROOT, "<path d=\"M%d %d H%d M%d %d V%d\" stroke=\"black\"/>%n", x0, y0, x1, x0, y0, TOP));
        for (int i = 0; i <= 5; i++) {
            double q = yMin + (yMax - yMin) * i / 5;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n",
                    x0 - 6, y(q) + 4, q));
            double c = logX ? xMin * Math.pow(xMax / xMin, i / 5.0) : xMin + (xMax - xMin) * i / 5;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x(c), y0 + 16, esc(ReportText.money(c, report.costBlind()))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (x0 + x1) / 2, H - 12, esc((report.costBlind() ? "calls" : "cost") + " per request"
                        + (logX ? " (log scale)" : ""))));
        s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" "
                + "text-anchor=\"middle\">mean quality</text>%n", (TOP + y0) / 2, (TOP + y0) / 2));
    }

    private void legend(StringBuilder s) {
        int lx = W - RIGHT + 16;
        int ly = TOP + 10;
        if (!report.sweep().isEmpty()) {
            s.append(String.format(Locale.ROOT, "<path d=\"M%d %d h16\" stroke=\"#1f77b4\" stroke-width=\"2\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s sweep</text>%n", lx, ly, lx + 22, ly + 4, esc(report.policy().name())));
            ly += 18;
        }
        point(s, report.policy(), "#1f77b4", lx, ly, "policy");
        ly += 18;
        for (int i = 0; i < report.baselines().size(); i++) {
            RouterSummary b = report.baselines().get(i);
            point(s, b, BASELINE_COLOURS[i % BASELINE_COLOURS.length], lx, ly, b.name());
            ly += 18;
        }
        s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"#bbbbbb\"/>"
                + "<text x=\"%d\" y=\"%d\">each model alone</text>%n", lx + 8, ly, lx + 22, ly + 4));
    }

    private void point(StringBuilder s, RouterSummary r, String colour, int lx, int ly, String label) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\" fill=\"%s\">"
                + "<title>%s</title></rect>%n", x(r.costMean()) - 4.5, y(r.quality()) - 4.5, colour, esc(label)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"9\" height=\"9\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n", lx + 4, ly - 4, colour, lx + 22, ly + 4, esc(label)));
    }

    private double x(double cost) {
        double f = logX ? Math.log(cost / xMin) / Math.log(xMax / xMin) : (cost - xMin) / (xMax - xMin);
        return LEFT + f * (W - RIGHT - LEFT);
    }

    private double y(double quality) {
        return H - BOTTOM - (quality - yMin) / (yMax - yMin) * (H - BOTTOM - TOP);
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
