package org.haochaping.report.format;

import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * One document's font with the two things layout asks of it: which text it can show, and how wide text is.
 * Residents' comments may hold emoji or control characters the font has no glyph for, which PDFBox would
 * refuse with an exception, failing the whole report; {@link #printable} turns them into {@value #MISSING}
 * (or drops invisible ones) first. Widths are cached per character: wrapping measures every character.
 */
final class PdfFont implements Closeable {

    static final String MISSING = "□";

    private final PDType0Font font;
    private final TrueTypeFont program;
    private final CmapLookup cmap;
    private final Map<Integer, Float> widths = new HashMap<>();

    PdfFont(PDType0Font font, TrueTypeFont program) throws IOException {
        this.font = font;
        this.program = program;
        this.cmap = program.getUnicodeCmapLookup();
    }

    PDType0Font font() {
        return font;
    }

    /** {@code text} with tabs and line breaks as spaces, invisible characters dropped, unknown ones as □. */
    String printable(String text) {
        StringBuilder printable = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            String replacement = replacement(codePoint);
            if (replacement != null && printable == null) {
                printable = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (printable != null) {
                if (replacement != null) {
                    printable.append(replacement);
                } else {
                    printable.appendCodePoint(codePoint);
                }
            }
            i = next;
        }
        return printable == null ? text : printable.toString();
    }

    private @Nullable String replacement(int codePoint) {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return " ";
        }
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL || type == Character.FORMAT) {
            return ""; // a bell, a zero-width joiner inside an emoji: nothing a reader should see
        }
        if (hasGlyph(codePoint)) {
            return null;
        }
        // Marks that modify a character the font lacks anyway (variation selectors, skin tones) add no second box.
        boolean invisible = type == Character.NON_SPACING_MARK
                || codePoint >= 0xFE00 && codePoint <= 0xFE0F
                || codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
        return invisible ? "" : MISSING;
    }

    private boolean hasGlyph(int codePoint) {
        return cmap.getGlyphId(codePoint) != 0;
    }

    /** Width in points of printable {@code text} at {@code size}. */
    float width(String text, float size) {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            units += unitWidth(codePoint);
            i += Character.charCount(codePoint);
        }
        return units * size / 1000;
    }

    float width(int codePoint, float size) {
        return unitWidth(codePoint) * size / 1000;
    }

    private float unitWidth(int codePoint) {
        return widths.computeIfAbsent(codePoint, c -> {
            try {
                return font.getStringWidth(new String(Character.toChars(c)));
            } catch (IOException | IllegalArgumentException e) {
                return 1000f;
            }
        });
    }

    /** {@code text} cut to {@code maxWidth} with an ellipsis, for table cells that cannot grow. */
    String fit(String text, float size, float maxWidth) {
        if (width(text, size) <= maxWidth) {
            return text;
        }
        float room = maxWidth - width("…", size);
        float used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            float w = width(codePoint, size);
            if (used + w > room) {
                break;
            }
            used += w;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end) + "…";
    }

    /** After the document is saved: the subset has been written and the parsed program is no longer needed. */
    @Override
    public void close() throws IOException {
        program.close();
    }
}
