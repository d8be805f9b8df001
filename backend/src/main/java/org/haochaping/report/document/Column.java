package org.haochaping.report.document;

/** A column of a table: its header as readers see it and the type of its cells. */
public record Column(String header, ColumnType type) {

    public static Column text(String header) {
        return new Column(header, ColumnType.TEXT);
    }

    public static Column count(String header) {
        return new Column(header, ColumnType.COUNT);
    }

    public static Column percent(String header) {
        return new Column(header, ColumnType.PERCENT);
    }

    public static Column decimal(String header) {
        return new Column(header, ColumnType.DECIMAL);
    }

    public static Column date(String header) {
        return new Column(header, ColumnType.DATE);
    }

    public static Column dateTime(String header) {
        return new Column(header, ColumnType.DATE_TIME);
    }
}
