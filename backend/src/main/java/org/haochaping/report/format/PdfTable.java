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
 * and spelled as on screen. Cells do not wrap (a row is one line): too long text ends in an ellipsis, the
 * full text being in the XLSX and CSV.
 */
final class PdfTable {

    static final float NAME_SIZE = 11;
    static final float SIZE = 9;
    static final float ROW_HEIGHT = 16;
    static final float HEADER_HEIGHT = 20;
    private static final float PADDING = 4;
    private static final Color HEADER_FILL = new Color(0xE4, 0xE8, 0xEE);
    private static final Color ZEBRA_FILL = new Color(0xF5, 0xF6, 0xF8);

    private final PdfCanvas canvas;
    private final List<Column> columns;
    private final float[] x;
    private final float[] widths;
    private final String[] headers;

    private PdfTable(PdfCanvas canvas, Table table) {
        this.canvas = canvas;
        this.columns = table.columns();
        this.widths = new float[columns.size()];
        this.x = new float[columns.size()];
        this.headers = new String[columns.size()];
        int total = columns.stream().mapToInt(ColumnWidths::of).sum();
        float left = PdfCanvas.left();
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = PdfCanvas.width() * ColumnWidths.of(columns.get(i)) / total;
            x[i] = left;
            left += widths[i];
            headers[i] = canvas.bold.fit(canvas.bold.printable(columns.get(i).header()), SIZE, widths[i] - 2 * PADDING);
        }
    }

    static void write(PdfCanvas canvas, Table table, RowCounter counter) throws IOException {
        if (table.columns().isEmpty()) {
            return;
        }
        var layout = new PdfTable(canvas, table);
        // The name, the header and a few rows stay together: a header alone at the foot of a page says nothing.
        canvas.ensure(NAME_SIZE * 2.5f + HEADER_HEIGHT + 3 * ROW_HEIGHT);
        canvas.down(NAME_SIZE * 2.1f);
        canvas.text(canvas.bold, NAME_SIZE, PdfCanvas.TEXT, PdfCanvas.left(), canvas.y() + 3, canvas.bold.printable(table.name()));
        layout.header();
        int[] index = {0};
        try {
            table.rows().forEach(row -> {
                try {
                    if (!canvas.fits(ROW_HEIGHT)) {
                        canvas.newPage();
                        layout.header();
                    }
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
        canvas.fill(HEADER_FILL, PdfCanvas.left(), top - HEADER_HEIGHT, PdfCanvas.width(), HEADER_HEIGHT);
        float baseline = top - HEADER_HEIGHT + 6.5f;
        for (int i = 0; i < columns.size(); i++) {
            cell(canvas.bold, i, baseline, headers[i]);
        }
        canvas.down(HEADER_HEIGHT);
        canvas.line(PdfCanvas.MUTED, 0.75f, PdfCanvas.left(), canvas.y(), PdfCanvas.right(), canvas.y());
    }

    private void row(Object[] cells, int index) throws IOException {
        float top = canvas.y();
        if (index % 2 == 1) {
            canvas.fill(ZEBRA_FILL, PdfCanvas.left(), top - ROW_HEIGHT, PdfCanvas.width(), ROW_HEIGHT);
        }
        float baseline = top - ROW_HEIGHT + 5f;
        for (int i = 0; i < columns.size(); i++) {
            String text = CellText.readable(columns.get(i).type(), i < cells.length ? cells[i] : null);
            cell(canvas.regular, i, baseline, canvas.regular.fit(canvas.regular.printable(text), SIZE, widths[i] - 2 * PADDING));
        }
        canvas.down(ROW_HEIGHT);
    }

    private void cell(PdfFont font, int column, float baseline, String text) throws IOException {
        if (CellText.isNumeric(columns.get(column).type())) {
            canvas.textRight(font, SIZE, PdfCanvas.TEXT, x[column] + widths[column] - PADDING, baseline, text);
        } else {
            canvas.text(font, SIZE, PdfCanvas.TEXT, x[column] + PADDING, baseline, text);
        }
    }
}
