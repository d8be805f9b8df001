package org.haochaping.report.format;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.haochaping.report.document.Column;
import org.haochaping.report.document.Table;

/**
 * A table laid out row by row as its source produces them, so only the current page's rows exist: the
 * header (bold, shaded) repeated at the top of every page the table spans, zebra rows, numbers right-aligned
 * and spelled as on screen. Text wraps within its column, a header over at most {@value #HEADER_LINES} lines and
 * a cell over at most {@value #CELL_LINES}; longer text ends in an ellipsis, the full text being in the XLSX
 * and CSV. A row grows with its tallest cell.
 */
final class PdfTable {

    static final float NAME_SIZE = 11;
    static final float SIZE = 9;
    static final float ROW_HEIGHT = 16;
    static final float HEADER_HEIGHT = 20;
    static final int HEADER_LINES = 2;
    static final int CELL_LINES = 3;
    /** Each further line of a wrapped cell adds this much to its row. */
    static final float LINE_HEIGHT = SIZE * 1.3f;
    private static final float PADDING = 4;
    private static final Color HEADER_FILL = new Color(0xE4, 0xE8, 0xEE);
    private static final Color ZEBRA_FILL = new Color(0xF5, 0xF6, 0xF8);

    private final PdfCanvas canvas;
    private final List<Column> columns;
    private final float[] x;
    private final float[] widths;
    private final List<List<String>> headers = new java.util.ArrayList<>();
    private final float headerHeight;

    private PdfTable(PdfCanvas canvas, Table table) {
        this.canvas = canvas;
        this.columns = table.columns();
        this.widths = new float[columns.size()];
        this.x = new float[columns.size()];
        int total = columns.stream().mapToInt(ColumnWidths::of).sum();
        float left = PdfCanvas.left();
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = PdfCanvas.width() * ColumnWidths.of(columns.get(i)) / total;
            x[i] = left;
            left += widths[i];
            headers.add(wrapped(canvas.bold, columns.get(i).header(), widths[i], HEADER_LINES));
        }
        headerHeight = HEADER_HEIGHT + LINE_HEIGHT * (headers.stream().mapToInt(List::size).max().orElse(1) - 1);
    }

    /** The text's lines within a column, at most {@code most}, the last ending in an ellipsis if text is left over. */
    private static List<String> wrapped(PdfFont font, String text, float columnWidth, int most) {
        float room = columnWidth - 2 * PADDING;
        List<String> lines = LineBreaker.lines(font.printable(text), font, SIZE, room, 0);
        if (lines.isEmpty()) {
            return List.of("");
        }
        if (lines.size() <= most) {
            return lines;
        }
        List<String> kept = new java.util.ArrayList<>(lines.subList(0, most - 1));
        kept.add(font.fit(String.join("", lines.subList(most - 1, lines.size())), SIZE, room));
        return kept;
    }

    static void write(PdfCanvas canvas, Table table, RowCounter counter) throws IOException {
        if (table.columns().isEmpty()) {
            return;
        }
        var layout = new PdfTable(canvas, table);
        // The name, the header and a few rows stay together: a header alone at the foot of a page says nothing.
        canvas.ensure(NAME_SIZE * 2.5f + layout.headerHeight + 3 * ROW_HEIGHT);
        canvas.down(NAME_SIZE * 2.1f);
        canvas.text(canvas.bold, NAME_SIZE, PdfCanvas.TEXT, PdfCanvas.left(), canvas.y() + 3, canvas.bold.printable(table.name()));
        layout.header();
        int[] index = {0};
        try {
            table.rows().forEach(row -> {
                try {
                    layout.row(row, index[0]++);
                    counter.add();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        canvas.line(PdfCanvas.RULE, 0.75f, PdfCanvas.left(), canvas.y(), PdfCanvas.right(), canvas.y());
        canvas.down(ROW_HEIGHT);
    }

    private void header() throws IOException {
        float top = canvas.y();
        canvas.fill(HEADER_FILL, PdfCanvas.left(), top - headerHeight, PdfCanvas.width(), headerHeight);
        for (int i = 0; i < columns.size(); i++) {
            lines(canvas.bold, i, top - 13.5f, headers.get(i));
        }
        canvas.down(headerHeight);
        canvas.line(PdfCanvas.MUTED, 0.75f, PdfCanvas.left(), canvas.y(), PdfCanvas.right(), canvas.y());
    }

    /** One row, on a new page under the header again when it does not fit. */
    private void row(Object[] cells, int index) throws IOException {
        List<List<String>> texts = new java.util.ArrayList<>(columns.size());
        int tallest = 1;
        for (int i = 0; i < columns.size(); i++) {
            String text = CellText.readable(columns.get(i).type(), i < cells.length ? cells[i] : null);
            List<String> lines = CellText.isNumeric(columns.get(i).type())
                    ? List.of(canvas.regular.fit(canvas.regular.printable(text), SIZE, widths[i] - 2 * PADDING))
                    : wrapped(canvas.regular, text, widths[i], CELL_LINES);
            texts.add(lines);
            tallest = Math.max(tallest, lines.size());
        }
        float height = ROW_HEIGHT + LINE_HEIGHT * (tallest - 1);
        if (!canvas.fits(height)) {
            canvas.newPage();
            header();
        }
        float top = canvas.y();
        if (index % 2 == 1) {
            canvas.fill(ZEBRA_FILL, PdfCanvas.left(), top - height, PdfCanvas.width(), height);
        }
        for (int i = 0; i < columns.size(); i++) {
            lines(canvas.regular, i, top - 11f, texts.get(i));
        }
        canvas.down(height);
    }

    private void lines(PdfFont font, int column, float firstBaseline, List<String> lines) throws IOException {
        for (int line = 0; line < lines.size(); line++) {
            cell(font, column, firstBaseline - line * LINE_HEIGHT, lines.get(line));
        }
    }

    private void cell(PdfFont font, int column, float baseline, String text) throws IOException {
        if (CellText.isNumeric(columns.get(column).type())) {
            canvas.textRight(font, SIZE, PdfCanvas.TEXT, x[column] + widths[column] - PADDING, baseline, text);
        } else {
            canvas.text(font, SIZE, PdfCanvas.TEXT, x[column] + PADDING, baseline, text);
        }
    }
}
