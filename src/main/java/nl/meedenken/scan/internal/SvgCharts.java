package nl.meedenken.scan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Draws the report charts as plain SVG 1.1 strings, for the PDF (openhtmltopdf with Batik) and the printable
 * HTML page: only rect, line, circle, text and g with presentation attributes; no CSS, scripts or foreignObject.
 * Every chart starts with a title and a desc that lists the values as a text alternative. Visible numbers follow
 * the given locale with one decimal; coordinates are always written with a dot.
 */
public final class SvgCharts {

    static final String PRIMARY = "#1f4e8c";
    static final String ACCENT = "#e8731a";
    static final String LIGHT = "#d9dee5";
    static final String GREY = "#5b6573";
    static final String TEXT = "#1e2833";
    static final String SUPPRESSED = "#e9ecef";
    static final String DASH = "\u2013";
    static final String ELLIPSIS = "\u2026";

    /** Heatmap colour stops for the values 1, 3 and 5: red, amber, green; values in between are interpolated. */
    private static final int[][] STOPS = {{0xc0, 0x39, 0x2b}, {0xf0, 0xb4, 0x29}, {0x2e, 0x8b, 0x57}};

    // Layout of the row charts (bars and gap): label column, then the plot area, then room for a value.
    private static final int ROW_WIDTH = 640;
    private static final int ROW = 28;
    private static final int LABEL_END = 172;
    private static final int PLOT_LEFT = 186;
    private static final int PLOT_RIGHT = 580;
    private static final int GAP_LEFT = 216;
    private static final int GAP_RIGHT = 596;

    // Layout of the map: a square plot inside a 480 x 480 canvas, pole labels left of and below the plot.
    static final int MAP_SIZE = 480;
    static final int MAP_LEFT = 36;
    static final int MAP_TOP = 16;
    static final int MAP_PLOT = 428;

    /** One bar; a null value means the group is too small to show. */
    public record Bar(String label, Double value) {
    }

    /** One dumbbell row; a null on either side hides the row. */
    public record Pair(String label, Double left, Double right) {
    }

