package org.haochaping.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the report store bounded: deletes reports (file and job) past their expiry, and fails jobs
 * whose instance stopped while they ran (nothing touched them for {@code stalled}), so no progress bar
 * waits forever.
 */
@Component
class ReportRetention {

    private final MongoTemplate mongo;
    private final ReportFiles files;
    private final Clock clock;
    private final Duration stalled;

    ReportRetention(MongoTemplate mongo, ReportFiles files, Clock clock,
            @Value("${haochaping.report.stalled-after:5m}") Duration stalled) {
        this.mongo = mongo;
        this.files = files;
        this.clock = clock;
        this.stalled = stalled;
    }

    @Scheduled(fixedDelayString = "${haochaping.report.cleanup-interval:10m}", initialDelayString = "${haochaping.report.cleanup-interval:10m}")
    void clean() {
        deleteExpired();
        failStalled();
    }

    /** Deletes the expired reports; returns how many. */
    int deleteExpired() {
        int deleted = 0;
        for (ReportJob job : mongo.find(Query.query(Criteria.where("expiresAt").lt(clock.instant())), ReportJob.class)) {
            if (job.fileId() != null) {
                files.delete(job.fileId());
            }
            mongo.remove(Query.query(Criteria.where("_id").is(job.id())), ReportJob.class);
            deleted++;
        }
        return deleted;
    }

    /** Fails the unfinished jobs nobody has advanced for {@code stalled}; returns how many. */
    long failStalled() {
        Instant now = clock.instant();
        return mongo.updateMulti(Query.query(Criteria.where("state").in(ReportJob.State.QUEUED, ReportJob.State.RUNNING)
                        .and("updatedAt").lt(now.minus(stalled))),
                new Update().set("state", ReportJob.State.FAILED).set("failure", "REPORT_INTERRUPTED")
                        .set("finishedAt", now).set("updatedAt", now), ReportJob.class).getModifiedCount();
    }
}
