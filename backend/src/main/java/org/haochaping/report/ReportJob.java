package org.haochaping.report;

import java.time.Instant;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A report being produced or produced: the request, who asked (null for the monthly schedule), its
 * progress and, once done, the file in GridFS until {@code expiresAt}.
 *
 * @param id a random id for reports on demand; {@code monthly-<month>-<scope>} for scheduled ones, so a month's
 *        report exists once however many instances try
 * @param requestedBy the official's subject; null for a scheduled report
 * @param progress 0-100
 * @param rows table rows written, once done
 * @param failure the problem code when it failed
 */
@Document("report_jobs")
public record ReportJob(
        @Id String id,
        ReportKind kind,
        @Nullable String campaignCode,
        String fromMonth,
        String toMonth,
        ReportFormat format,
        @Nullable String requestedBy,
        @Nullable String requesterName,
        State state,
        int progress,
        long rows,
        @Nullable String fileId,
        String fileName,
        long size,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt,
        Instant expiresAt,
        @Nullable String failure) {

    /** Where a job stands. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    public ReportRequest request() {
        return new ReportRequest(kind, campaignCode, YearMonth.parse(fromMonth), YearMonth.parse(toMonth), format);
    }

    public boolean scheduled() {
        return requestedBy == null;
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }
}
