package org.haochaping.report.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.List;

import org.haochaping.api.model.ReportJobDto;
import org.haochaping.api.model.ReportRequestDto;
import org.haochaping.report.ReportFormat;
import org.haochaping.report.ReportJob;
import org.haochaping.report.ReportKind;
import org.haochaping.report.ReportRequest;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Report jobs as the API shows them; the requester's subject stays inside (a scheduled job is {@code scheduled}). */
@Mapper
interface ReportMapper {

    @Mapping(target = "from", source = "fromMonth")
    @Mapping(target = "to", source = "toMonth")
    @Mapping(target = "scheduled", expression = "java(job.scheduled())")
    ReportJobDto toDto(ReportJob job);

    List<ReportJobDto> toDtos(List<ReportJob> jobs);

    default ReportRequest toRequest(ReportRequestDto body) {
        YearMonth from = YearMonth.parse(body.getFrom());
        return new ReportRequest(ReportKind.valueOf(body.getKind().name()), body.getCampaignCode(), from,
                body.getTo() == null ? from : YearMonth.parse(body.getTo()), ReportFormat.valueOf(body.getFormat().name()));
    }

    default @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
