package org.haochaping.report;

import java.io.IOException;
import java.io.InputStream;

/** A finished report's file: its name for the download, type, size, and its bytes (opened per read). */
public record ReportFile(String fileName, String contentType, long size, Content content) {

    /** Opens the stored bytes; the caller closes the stream. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
