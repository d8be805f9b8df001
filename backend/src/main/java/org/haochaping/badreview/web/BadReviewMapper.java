package org.haochaping.badreview.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.haochaping.api.model.BadReviewCaseDto;
import org.haochaping.api.model.BadReviewCaseSummaryDto;
import org.haochaping.api.model.CaseEventDto;
import org.haochaping.api.model.CaseRatingDto;
import org.haochaping.api.model.CaseRoutingDto;
import org.haochaping.api.model.UnitDto;
import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.CaseEvent;
import org.haochaping.badreview.QueueEntry;
import org.haochaping.badreview.RoutingRule;
import org.haochaping.badreview.Unit;
import org.haochaping.rating.Rating;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Cases as officials and integrations see them: the rating without its rater, the timeline with
 * the officials who acted, and what the caller may do now. The resident is never in it.
 */
@Mapper
interface BadReviewMapper {

    @Mapping(target = "id", source = "c.id")
    @Mapping(target = "version", source = "c.version")
    @Mapping(target = "status", source = "c.status")
    @Mapping(target = "campaignCode", source = "c.campaignCode")
    @Mapping(target = "subjectId", source = "c.subjectId")
    @Mapping(target = "regionCode", source = "c.regionCode")
    @Mapping(target = "townCode", source = "c.townCode")
    @Mapping(target = "rating", source = "rating")
    @Mapping(target = "timeline", source = "c.events")
    @Mapping(target = "dueSoon", expression = "java(view.dueSoon(c.getDueAt(), c.isOverdue()))")
    @Mapping(target = "actions", expression = "java(new java.util.ArrayList<>(actions(view.actions(c))))")
    BadReviewCaseDto toDto(BadReviewCase c, Rating rating, @Context CaseView view);

    CaseRatingDto toRating(Rating rating);

    CaseEventDto toEvent(CaseEvent event, @Context CaseView view);

    @Mapping(target = "id", source = "caseId")
    @Mapping(target = "dueSoon", expression = "java(view.dueSoon(entry.dueAt(), entry.overdue()))")
    BadReviewCaseSummaryDto toSummary(QueueEntry entry, @Context CaseView view);

    List<BadReviewCaseSummaryDto> toSummaries(List<QueueEntry> entries, @Context CaseView view);

    List<org.haochaping.api.model.CaseActionDto> actions(java.util.Set<org.haochaping.badreview.CaseAction> actions);

    default UnitDto unit(Unit unit, @Context CaseView view) {
        return view.unit(unit);
    }

    /** The lead department, a case's only unit given by its code alone. */
    default UnitDto department(String code, @Context CaseView view) {
        return view.department(code);
    }

    default CaseRoutingDto toRouting(RoutingRule rule) {
        return new CaseRoutingDto(rule.campaignCode(),
                org.haochaping.api.model.RoutingRouteDto.fromValue(rule.route().name()), rule.deadlines().contactDays(),
                rule.deadlines().immediateDays(), rule.deadlines().scheduledDays(),
                rule.version() == null ? 0L : rule.version(), rule.version() != null)
                .department(rule.department());
    }

    /** The handling figures, each rate as {@link HandlingMetrics} defines it, rounded to two decimals; absent when empty. */
    default org.haochaping.api.model.HandlingFiguresDto toFigures(String campaign, String from, String to,
            org.haochaping.satisfaction.HandlingCounts counts) {
        return new org.haochaping.api.model.HandlingFiguresDto(campaign, from, to, counts.cases(), counts.open(), counts.overdue())
                .contactRate(rounded(org.haochaping.satisfaction.HandlingMetrics.contactRate(counts)))
                .onTimeRate(rounded(org.haochaping.satisfaction.HandlingMetrics.onTimeRate(counts)))
                .rectificationSatisfactionRate(rounded(org.haochaping.satisfaction.HandlingMetrics.rectificationSatisfactionRate(counts)))
                .meanHandlingDays(rounded(org.haochaping.satisfaction.HandlingMetrics.meanHandlingDays(counts)));
    }

    private static java.math.@Nullable BigDecimal rounded(java.util.OptionalDouble value) {
        return value.isPresent() ? java.math.BigDecimal.valueOf(value.getAsDouble()).setScale(2, java.math.RoundingMode.HALF_UP) : null;
    }

    default @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
