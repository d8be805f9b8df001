package org.haochaping.report.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report font, Noto Sans SC (SIL OFL 1.1, see {@value #LICENCE}), regular and bold, loaded from the
 * classpath only: the build puts it there (backend/pom.xml, "report-fonts"), so every server writes the same
 * PDF whatever fonts its system has. The file bytes (about 10 MB each) are read once per JVM; the font is
 * parsed per document, because a PDFBox font belongs to one document and is not thread-safe. Embedded as a
 * subset: only the glyphs used, so a report is hundreds of kilobytes, not 10 MB.
 */
final class PdfFonts {

    static final String REGULAR = "/fonts/NotoSansSC-Regular.ttf";
    static final String BOLD = "/fonts/NotoSansSC-Bold.ttf";
    static final String LICENCE = "/fonts/NotoSansSC-OFL.txt";

    private PdfFonts() {
    }

    static PdfFont regular(PDDocument document) throws IOException {
        return load(document, Bytes.REGULAR);
    }

    static PdfFont bold(PDDocument document) throws IOException {
        return load(document, Bytes.BOLD);
    }

    /**
     * Parsed straight from the shared bytes (no copy). Not {@code load(document, RandomAccessRead, boolean, boolean)}:
     * its last argument is "vertical", which makes readers extract Chinese one character per line.
     */
    private static PdfFont load(PDDocument document, byte[] bytes) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        // No glyph substitution: Chinese needs none, and PDFBox's Latin shaping compiles regular expressions
        // for every string shown, which took four fifths of the time of a long table.
        font.setEnableGsub(false);
        return new PdfFont(PDType0Font.load(document, font, true), font);
    }

    /** Read on first use, not at startup: a server that never writes a PDF never holds 20 MB of font. */
    private static final class Bytes {
        static final byte[] REGULAR = read(PdfFonts.REGULAR);
        static final byte[] BOLD = read(PdfFonts.BOLD);

        private static byte[] read(String resource) {
            try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the classpath: the build's report-fonts step puts it there");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
