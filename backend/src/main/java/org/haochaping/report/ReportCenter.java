package org.haochaping.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.haochaping.campaign.Campaign;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.haochaping.system.Labels;
import org.haochaping.system.problem.ServiceUnavailableException;
import org.haochaping.system.problem.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * 报表中心: officials ask for reports, follow their progress and download them. Role and scope are
 * checked here, for the API and the console alike. Reports run in the background on a few workers; an
 * official has at most {@value #MAX_UNFINISHED_PER_OFFICIAL} unfinished at a time, and every file is
 * deleted after the retention period ({@link ReportRetention}).
 */
@Service
public class ReportCenter {

    static final int MAX_UNFINISHED_PER_OFFICIAL = 3;
    static final int MAX_LIST = 200;
    private static final float PREVIEW_DPI = 60;

    private final ReportRunner runner;
    private final ReportAccess access;
    private final ReportFiles files;
    private final ReportTitles titles;
    private final MongoTemplate mongo;
    private final AccessGuard guard;
    private final SatisfactionQueries satisfaction;
    private final Labels labels;
    private final Clock clock;
    private final Duration retention;
    private final ThreadPoolExecutor workers;
    /** The jobs queued or running on this instance, kept alive in the store ({@link #heartbeat}). */
    private final java.util.Set<String> here = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ReportCenter(ReportRunner runner, ReportAccess access, ReportFiles files, ReportTitles titles, MongoTemplate mongo,
            AccessGuard guard, SatisfactionQueries satisfaction, Labels labels, Clock clock,
            @Value("${haochaping.report.retention:90d}") Duration retention,
            @Value("${haochaping.report.workers:2}") int workers,
            @Value("${haochaping.report.queue:20}") int queue) {
        this.runner = runner;
        this.access = access;
        this.files = files;
        this.titles = titles;
        this.mongo = mongo;
        this.guard = guard;
        this.satisfaction = satisfaction;
        this.labels = labels;
        this.clock = clock;
        this.retention = retention;
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                new CustomizableThreadFactory("report-"));
    }

    /** A queued report, and whether a retry under the same key found it queued by its first try. */
    public record Submitted(ReportJob job, boolean replayed) {
    }

    /** Queues a report asked for in the console (one click, one report). */
    public ReportJob submit(Actor actor, ReportRequest request) {
        return submit(actor, request, UUID.randomUUID().toString()).job();
    }

    /**
     * Queues a report; refused (403, audited) outside the actor's role and scope, 422 for a period or format it
     * cannot have. Idempotent by {@code idempotencyKey}: the job's id is derived from the official and the key, so
     * a retry after a timeout gets the job its first try queued, not a second report; the same key for another
     * request is a 422 {@code IDEMPOTENCY_KEY_REUSED}.
     */
    public Submitted submit(Actor actor, ReportRequest request, String idempotencyKey) {
        guard.require(actor.isOfficial(), actor, "EXPORT_REPORT", request.scopeLabel());
        ReportPeriods.check(request, YearMonth.now(clock));
        guard.require(access.mayExport(actor, request), actor, "EXPORT_REPORT:" + request.kind(), request.scopeLabel());
        String id = jobId(actor.subject(), idempotencyKey);
        java.util.Optional<Submitted> earlier = replayOf(id, request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (unfinishedOf(actor) >= MAX_UNFINISHED_PER_OFFICIAL) {
            throw new TooManyRequestsException(Duration.ofSeconds(30));
        }
        ReportJob job;
        try {
            job = mongo.insert(newJob(id, request, actor.subject(), actor.displayName()));
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            return replayOf(id, request).orElseThrow(() -> raced);
        }
        here.add(job.id());
        try {
            workers.execute(() -> {
                try {
                    runner.run(job, actor);
                } finally {
                    here.remove(job.id());
                }
            });
        } catch (RejectedExecutionException full) {
            here.remove(job.id());
            mongo.remove(job);
            throw new ServiceUnavailableException("REPORT_QUEUE_FULL", Duration.ofSeconds(60));
        }
        return new Submitted(job, false);
    }

    private java.util.Optional<Submitted> replayOf(String id, ReportRequest request) {
        ReportJob earlier = mongo.findById(id, ReportJob.class);
        if (earlier == null) {
            return java.util.Optional.empty();
        }
        if (!earlier.request().equals(request)) {
            throw new ReportInputException("IDEMPOTENCY_KEY_REUSED");
        }
        return java.util.Optional.of(new Submitted(earlier, true));
    }

    /** A report's id from the official and their key: "r-" and 32 hex digits, the same for every retry. */
    static String jobId(String subject, String idempotencyKey) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("report:" + subject + "\n" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "r-" + java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** One job the actor may see (their own, or a scheduled report in their scope); 404 otherwise. */
    public ReportJob job(Actor actor, String id) {
        ReportJob job = mongo.findById(id, ReportJob.class);
        if (job == null || !maySee(actor, job)) {
            if (job != null) {
                guard.recordDenied(actor, "READ_REPORT", "report:" + id);
            }
            throw new ReportNotFoundException();
        }
        return job;
    }

    /** The jobs the actor may see, newest first: their own and the scheduled reports in their scope. */
    public List<ReportJob> visibleTo(Actor actor, int limit) {
        guard.require(actor.isOfficial(), actor, "READ_REPORTS", "reports");
        Query query = Query.query(new Criteria().orOperator(Criteria.where("requestedBy").is(actor.subject()),
                Criteria.where("requestedBy").isNull())).with(Sort.by(Sort.Direction.DESC, "createdAt"));
        return mongo.find(query, ReportJob.class).stream().filter(job -> maySee(actor, job))
                .limit(Math.clamp(limit, 1, MAX_LIST)).toList();
    }

    /** A finished job's file (409 REPORT_NOT_READY before); the download is audited. */
    public ReportFile file(Actor actor, String id) {
        ReportJob job = job(actor, id);
        if (job.state() != ReportJob.State.DONE || job.fileId() == null) {
            throw new ReportNotReadyException(job.state() == ReportJob.State.FAILED ? "REPORT_FAILED" : "REPORT_NOT_READY");
        }
        guard.recordChange(actor, "REPORT_DOWNLOADED", "report:" + id);
        String fileId = job.fileId();
        return new ReportFile(job.fileName(), job.format().contentType(), job.size(), () -> files.open(fileId));
    }

    /** The first page of a finished PDF report as a PNG, for the console's preview. */
    public byte[] previewPng(Actor actor, String id) {
        ReportJob job = job(actor, id);
        if (job.format() != ReportFormat.PDF) {
            throw new ReportNotReadyException("REPORT_NOT_PDF");
        }
        ReportFile file = file(actor, id);
        try (InputStream in = file.content().open(); PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(in))) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, PREVIEW_DPI), "png", png);
            return png.toByteArray();
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    /** The kinds the actor may ask for (评价明细 only for SUPERVISORs and AUDITORs). */
    public List<ReportKind> kindsFor(Actor actor) {
        return ReportAccess.kindsFor(actor);
    }

    /** The campaigns the actor may report on, in report order. */
    public List<Campaign> campaignsFor(Actor actor) {
        return actor.isOfficial() ? satisfaction.followedBy(actor) : List.of();
    }

    /** Whether the actor may report on the whole county (SUPERVISORs and AUDITORs). */
    public boolean mayReportCountyWide(Actor actor) {
        return ReportAccess.mayReportCountyWide(actor);
    }

    /** A queued job, its file named for what it holds: "月度满意度分析报告_城乡环境整治_2026-10.pdf". */
    ReportJob newJob(String id, ReportRequest request, @org.jspecify.annotations.Nullable String requestedBy,
            @org.jspecify.annotations.Nullable String requesterName) {
        Instant now = clock.instant();
        String fileName = (labels.of(request.kind()) + "_" + titles.scopeName(request) + "_" + request.periodLabel())
                .replaceAll("[\\\\/:*?\"<>|\\s]+", "") + "." + request.format().extension();
        return new ReportJob(id, request.kind(), request.campaignCode(), request.from().toString(), request.to().toString(),
                request.format(), requestedBy, requesterName, ReportJob.State.QUEUED, 0, 0, null, fileName, 0, now, now,
                null, now.plus(retention), null);
    }

    private boolean maySee(Actor actor, ReportJob job) {
        return actor.subject().equals(job.requestedBy()) || job.scheduled() && access.mayExport(actor, job.request());
    }

    private long unfinishedOf(Actor actor) {
        return mongo.count(Query.query(Criteria.where("requestedBy").is(actor.subject())
                .and("state").in(ReportJob.State.QUEUED, ReportJob.State.RUNNING)), ReportJob.class);
    }

    /**
     * Tells the store this instance still has its jobs, so {@link ReportRetention} fails only the jobs of an
     * instance that stopped, not one waiting behind a long export.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${haochaping.report.heartbeat:60s}")
    void heartbeat() {
        if (!here.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(List.copyOf(here))),
                    new org.springframework.data.mongodb.core.query.Update().set("updatedAt", clock.instant()), ReportJob.class);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
