package org.haochaping.report.document;

import java.util.List;
import java.util.function.Consumer;

/**
 * A table's rows, produced while the writer consumes them, so a detail of a million ratings streams
 * from the database cursor to the file without being held in memory. Each row has one cell per
 * column, typed as the column says. A source is read once.
 */
@FunctionalInterface
public interface RowSource {

    void forEach(Consumer<Object[]> row);

    static RowSource of(List<Object[]> rows) {
        return rows::forEach;
    }
}
