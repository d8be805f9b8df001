package org.haochaping.report.format;

import java.util.function.LongConsumer;

/**
 * Counts the table rows a writer has written and tells the caller every {@value #REPORT_EVERY} rows and at
 * the end, so a progress bar moves during a million-row export without a callback per row.
 */
final class RowCounter {

    static final int REPORT_EVERY = 1_000;

    private final LongConsumer rowsWritten;
    private long count;

    RowCounter(LongConsumer rowsWritten) {
        this.rowsWritten = rowsWritten;
    }

    void add() {
        count++;
        if (count % REPORT_EVERY == 0) {
            rowsWritten.accept(count);
        }
    }

    /** Tells the final number (once more even when it is a multiple of 1,000: "at the end" is a promise). */
    long finish() {
        rowsWritten.accept(count);
        return count;
    }
}
