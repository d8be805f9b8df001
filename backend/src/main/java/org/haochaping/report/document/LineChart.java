package org.haochaping.report.document;

import java.util.List;

/** A trend: one line per series over ordered categories (days, months). Values typed as {@code valueType} says. */
public record LineChart(String title, List<String> categories, List<Series> series, ColumnType valueType) implements Block {

    public LineChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }
}
