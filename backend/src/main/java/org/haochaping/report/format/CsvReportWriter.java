package org.haochaping.report.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.haochaping.report.ReportFormat;
import org.haochaping.report.document.Block;
import org.haochaping.report.document.Column;
import org.haochaping.report.document.ColumnType;
import org.haochaping.report.document.KeyFigures;
import org.haochaping.report.document.ReportDocument;
import org.haochaping.report.document.Table;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The report's data as RFC 4180 CSV (CRLF, quotes doubled) in UTF-8 with a byte-order mark, which Excel and
 * WPS need to read Chinese instead of guessing GBK. Only data travels: title, paragraphs and charts are not
 * CSV content. Key figures come first as a small section "主要指标" with the columns 指标,数值, so the
 * headline numbers are in the file too. With a single section the file is just its header and rows; with
 * several, each starts with a row holding its name and sections are separated by an empty line.
 *
 * <p>Formula injection: a text cell starting with {@code = + - @}, a tab or a carriage return would be run
 * as a formula by a spreadsheet, so it is written with a leading {@code '} (OWASP's advice). Typed cells
 * (counts, percents, decimals, dates) are written by this writer, never by a resident, and stay plain
 * numbers, so {@code -2.1} remains a negative number.
 */
@Component
class CsvReportWriter implements ReportWriter {

    static final String KEY_FIGURES_NAME = "主要指标";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public long write(ReportDocument document, OutputStream out, LongConsumer rowsWritten) throws IOException {
        List<Block> sections = document.blocks().stream()
                .filter(block -> block instanceof Table || block instanceof KeyFigures)
                .toList();
        boolean named = sections.size() > 1;
        RowCounter counter = new RowCounter(rowsWritten);
        var writer = new BufferedWriter(new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8));
        writer.write(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            boolean first = true;
            for (Block section : sections) {
                if (!first) {
                    printer.println();
                }
                first = false;
                switch (section) {
                    case Table table -> writeTable(table, named, printer, counter);
                    case KeyFigures figures -> writeKeyFigures(figures, named, printer);
                    default -> throw new IllegalStateException("not a CSV section: " + section);
                }
            }
        }
        return counter.finish();
    }

    private static void writeTable(Table table, boolean named, CSVPrinter printer, RowCounter counter) throws IOException {
        if (named) {
            printer.printRecord(neutralised(table.name()));
        }
        printer.printRecord(table.columns().stream().map(column -> neutralised(column.header())).toList());
        List<Column> columns = table.columns();
        List<String> record = new ArrayList<>(columns.size());
        try {
            table.rows().forEach(row -> {
                record.clear();
                for (int i = 0; i < columns.size(); i++) {
                    record.add(cell(columns.get(i).type(), i < row.length ? row[i] : null));
                }
                try {
                    printer.printRecord(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                counter.add();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeKeyFigures(KeyFigures figures, boolean named, CSVPrinter printer) throws IOException {
        if (named) {
            printer.printRecord(KEY_FIGURES_NAME);
        }
        printer.printRecord("指标", "数值");
        for (KeyFigures.Figure figure : figures.figures()) {
            printer.printRecord(neutralised(figure.label()), cell(figure.type(), figure.value()));
        }
    }

    private static String cell(ColumnType type, @Nullable Object value) {
        String text = CellText.plain(type, value);
        return type == ColumnType.TEXT ? neutralised(text) : text;
    }

    /** Text that a spreadsheet would evaluate as a formula, prefixed with {@code '} so it shows as text. */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
