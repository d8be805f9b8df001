package org.haochaping.report;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.identity.audit.AuditLog;
import org.haochaping.report.format.ReportWriter;
import org.haochaping.system.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Produces one report: builds its document, streams it through the format's writer into GridFS,
 * records the progress on the job (at most twice a second) and, once the file is kept, marks the job
 * done and audits the export with who, kind, scope, period and rows. A failure removes what was written
 * and marks the job failed with a code; the log names the job, never a resident.
 */
@Component
class ReportRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);
    private static final long PROGRESS_EVERY_MILLIS = 500;
    /** Writing the file is the last step; the progress bar stops short of 100 until the file is kept. */
    private static final int MAX_RUNNING_PROGRESS = 99;

    private final Map<ReportKind, ReportContent> contents;
    private final Map<org.haochaping.report.ReportFormat, ReportWriter> writers;
    private final ReportFiles files;
    private final MongoTemplate mongo;
    private final AuditLog audit;
    private final Clock clock;

    ReportRunner(List<ReportContent> contents, List<ReportWriter> writers, ReportFiles files, MongoTemplate mongo,
            AuditLog audit, Clock clock) {
        this.contents = contents.stream().collect(Collectors.toMap(ReportContent::kind, Function.identity()));
        this.writers = writers.stream().collect(Collectors.toMap(ReportWriter::format, Function.identity()));
        this.files = files;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs the job to its end; returns it as it ended (DONE or FAILED). Never throws for a failed report. */
    ReportJob run(ReportJob job, Actor actor) {
        ReportRequest request = job.request();
        ReportFiles.Upload upload = null;
        try {
            update(job.id(), new Update().set("state", ReportJob.State.RUNNING));
            ReportContent.Prepared prepared = contents.get(request.kind()).prepare(actor, request);
            upload = files.upload(job.fileName(), job.id(), request.format().contentType());
            Progress progress = new Progress(job.id(), prepared.expectedRows());
            long rows = writers.get(request.format()).write(prepared.document(), upload, progress::rowsWritten);
            long size = upload.size();
            String fileId = upload.finish();
            upload = null;
            Instant now = clock.instant();
            update(job.id(), new Update().set("state", ReportJob.State.DONE).set("progress", 100).set("rows", rows)
                    .set("fileId", fileId).set("size", size).set("finishedAt", now));
            audit.record(actor.subject(), roleNames(actor), "REPORT_EXPORTED", request.scopeLabel(),
                    "kind=" + request.kind() + " format=" + request.format() + " period=" + request.periodLabel()
                            + " rows=" + rows + " job=" + job.id());
        } catch (RuntimeException | java.io.IOException failure) {
            if (upload != null) {
                upload.abort();
            }
            String code = failure instanceof ProblemException problem ? problem.code() : "REPORT_FAILED";
            log.error("Report job {} ({} {}) failed: {}", job.id(), request.kind(), request.format(), failure.getClass().getName(), failure);
            update(job.id(), new Update().set("state", ReportJob.State.FAILED).set("failure", code).set("finishedAt", clock.instant()));
        }
        return mongo.findById(job.id(), ReportJob.class);
    }

    private void update(String id, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update.set("updatedAt", clock.instant()), ReportJob.class);
    }

    private static Set<String> roleNames(Actor actor) {
        return actor.roles().stream().map(Role::name).collect(Collectors.toSet());
    }

    /** The progress bar's figure: rows written of the rows expected, written to the job at most twice a second. */
    private final class Progress {

        private final String jobId;
        private final long expectedRows;
        private long lastWritten;

        Progress(String jobId, long expectedRows) {
            this.jobId = jobId;
            this.expectedRows = expectedRows;
        }

        void rowsWritten(long rows) {
            long now = System.currentTimeMillis();
            if (now - lastWritten < PROGRESS_EVERY_MILLIS || expectedRows <= 0) {
                return;
            }
            lastWritten = now;
            int percent = (int) Math.min(MAX_RUNNING_PROGRESS, rows * 100 / expectedRows);
            update(jobId, new Update().set("progress", percent).set("rows", rows));
        }
    }
}
