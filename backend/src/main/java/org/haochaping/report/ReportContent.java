package org.haochaping.report;

import org.haochaping.identity.Actor;
import org.haochaping.report.document.ReportDocument;

/** Builds one kind of report's document for an official; role and scope were checked before. */
interface ReportContent {

    ReportKind kind();

    Prepared prepare(Actor actor, ReportRequest request);

    /** The document, and about how many table rows it will stream (for the progress bar; 0 when unknown). */
    record Prepared(ReportDocument document, long expectedRows) {
    }
}
