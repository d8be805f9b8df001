package org.haochaping.report.document;

import java.util.List;

/**
 * Bars per category (e.g. 好评率 per town), values as {@code valueType} says (PERCENT or COUNT). In XLSX a
 * native Excel chart on the summary sheet over the data written beside it; in the PDF drawn on the server.
 */
public record BarChart(String title, List<String> categories, List<Series> series, ColumnType valueType) implements Block {

    public BarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }
}
