package org.haochaping.report.format;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The page being written and a cursor moving down it: A4 portrait, 2 cm margins, a strip at the bottom
 * kept free for the footer. Blocks ask whether their next piece {@link #fits} and start a new page when
 * not; coordinates are PDF points from the bottom left.
 */
final class PdfCanvas implements Closeable {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 2 / 2.54f * 72; // 2 cm
    static final float FOOTER_HEIGHT = 16;

    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x66, 0x66, 0x66);
    static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
    /** The red of the rule under a government document's title block (红头文件). */
    static final Color RED = new Color(0xC8, 0x10, 0x1A);

    final PDDocument document;
    final PdfFont regular;
    final PdfFont bold;
    private PDPageContentStream content;
    private float y;

    PdfCanvas(PDDocument document, PdfFont regular, PdfFont bold) throws IOException {
        this.document = document;
        this.regular = regular;
        this.bold = bold;
        newPage();
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = top();
    }

    PDPageContentStream content() {
        return content;
    }

    static float top() {
        return PAGE.getHeight() - MARGIN;
    }

    static float bottom() {
        return MARGIN + FOOTER_HEIGHT;
    }

    static float left() {
        return MARGIN;
    }

    static float right() {
        return PAGE.getWidth() - MARGIN;
    }

    static float width() {
        return right() - left();
    }

    float y() {
        return y;
    }

    void down(float height) {
        y -= height;
    }

    boolean fits(float height) {
        return y - height >= bottom();
    }

    /** Starts a new page unless {@code height} more points fit on this one (and this page is not still empty). */
    void ensure(float height) throws IOException {
        if (!fits(height) && y < top()) {
            newPage();
        }
    }

    /** Draws printable text with its baseline at {@code baseline}, starting at {@code x}. */
    void text(PdfFont font, float size, Color color, float x, float baseline, String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font.font(), size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, baseline);
        content.showText(text);
        content.endText();
    }

    void textCentred(PdfFont font, float size, Color color, float centre, float baseline, String text) throws IOException {
        text(font, size, color, centre - font.width(text, size) / 2, baseline, text);
    }

    void textRight(PdfFont font, float size, Color color, float rightEdge, float baseline, String text) throws IOException {
        text(font, size, color, rightEdge - font.width(text, size), baseline, text);
    }

    void line(Color color, float thickness, float x1, float y1, float x2, float y2) throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(thickness);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    void fill(Color color, float x, float yBottom, float width, float height) throws IOException {
        content.setNonStrokingColor(color);
        content.addRect(x, yBottom, width, height);
        content.fill();
    }

    void frame(Color color, float thickness, float x, float yBottom, float width, float height) throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(thickness);
        content.addRect(x, yBottom, width, height);
        content.stroke();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
