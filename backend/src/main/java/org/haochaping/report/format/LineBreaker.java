package org.haochaping.report.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks printable text into lines no wider than a width, the way Chinese typesetting does: a line may
 * break between any two Chinese characters, but a Latin word or number ({@code garbage}, {@code 12,345},
 * {@code 70.4%}) is kept whole unless it alone is wider than the line. Closing punctuation (，。）) never
 * starts a line: it may hang a little into the margin instead.
 */
final class LineBreaker {

    private static final String NO_LINE_START = "，。、；：！？）」』》〉”’,.;:!?)%";

    private LineBreaker() {
    }

    /** The lines of {@code text}; the first is {@code firstIndent} points narrower (a paragraph's indent). */
    static List<String> lines(String text, PdfFont font, float size, float width, float firstIndent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        float room = width - firstIndent;
        int i = 0;
        while (i < text.length()) {
            int end = tokenEnd(text, i);
            String token = text.substring(i, end);
            i = end;
            float tokenWidth = font.width(token, size);
            boolean space = token.isBlank();
            if (lineWidth + tokenWidth <= room || hangs(token, line)) {
                if (!(space && line.isEmpty())) {
                    line.append(token);
                    lineWidth += tokenWidth;
                }
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                lineWidth = 0;
                room = width;
            }
            if (space) {
                continue;
            }
            if (tokenWidth <= room) {
                line.append(token);
                lineWidth = tokenWidth;
                continue;
            }
            // A word wider than the line (a URL, a long number): broken per character after all.
            for (int j = 0; j < token.length(); ) {
                int codePoint = token.codePointAt(j);
                float w = font.width(codePoint, size);
                if (lineWidth + w > room && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                    room = width;
                }
                line.appendCodePoint(codePoint);
                lineWidth += w;
                j += Character.charCount(codePoint);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static boolean hangs(String token, StringBuilder line) {
        return !line.isEmpty() && token.length() == 1 && NO_LINE_START.indexOf(token.charAt(0)) >= 0;
    }

    /** One wide character, one run of spaces, or one run of other characters (a Latin word, a number). */
    private static int tokenEnd(String text, int start) {
        int codePoint = text.codePointAt(start);
        int end = start + Character.charCount(codePoint);
        if (ColumnWidths.isWide(codePoint) || NO_LINE_START.indexOf(codePoint) >= 0 && codePoint > 0x2000) {
            return end;
        }
        boolean space = Character.isWhitespace(codePoint);
        while (end < text.length()) {
            int next = text.codePointAt(end);
            if (Character.isWhitespace(next) != space || ColumnWidths.isWide(next)) {
                break;
            }
            end += Character.charCount(next);
        }
        return end;
    }
}