    /** One point on the 1..5 map; values outside the scale are drawn on its edge. */
    public record Point(String label, double x, double y, boolean highlight) {
        public Point {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("A map point needs finite coordinates: " + label);
            }
        }
    }

    private SvgCharts() {
    }

    /** Horizontal bars between min and max, one row of 28px per bar; hidden bars print hiddenText instead. */
    public static String bars(String title, List<Bar> bars, double min, double max, Locale locale, String hiddenText) {
        checkRange(min, max);
        var body = new StringBuilder();
        var desc = new StringJoiner("; ");
        int top = 10;
        axis(body, min, max, PLOT_LEFT, PLOT_RIGHT, top, top + ROW * bars.size(), locale);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            Double value = finite(bar.value());
            double middle = top + ROW * i + ROW / 2.0;
            text(body, LABEL_END, middle + 4, "end", 12, TEXT, "", fit(bar.label(), LABEL_END - 6, 12));
            if (value == null) {
                text(body, PLOT_LEFT + 4, middle + 4, "start", 12, GREY, " font-style=\"italic\"", hiddenText);
                desc.add(plain(bar.label()) + ": " + plain(hiddenText));
            } else {
                double end = xAt(value, min, max, PLOT_LEFT, PLOT_RIGHT);
                rect(body, PLOT_LEFT, middle - 9, Math.max(1, end - PLOT_LEFT), 18, PRIMARY, "");
                text(body, Math.max(end, PLOT_LEFT + 1) + 6, middle + 4, "start", 12, TEXT, "", number(value, locale));
                desc.add(plain(bar.label()) + ": " + number(value, locale));
            }
        }
        return svg(ROW_WIDTH, 40 + ROW * bars.size(), title, desc.toString(), body);
    }

    /** Dumbbell chart: per row a grey line between the left (primary) and right (accent) value, with a legend. */
    public static String gap(String title, String leftName, String rightName, List<Pair> pairs, double min, double max,
                             Locale locale, String hiddenText) {
        checkRange(min, max);
        var body = new StringBuilder();
        var desc = new StringJoiner("; ");
        // Legend: a dot and a name for each side.
        circle(body, GAP_LEFT + 6, 14, 5, PRIMARY);
        String left = fit(leftName, 160, 12);
        text(body, GAP_LEFT + 16, 18, "start", 12, TEXT, "", left);
        double second = GAP_LEFT + 16 + width(left, 12) + 24;
        circle(body, second + 6, 14, 5, ACCENT);
        text(body, second + 16, 18, "start", 12, TEXT, "", fit(rightName, ROW_WIDTH - second - 20, 12));
        int top = 34;
        axis(body, min, max, GAP_LEFT, GAP_RIGHT, top, top + ROW * pairs.size(), locale);
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            Double l = finite(pair.left());
            Double r = finite(pair.right());
            double middle = top + ROW * i + ROW / 2.0;
            text(body, LABEL_END, middle + 4, "end", 12, TEXT, "", fit(pair.label(), LABEL_END - 6, 12));
            if (l == null || r == null) {
                text(body, GAP_LEFT + 4, middle + 4, "start", 12, GREY, " font-style=\"italic\"", hiddenText);
                desc.add(plain(pair.label()) + ": " + plain(hiddenText));
                continue;
            }
            double lx = xAt(l, min, max, GAP_LEFT, GAP_RIGHT);
            double rx = xAt(r, min, max, GAP_LEFT, GAP_RIGHT);
            line(body, lx, middle, rx, middle, LIGHT, 4, "");
            circle(body, lx, middle, 6, PRIMARY);
            circle(body, rx, middle, 6, ACCENT);
            // The lower value is printed on the outer left, the higher on the outer right.
            boolean leftIsLow = l <= r;
            text(body, Math.min(lx, rx) - 10, middle + 4, "end", 12, TEXT, "", number(leftIsLow ? l : r, locale));
            text(body, Math.max(lx, rx) + 10, middle + 4, "start", 12, TEXT, "", number(leftIsLow ? r : l, locale));
            desc.add(plain(pair.label()) + ": " + plain(leftName) + " " + number(l, locale) + " / "
                    + plain(rightName) + " " + number(r, locale));
        }
        return svg(ROW_WIDTH, top + ROW * pairs.size() + 30, title, desc.toString(), body);
    }

    /** Grid of values[row][col] on the 1..5 colour scale; null cells are grey with a dash. */
    public static String heatmap(String title, List<String> rowLabels, List<String> columnLabels, Double[][] values,
                                 Locale locale) {
        if (values.length != rowLabels.size()) {
            throw new IllegalArgumentException("Expected " + rowLabels.size() + " rows of values, got " + values.length);
        }
        for (Double[] row : values) {
            if (row.length != columnLabels.size()) {
                throw new IllegalArgumentException("Expected " + columnLabels.size() + " values per row, got " + row.length);
            }
        }
        int cellWidth = 56;
        int cellHeight = 30;
        double rowLabelWidth = 40;
        for (String label : rowLabels) {
            rowLabelWidth = Math.max(rowLabelWidth, Math.min(200, width(label, 12)));
        }
        boolean rotate = columnLabels.size() > 6
                || columnLabels.stream().anyMatch(label -> width(label, 12) > cellWidth - 6);
        double headerWidth = 0;
        List<String> headers = new ArrayList<>();
        for (String label : columnLabels) {
            String shown = fit(label, rotate ? 150 : cellWidth - 6, 12);
            headers.add(shown);
            headerWidth = Math.max(headerWidth, width(shown, 12));
        }
        double angle = Math.toRadians(40);
        double x0 = Math.ceil(rowLabelWidth) + 16;
        double y0 = rotate ? Math.ceil(headerWidth * Math.sin(angle)) + 16 : 24;
        double rightPad = rotate ? Math.max(8, headerWidth * Math.cos(angle) - cellWidth / 2.0 + 8) : 8;
        int svgWidth = (int) Math.ceil(x0 + cellWidth * columnLabels.size() + rightPad);
        int svgHeight = (int) Math.ceil(y0 + cellHeight * rowLabels.size() + 8);

        var body = new StringBuilder();
        for (int col = 0; col < headers.size(); col++) {
            double cx = x0 + cellWidth * col + cellWidth / 2.0;
            if (rotate) {
                double bottom = y0 - 8;
                text(body, cx, bottom, "start", 12, TEXT,
                        " transform=\"rotate(-40 " + c(cx) + " " + c(bottom) + ")\"", headers.get(col));
            } else {
                text(body, cx, y0 - 8, "middle", 12, TEXT, "", headers.get(col));
            }
        }
        var desc = new StringJoiner("; ");
        for (int row = 0; row < rowLabels.size(); row++) {
            double y = y0 + cellHeight * row;
            text(body, x0 - 8, y + cellHeight / 2.0 + 4, "end", 12, TEXT, "", fit(rowLabels.get(row), 200, 12));
            var cells = new StringJoiner(" / ");
            for (int col = 0; col < columnLabels.size(); col++) {
                Double value = finite(values[row][col]);
                double x = x0 + cellWidth * col;
                String fill = value == null ? SUPPRESSED : scale(value);
                rect(body, x + 1, y + 1, cellWidth - 2, cellHeight - 2, fill, "");
                String shown = value == null ? DASH : number(value, locale);
                String ink = value == null ? GREY : readableOn(fill);
                text(body, x + cellWidth / 2.0, y + cellHeight / 2.0 + 4, "middle", 12, ink, "", shown);
                cells.add(plain(columnLabels.get(col)) + " " + shown);
            }
            desc.add(plain(rowLabels.get(row)) + ": " + cells);
        }
        return svg(svgWidth, svgHeight, title, desc.toString(), body);
    }

    /** Square 1..5 scatter plot with quadrant midlines at 3 and the four pole labels at the axis ends. */
    public static String map(String title, String xLow, String xHigh, String yLow, String yHigh, List<Point> points,
                             Locale locale) {
        int right = MAP_LEFT + MAP_PLOT;
        int bottom = MAP_TOP + MAP_PLOT;
        double middleX = mapX(3);
        double middleY = mapY(3);
        var body = new StringBuilder();
        rect(body, MAP_LEFT, MAP_TOP, MAP_PLOT, MAP_PLOT, "#ffffff", " stroke=\"" + LIGHT + "\"");
        line(body, middleX, MAP_TOP, middleX, bottom, GREY, 1, " stroke-dasharray=\"4 4\"");
        line(body, MAP_LEFT, middleY, right, middleY, GREY, 1, " stroke-dasharray=\"4 4\"");
        // Poles: x below the plot at its left and right end, y rotated beside the plot at its bottom and top end.
        double half = MAP_PLOT / 2.0 - 12;
        text(body, MAP_LEFT, bottom + 22, "start", 11, GREY, "", fit(xLow, half, 11));
        text(body, right, bottom + 22, "end", 11, GREY, "", fit(xHigh, half, 11));
        text(body, 22, bottom, "start", 11, GREY, " transform=\"rotate(-90 22 " + bottom + ")\"", fit(yLow, half, 11));
        text(body, 22, MAP_TOP, "end", 11, GREY, " transform=\"rotate(-90 22 " + MAP_TOP + ")\"", fit(yHigh, half, 11));

        var desc = new StringJoiner("; ", "x: " + plain(xLow) + " " + DASH + " " + plain(xHigh) + ", y: " + plain(yLow)
                + " " + DASH + " " + plain(yHigh) + ". ", "");
        // Dots are drawn highlights last (on top); labels are placed highlights first (best spots) and drawn last.
        List<Point> ordered = new ArrayList<>(points.stream().filter(p -> !p.highlight()).toList());
        ordered.addAll(points.stream().filter(Point::highlight).toList());
        double[][] boxes = new double[ordered.size()][];
        List<double[]> placed = new ArrayList<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            Point point = ordered.get(i);
            int size = point.highlight() ? 12 : 11;
            boxes[i] = placeLabel(mapX(point.x()), mapY(point.y()), radius(point),
                    width(fit(point.label(), 150, size), size), size, placed);
            placed.add(boxes[i]);
        }
        for (Point point : ordered) {
            body.append("<circle cx=\"").append(c(mapX(point.x()))).append("\" cy=\"").append(c(mapY(point.y())))
                    .append("\" r=\"").append(radius(point)).append("\" fill=\"").append(point.highlight() ? ACCENT : PRIMARY)
                    .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
        }
        for (int i = 0; i < ordered.size(); i++) {
            Point point = ordered.get(i);
            int size = point.highlight() ? 12 : 11;
            // A label left of its dot is anchored at its end, so a wider than estimated text never hits the dot.
            boolean leftOfDot = boxes[i][2] <= mapX(point.x());
            text(body, leftOfDot ? boxes[i][2] : boxes[i][0], boxes[i][3] - 3, leftOfDot ? "end" : "start", size, TEXT,
                    point.highlight() ? " font-weight=\"bold\"" : "", fit(point.label(), 150, size));
        }
        for (Point point : points) {
            desc.add(plain(point.label()) + ": x " + number(point.x(), locale) + " / y " + number(point.y(), locale));
        }
        return svg(MAP_SIZE, MAP_SIZE, title, desc.toString(), body);
    }

    private static int radius(Point point) {
        return point.highlight() ? 8 : 5;
    }

    /**
     * Picks a box {x1, y1, x2, y2} for a point label: right, left, above or below the dot, the first that fits the
     * canvas and overlaps no earlier label; otherwise the one pushed inside the canvas that overlaps the least.
     */
    private static double[] placeLabel(double px, double py, int radius, double w, int size, List<double[]> placed) {
        double h = size + 3;
        double gap = radius + 4;
        double[][] candidates = {
                {px + gap, py - h / 2}, {px - gap - w, py - h / 2},
                {px + radius, py - radius - h}, {px + radius, py + radius},
                {px - radius - w, py - radius - h}, {px - radius - w, py + radius}};
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double[] candidate : candidates) {
            double x = Math.max(2, Math.min(candidate[0], MAP_SIZE - 2 - w));
            double y = Math.max(2, Math.min(candidate[1], MAP_SIZE - 2 - h));
            double[] box = {x, y, x + w, y + h};
            // Cost: area covered by earlier labels, plus a little when the box had to be pushed inside the canvas.
            double cost = placed.stream().mapToDouble(o -> Math.max(0, Math.min(box[2], o[2]) - Math.max(box[0], o[0]))
                    * Math.max(0, Math.min(box[3], o[3]) - Math.max(box[1], o[1]))).sum();
            cost += x == candidate[0] && y == candidate[1] ? 0 : 0.5;
            if (cost < bestCost) {
                best = box;
                bestCost = cost;
            }
        }
        return best;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String svg(int width, int height, String title, String desc, CharSequence body) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\"><title>" + escape(title)
                + "</title><desc>" + escape(desc) + "</desc>" + body + "</svg>";
    }

    /** Grid lines with values below the rows: every whole number for small whole ranges, else min, middle, max. */
    private static void axis(StringBuilder body, double min, double max, double left, double right, double top,
                             double bottom, Locale locale) {
        double span = max - min;
        boolean whole = span == Math.rint(span) && min == Math.rint(min) && span >= 2 && span <= 10;
        double step = whole ? 1 : span / 2;
        for (double tick = min; tick <= max + step / 1000; tick += step) {
            double x = xAt(tick, min, max, left, right);
            line(body, x, top, x, bottom, LIGHT, 1, "");
            text(body, x, bottom + 16, "middle", 11, GREY, "", number(tick, locale));
        }
    }

    private static void text(StringBuilder body, double x, double y, String anchor, int size, String fill, String extra,
                             String content) {
        body.append("<text x=\"").append(c(x)).append("\" y=\"").append(c(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-family=\"sans-serif\" font-size=\"").append(size).append("px\" fill=\"").append(fill)
                .append('"').append(extra).append('>').append(escape(content)).append("</text>");
    }

    private static void rect(StringBuilder body, double x, double y, double w, double h, String fill, String extra) {
        body.append("<rect x=\"").append(c(x)).append("\" y=\"").append(c(y)).append("\" width=\"").append(c(w))
                .append("\" height=\"").append(c(h)).append("\" fill=\"").append(fill).append('"').append(extra).append("/>");
    }

    private static void line(StringBuilder body, double x1, double y1, double x2, double y2, String stroke, double width,
                             String extra) {
        body.append("<line x1=\"").append(c(x1)).append("\" y1=\"").append(c(y1)).append("\" x2=\"").append(c(x2))
                .append("\" y2=\"").append(c(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(c(width)).append('"').append(extra).append("/>");
    }

    private static void circle(StringBuilder body, double cx, double cy, double r, String fill) {
        body.append("<circle cx=\"").append(c(cx)).append("\" cy=\"").append(c(cy)).append("\" r=\"").append(c(r))
                .append("\" fill=\"").append(fill).append("\"/>");
    }

    private static void checkRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min >= max) {
            throw new IllegalArgumentException("Need min < max, got " + min + " and " + max);
        }
    }

    private static double xAt(double value, double min, double max, double left, double right) {
        return left + (clamp(value, min, max) - min) / (max - min) * (right - left);
    }

    private static double mapX(double x) {
        return MAP_LEFT + (clamp(x, 1, 5) - 1) / 4 * MAP_PLOT;
    }

    private static double mapY(double y) {
        return MAP_TOP + MAP_PLOT - (clamp(y, 1, 5) - 1) / 4 * MAP_PLOT;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** NaN and infinity count as missing. */
    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    /** Colour for a value on the 1..5 scale, interpolated between the red, amber and green stops. */
    static String scale(double value) {
        double position = (clamp(value, 1, 5) - 1) / 2;
        int from = Math.min(1, (int) position);
        double t = position - from;
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            rgb[i] = (int) Math.round(STOPS[from][i] + (STOPS[from + 1][i] - STOPS[from][i]) * t);
        }
        return String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    /** White or dark text, whichever has the higher WCAG contrast on the given background. */
    static String readableOn(String background) {
        double luminance = luminance(background);
        double onWhite = 1.05 / (luminance + 0.05);
        double onDark = (luminance + 0.05) / (luminance(TEXT) + 0.05);
        return onWhite >= onDark ? "#ffffff" : TEXT;
    }

    private static double luminance(String hex) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double channel = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            sum += weights[i] * (channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    /** A visible number: one decimal, in the reader's locale (3,4 in Dutch, 3.4 in English). */
    static String number(double value, Locale locale) {
        return nl.meedenken.platform.Rounding.format(value, 1, locale);
    }

    /** A coordinate: at most one decimal, always with a dot. */
    private static String c(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
    }

    /** Rough text width in px for a sans-serif font: about 0.56 em per character. */
    private static double width(String text, int size) {
        String value = plain(text);
        return value.codePointCount(0, value.length()) * size * 0.56;
    }

    /** The text, cut with an ellipsis when its estimated width exceeds maxWidth. */
    static String fit(String text, double maxWidth, int size) {
        String value = plain(text);
        int maxChars = Math.max(2, (int) (maxWidth / (size * 0.56)));
        if (value.codePointCount(0, value.length()) <= maxChars) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, maxChars - 1)).strip() + ELLIPSIS;
    }

    /** Null as empty, line breaks as spaces, other control characters (not allowed in XML) removed. */
    private static String plain(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\\r\\n\\t]+", " ").replaceAll("[\\x00-\\x1f\\x7f\\ufffe\\uffff]", "").strip();
    }

    /** Escapes the five XML special characters. */
    static String escape(String text) {
        return plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
