package org.haochaping.report.format;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.haochaping.report.document.BarChart;
import org.haochaping.report.document.ColumnType;
import org.haochaping.report.document.LineChart;
import org.haochaping.report.document.ScatterChart;
import org.haochaping.report.document.Series;
import org.haochaping.system.Figures;
import org.jspecify.annotations.Nullable;

/**
 * Charts drawn as PDF vector graphics, sharp at any zoom and a few hundred bytes each: bars per category,
 * lines over days, and the progress/好评率 scatter with its diagonal. Each chart keeps to one page.
 */
final class PdfCharts {

    static final Color[] PALETTE = {
        new Color(0x2F, 0x6F, 0xB7), new Color(0xF0, 0x8A, 0x24), new Color(0x3C, 0xA3, 0x6B),
        new Color(0x8E, 0x5B, 0xB8), new Color(0x8C, 0x8C, 0x8C), new Color(0x1A, 0xA5, 0xB8)};
    private static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
    private static final Color AXIS = new Color(0x88, 0x88, 0x88);
    private static final float TITLE_SIZE = 11;
    private static final float LABEL_SIZE = 7.5f;
    private static final float PLOT_HEIGHT = 170;
    private static final float AXIS_LABELS_WIDTH = 40;
    private static final float BELOW_PLOT = 34;
    private static final int TICKS = 5;

    private final PdfCanvas canvas;
    private final float plotLeft;
    private final float plotRight;
    private float plotTop;
    private float plotBottom;

    private PdfCharts(PdfCanvas canvas) {
        this.canvas = canvas;
        this.plotLeft = PdfCanvas.left() + AXIS_LABELS_WIDTH;
        this.plotRight = PdfCanvas.right() - 10;
    }

    static void bars(PdfCanvas canvas, BarChart chart) throws IOException {
        var drawing = new PdfCharts(canvas);
        double max = drawing.start(chart.title(), chart.series(), chart.valueType());
        int categories = chart.categories().size();
        int seriesCount = Math.max(1, chart.series().size());
        float group = (drawing.plotRight - drawing.plotLeft) / Math.max(1, categories);
        float bar = group * 0.7f / seriesCount;
        for (int c = 0; c < categories; c++) {
            float groupLeft = drawing.plotLeft + c * group + group * 0.15f;
            for (int s = 0; s < chart.series().size(); s++) {
                Double value = valueAt(chart.series().get(s), c);
                if (value != null) {
                    float height = (float) (Math.max(0, value) / max) * (drawing.plotTop - drawing.plotBottom);
                    canvas.fill(PALETTE[s % PALETTE.length], groupLeft + s * bar, drawing.plotBottom, bar * 0.92f, height);
                }
            }
        }
        drawing.categoryLabels(chart.categories(), 1);
        drawing.finish(chart.series());
    }

    static void lines(PdfCanvas canvas, LineChart chart) throws IOException {
        var drawing = new PdfCharts(canvas);
        double max = drawing.start(chart.title(), chart.series(), chart.valueType());
        int categories = chart.categories().size();
        float step = (drawing.plotRight - drawing.plotLeft) / Math.max(1, categories);
        PDPageContentStream content = canvas.content();
        for (int s = 0; s < chart.series().size(); s++) {
            content.setStrokingColor(PALETTE[s % PALETTE.length]);
            content.setLineWidth(1.4f);
            boolean inLine = false;
            for (int c = 0; c < categories; c++) {
                Double value = valueAt(chart.series().get(s), c);
                if (value == null) { // a gap: the line stops and starts again after it
                    inLine = false;
                    continue;
                }
                float px = drawing.plotLeft + step * (c + 0.5f);
                float py = drawing.plotBottom + (float) (Math.max(0, value) / max) * (drawing.plotTop - drawing.plotBottom);
                if (inLine) {
                    content.lineTo(px, py);
                } else {
                    content.moveTo(px, py);
                    inLine = true;
                }
            }
            content.stroke();
        }
        // Thin the labels so they never overlap: 31 days show as every 5th or so.
        float widest = chart.categories().stream().map(l -> canvas.regular.width(canvas.regular.printable(l), LABEL_SIZE))
                .max(Float::compare).orElse(0f);
        int every = Math.max(1, (int) Math.ceil((widest + 6) / step));
        drawing.categoryLabels(chart.categories(), every);
        drawing.finish(chart.series());
    }

