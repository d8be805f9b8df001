package org.haochaping.report.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

import org.haochaping.report.ReportFormat;
import org.haochaping.report.document.ReportDocument;

/** Writes a report document in one format. Implementations are stateless Spring components. */
public interface ReportWriter {

    ReportFormat format();

    /**
     * Writes {@code document} to {@code out} (not closed), reading each table's rows once.
     *
     * @param rowsWritten told the running number of table rows written, at least every 1,000 rows and at the end
     * @return the number of table rows written
     */
    long write(ReportDocument document, OutputStream out, LongConsumer rowsWritten) throws IOException;
}
