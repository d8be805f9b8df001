package org.haochaping.report.document;

import java.util.List;

/**
 * Headline figures as label/value pairs, e.g. ("好评率", 70.4 as PERCENT, "95% 区间 62.1% – 78.0%").
 * A writer shows them as a two- or three-column box; a spreadsheet as typed cells.
 */
public record KeyFigures(List<Figure> figures) implements Block {

    public KeyFigures {
        figures = List.copyOf(figures);
    }

    /** One headline figure; {@code value} typed as {@code type} says (see {@link ColumnType}), {@code note} may be empty. */
    public record Figure(String label, ColumnType type, @org.jspecify.annotations.Nullable Object value, String note) {
    }
}
