package org.haochaping.report.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.haochaping.api.ReportsApi;
import org.haochaping.api.model.ReportJobDto;
import org.haochaping.api.model.ReportJobListDto;
import org.haochaping.api.model.ReportRequestDto;
import org.haochaping.identity.CurrentActor;
import org.haochaping.report.ReportCenter;
import org.haochaping.report.ReportFile;
import org.haochaping.report.ReportJob;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** 报表中心 over HTTP: ask (202 + Location), poll, download. Role and scope are checked by {@link ReportCenter}. */
@RestController
class ReportController implements ReportsApi {

    private static final int DEFAULT_LIMIT = 20;

    private final ReportCenter center;
    private final CurrentActor currentActor;
    private final ReportMapper mapper;

    ReportController(ReportCenter center, CurrentActor currentActor, ReportMapper mapper) {
        this.center = center;
        this.currentActor = currentActor;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<ReportJobDto> createReport(String idempotencyKey, ReportRequestDto body) {
        ReportCenter.Submitted submitted = center.submit(currentActor.get(), mapper.toRequest(body), idempotencyKey);
        ReportJob job = submitted.job();
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/reports/" + job.id()))
                .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
                .cacheControl(CacheControl.noStore()).body(mapper.toDto(job));
    }

    @Override
    public ResponseEntity<ReportJobListDto> listReports(@Nullable Integer limit) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ReportJobListDto(
                mapper.toDtos(center.visibleTo(currentActor.get(), limit == null ? DEFAULT_LIMIT : limit))));
    }

    @Override
    public ResponseEntity<ReportJobDto> getReport(String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(mapper.toDto(center.job(currentActor.get(), id)));
    }

    @Override
    public ResponseEntity<Resource> downloadReport(String id) {
        ReportFile file = center.file(currentActor.get(), id);
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(file.contentType()))
                    .contentLength(file.size())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                    .cacheControl(CacheControl.noStore())
                    .body(new InputStreamResource(file.content().open()));
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
