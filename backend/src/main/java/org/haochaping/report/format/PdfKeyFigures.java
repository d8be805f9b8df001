package org.haochaping.report.format;

import java.awt.Color;
import java.io.IOException;

import org.haochaping.report.document.KeyFigures;

/**
 * Headline figures as a grid of boxes, the label small, the value large, a note under it: four a row when
 * they are four or eight, otherwise three, so no row ends with a lone box when it can be avoided.
 */
final class PdfKeyFigures {

    private static final int MAX_PER_ROW = 4;
    private static final float GAP = 10;
    private static final float HEIGHT = 66;
    private static final Color BOX_FILL = new Color(0xF7, 0xF8, 0xFA);

    private PdfKeyFigures() {
    }

    static void write(PdfCanvas canvas, KeyFigures figures) throws IOException {
        int count = figures.figures().size();
        int perRow = Math.max(1, Math.min(count, count % MAX_PER_ROW == 0 ? MAX_PER_ROW : MAX_PER_ROW - 1));
        float boxWidth = (PdfCanvas.width() - GAP * (perRow - 1)) / perRow;
        float inner = boxWidth - 16;
        canvas.down(GAP);
        for (int i = 0; i < count; i++) {
            int column = i % perRow;
            if (column == 0) {
                if (i > 0) {
                    canvas.down(HEIGHT + GAP);
                }
                canvas.ensure(HEIGHT);
            }
            KeyFigures.Figure figure = figures.figures().get(i);
            float x = PdfCanvas.left() + column * (boxWidth + GAP);
            float top = canvas.y();
            canvas.fill(BOX_FILL, x, top - HEIGHT, boxWidth, HEIGHT);
            canvas.frame(PdfCanvas.RULE, 0.5f, x, top - HEIGHT, boxWidth, HEIGHT);
            canvas.text(canvas.regular, 9, PdfCanvas.MUTED, x + 8, top - 15, fit(canvas.regular, figure.label(), 9, inner));
            String value = CellText.readable(figure.type(), figure.value());
            canvas.text(canvas.bold, 20, PdfCanvas.TEXT, x + 8, top - 40, fit(canvas.bold, value.isEmpty() ? "—" : value, 20, inner));
            canvas.text(canvas.regular, 8, PdfCanvas.MUTED, x + 8, top - 56, fit(canvas.regular, figure.note(), 8, inner));
        }
        if (!figures.figures().isEmpty()) {
            canvas.down(HEIGHT + GAP + 4);
        }
    }

    private static String fit(PdfFont font, String text, float size, float width) {
        return font.fit(font.printable(text), size, width);
    }
}
