package org.haochaping.report.document;

import java.util.List;

/**
 * A table: its own sheet in XLSX (named {@code name}, Chinese, at most 31 characters), a section of the
 * CSV, a paginated table in the PDF with the header repeated on every page.
 */
public record Table(String name, List<Column> columns, RowSource rows) implements Block {

    public Table {
        columns = List.copyOf(columns);
    }
}
