package org.haochaping.report.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongConsumer;

import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.haochaping.report.ReportFormat;
import org.haochaping.report.document.BarChart;
import org.haochaping.report.document.Block;
import org.haochaping.report.document.Heading;
import org.haochaping.report.document.KeyFigures;
import org.haochaping.report.document.LineChart;
import org.haochaping.report.document.Paragraph;
import org.haochaping.report.document.ReportDocument;
import org.haochaping.report.document.ScatterChart;
import org.haochaping.report.document.Table;
import org.springframework.stereotype.Component;

/**
 * The report as a PDF laid out like an official report: A4, the title centred over a red rule, numbered
 * section headings, indented paragraphs, key figures in boxes, charts drawn as vectors, tables with their
 * header on every page and "第 N 页 / 共 M 页" at the foot of each page.
 *
 * <p>Text is set in the embedded Noto Sans SC (see {@link PdfFonts}), so the file reads the same on any
 * reader without Chinese fonts. Page content beyond {@value #MEMORY_BYTES} bytes goes to a temporary file, so
 * a very long table does not hold its pages in memory.
 */
@Component
class PdfReportWriter implements ReportWriter {

    static final long MEMORY_BYTES = 16L * 1024 * 1024;
    private static final float TITLE_SIZE = 20;
    private static final float SUBTITLE_SIZE = 10;
    private static final float HEADING_SIZE = 14;
    private static final float BODY_SIZE = 10.5f;
    private static final float LEADING = 1.65f;
    private static final float FOOTER_SIZE = 9;

    @Override
    public ReportFormat format() {
        return ReportFormat.PDF;
    }

    @Override
    public long write(ReportDocument document, OutputStream out, LongConsumer rowsWritten) throws IOException {
        try (var pdf = new PDDocument(MemoryUsageSetting.setupMixed(MEMORY_BYTES).streamCache)) {
            pdf.getDocumentInformation().setTitle(document.title());
            pdf.getDocumentCatalog().setLanguage("zh-CN"); // screen readers pick Chinese pronunciation
            try (PdfFont regular = PdfFonts.regular(pdf); PdfFont bold = PdfFonts.bold(pdf)) {
                return write(document, pdf, regular, bold, out, new RowCounter(rowsWritten));
            }
        }
    }

    private static long write(ReportDocument document, PDDocument pdf, PdfFont regular, PdfFont bold, OutputStream out,
            RowCounter counter) throws IOException {
        try (var canvas = new PdfCanvas(pdf, regular, bold)) {
            titleBlock(canvas, document);
            for (Block block : document.blocks()) {
                switch (block) {
                    case Heading heading -> heading(canvas, heading.text());
                    case Paragraph paragraph -> paragraph(canvas, paragraph.text());
                    case KeyFigures figures -> PdfKeyFigures.write(canvas, figures);
                    case Table table -> PdfTable.write(canvas, table, counter);
                    case BarChart chart -> PdfCharts.bars(canvas, chart);
                    case LineChart chart -> PdfCharts.lines(canvas, chart);
                    case ScatterChart chart -> PdfCharts.scatter(canvas, chart);
                }
            }
        }
        footers(pdf, regular);
        pdf.save(new NonClosingOutputStream(out));
        return counter.finish();
    }

    private static void titleBlock(PdfCanvas canvas, ReportDocument document) throws IOException {
        float centre = (PdfCanvas.left() + PdfCanvas.right()) / 2;
        canvas.down(6);
        for (String line : LineBreaker.lines(canvas.bold.printable(document.title()), canvas.bold, TITLE_SIZE, PdfCanvas.width(), 0)) {
            canvas.down(TITLE_SIZE * 1.4f);
            canvas.textCentred(canvas.bold, TITLE_SIZE, PdfCanvas.TEXT, centre, canvas.y(), line);
        }
        canvas.down(SUBTITLE_SIZE * 2.2f);
        canvas.textCentred(canvas.regular, SUBTITLE_SIZE, PdfCanvas.MUTED, centre, canvas.y(),
                canvas.regular.fit(canvas.regular.printable(document.subtitle()), SUBTITLE_SIZE, PdfCanvas.width()));
        canvas.down(10);
        canvas.line(PdfCanvas.RED, 2f, PdfCanvas.left(), canvas.y(), PdfCanvas.right(), canvas.y());
        canvas.down(8);
    }

    private static void heading(PdfCanvas canvas, String text) throws IOException {
        List<String> lines = LineBreaker.lines(canvas.bold.printable(text), canvas.bold, HEADING_SIZE, PdfCanvas.width(), 0);
        // Keep the heading with at least two lines of what follows.
        canvas.ensure(HEADING_SIZE * (1.2f + 1.5f * lines.size()) + 2 * BODY_SIZE * LEADING);
        canvas.down(HEADING_SIZE * 0.8f);
        for (String line : lines) {
            canvas.down(HEADING_SIZE * 1.5f);
            canvas.text(canvas.bold, HEADING_SIZE, PdfCanvas.TEXT, PdfCanvas.left(), canvas.y(), line);
        }
        canvas.down(HEADING_SIZE * 0.4f);
    }

    /** Wrapped, with the first line indented two characters as Chinese paragraphs are. */
    private static void paragraph(PdfCanvas canvas, String text) throws IOException {
        float indent = 2 * BODY_SIZE;
        List<String> lines = LineBreaker.lines(canvas.regular.printable(text), canvas.regular, BODY_SIZE, PdfCanvas.width(), indent);
        float lineHeight = BODY_SIZE * LEADING;
        for (int i = 0; i < lines.size(); i++) {
            canvas.ensure(lineHeight);
            canvas.down(lineHeight);
            canvas.text(canvas.regular, BODY_SIZE, PdfCanvas.TEXT, PdfCanvas.left() + (i == 0 ? indent : 0), canvas.y(), lines.get(i));
        }
        canvas.down(BODY_SIZE * 0.6f);
    }

    /** After layout, when the page count is known: appended to each page's content. */
    private static void footers(PDDocument pdf, PdfFont font) throws IOException {
        int total = pdf.getNumberOfPages();
        float centre = PdfCanvas.PAGE.getWidth() / 2;
        int number = 0;
        for (PDPage page : pdf.getPages()) {
            number++;
            String footer = "第 " + number + " 页 / 共 " + total + " 页";
            try (var content = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                content.beginText();
                content.setFont(font.font(), FOOTER_SIZE);
                content.setNonStrokingColor(PdfCanvas.MUTED);
                content.newLineAtOffset(centre - font.width(footer, FOOTER_SIZE) / 2, PdfCanvas.MARGIN - FOOTER_SIZE);
                content.showText(footer);
                content.endText();
            }
        }
    }
}