    static void scatter(PdfCanvas canvas, ScatterChart chart) throws IOException {
        var drawing = new PdfCharts(canvas);
        float side = PLOT_HEIGHT + 40;
        canvas.ensure(TITLE_SIZE * 2 + side + BELOW_PLOT + 10);
        drawing.title(chart.title());
        // Square plot, centred: equal scales keep the diagonal at 45°.
        float left = (PdfCanvas.left() + PdfCanvas.right() - side) / 2;
        float bottom = canvas.y() - side;
        float right = left + side;
        float top = canvas.y();
        for (int tick = 0; tick <= TICKS; tick++) {
            float offset = side * tick / TICKS;
            String label = (100 * tick / TICKS) + "%";
            canvas.line(GRID, 0.5f, left, bottom + offset, right, bottom + offset);
            canvas.line(GRID, 0.5f, left + offset, bottom, left + offset, top);
            canvas.textRight(canvas.regular, LABEL_SIZE, PdfCanvas.MUTED, left - 4, bottom + offset - 2.5f, label);
            canvas.textCentred(canvas.regular, LABEL_SIZE, PdfCanvas.MUTED, left + offset, bottom - 11, label);
        }
        canvas.frame(AXIS, 0.75f, left, bottom, side, side);
        PDPageContentStream content = canvas.content();
        content.setLineDashPattern(new float[] {4, 3}, 0);
        canvas.line(AXIS, 0.75f, left, bottom, right, top);
        content.setLineDashPattern(new float[0], 0);
        for (ScatterChart.Point point : chart.points()) {
            float px = left + (float) (clamp(point.x()) / 100) * side;
            float py = bottom + (float) (clamp(point.y()) / 100) * side;
            Color color = point.warning() ? PdfCanvas.RED : PALETTE[0];
            dot(content, color, px, py, 3.2f);
            String label = canvas.regular.printable(point.label());
            float labelWidth = canvas.regular.width(label, LABEL_SIZE);
            // Labels go right of their point, or left when they would leave the plot (points near 100%).
            float labelX = px + 5 + labelWidth > right ? px - 5 - labelWidth : px + 5;
            canvas.text(canvas.regular, LABEL_SIZE, point.warning() ? PdfCanvas.RED : PdfCanvas.TEXT, labelX, py - 2.5f, label);
        }
        canvas.textCentred(canvas.regular, 8, PdfCanvas.MUTED, (left + right) / 2, bottom - 24, canvas.regular.printable(chart.xAxisTitle()));
        String yTitle = canvas.regular.printable(chart.yAxisTitle());
        canvas.textRight(canvas.regular, 8, PdfCanvas.MUTED, left - 28, (top + bottom) / 2, yTitle);
        canvas.down(side + BELOW_PLOT);
    }

    /** Title and y axis with gridlines; returns the value at the top of the axis. */
    private double start(String title, List<Series> series, ColumnType valueType) throws IOException {
        canvas.ensure(TITLE_SIZE * 2 + PLOT_HEIGHT + BELOW_PLOT + 16);
        title(title);
        plotTop = canvas.y() - 4;
        plotBottom = plotTop - PLOT_HEIGHT;
        double max = valueType == ColumnType.PERCENT ? 100 : niceMax(series);
        for (int tick = 0; tick <= TICKS; tick++) {
            float y = plotBottom + PLOT_HEIGHT * tick / TICKS;
            canvas.line(tick == 0 ? AXIS : GRID, tick == 0 ? 0.75f : 0.5f, plotLeft, y, plotRight, y);
            canvas.textRight(canvas.regular, LABEL_SIZE, PdfCanvas.MUTED, plotLeft - 4, y - 2.5f,
                    tickLabel(max * tick / TICKS, valueType));
        }
        canvas.line(AXIS, 0.75f, plotLeft, plotBottom, plotLeft, plotTop);
        return max;
    }

    private void title(String title) throws IOException {
        canvas.down(TITLE_SIZE * 1.8f);
        canvas.textCentred(canvas.bold, TITLE_SIZE, PdfCanvas.TEXT, (PdfCanvas.left() + PdfCanvas.right()) / 2, canvas.y(),
                canvas.bold.printable(title));
        canvas.down(8);
    }

    private void categoryLabels(List<String> categories, int every) throws IOException {
        float step = (plotRight - plotLeft) / Math.max(1, categories.size());
        float room = step * every - 2;
        for (int c = 0; c < categories.size(); c += every) {
            String label = canvas.regular.fit(canvas.regular.printable(categories.get(c)), LABEL_SIZE, room);
            canvas.textCentred(canvas.regular, LABEL_SIZE, PdfCanvas.MUTED, plotLeft + step * (c + 0.5f), plotBottom - 11, label);
        }
    }

    /** The legend under the plot, centred, and the cursor below the chart. */
    private void finish(List<Series> series) throws IOException {
        float baseline = plotBottom - 26;
        float[] widths = new float[series.size()];
        float total = 0;
        for (int s = 0; s < series.size(); s++) {
            widths[s] = 12 + canvas.regular.width(canvas.regular.printable(series.get(s).name()), 8) + 14;
            total += widths[s];
        }
        float x = (PdfCanvas.left() + PdfCanvas.right() - total) / 2;
        for (int s = 0; s < series.size(); s++) {
            canvas.fill(PALETTE[s % PALETTE.length], x, baseline - 0.5f, 8, 8);
            canvas.text(canvas.regular, 8, PdfCanvas.TEXT, x + 12, baseline, canvas.regular.printable(series.get(s).name()));
            x += widths[s];
        }
        canvas.down(plotTop - plotBottom + BELOW_PLOT + 6);
    }

    private static String tickLabel(double value, ColumnType valueType) {
        return switch (valueType) {
            case PERCENT -> Math.round(value) + "%";
            case COUNT -> Figures.count(Math.round(value));
            default -> Figures.amount(java.math.BigDecimal.valueOf(value), "").strip();
        };
    }

    /** A round top for the axis (1, 2 or 5 times a power of ten, times the tick count) above the largest value. */
    private static double niceMax(List<Series> series) {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        if (max <= 0) {
            return 1;
        }
        double rawStep = max / TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rawStep)));
        for (double nice : new double[] {1, 2, 2.5, 5, 10}) {
            if (nice * magnitude >= rawStep) {
                return nice * magnitude * TICKS;
            }
        }
        return 10 * magnitude * TICKS;
    }

    private static @Nullable Double valueAt(Series series, int index) {
        return index < series.values().size() ? series.values().get(index) : null;
    }

    private static double clamp(double percent) {
        return Math.clamp(percent, 0, 100);
    }

    /** A filled circle from four Bézier arcs. */
    private static void dot(PDPageContentStream content, Color color, float cx, float cy, float r) throws IOException {
        float k = 0.552f * r;
        content.setNonStrokingColor(color);
        content.moveTo(cx + r, cy);
        content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        content.fill();
    }
}
