package org.haochaping.report.format;

import org.haochaping.report.document.Column;

/**
 * How wide a column should be, in Latin character widths, estimated from its header and the type of its
 * cells, because a streamed table cannot be measured (its rows are gone by the time widths are set). The
 * spreadsheet uses it for column widths, the PDF for each column's share of the page.
 */
final class ColumnWidths {

    private static final int PADDING = 2;
    private static final int MAX = 48;

    private ColumnWidths() {
    }

    static int of(Column column) {
        int typical = switch (column.type()) {
            case TEXT -> 14;
            case COUNT -> 9;
            case PERCENT -> 7;
            case DECIMAL -> 8;
            case DATE -> 10;
            case DATE_TIME -> 16;
        };
        return Math.min(MAX, Math.max(typical, displayWidth(column.header())) + PADDING);
    }

    /** Width of {@code text} in Latin characters: CJK and other wide characters count double, as Excel shows them. */
    static int displayWidth(String text) {
        return text.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    static boolean isWide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || (codePoint >= 0x3000 && codePoint <= 0x303F) // CJK punctuation: 、。「」
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF); // full-width forms: ，：（）
    }
}
