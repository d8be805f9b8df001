package org.haochaping.satisfaction.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.IntStream;

import org.haochaping.api.SatisfactionApi;
import java.time.LocalDate;

import org.haochaping.api.model.AttainmentDto;
import org.haochaping.api.model.AttainmentStatusDto;
import org.haochaping.api.model.CampaignSummaryDto;
import org.haochaping.api.model.ComparisonDto;
import org.haochaping.api.model.GoalEvaluationDto;
import org.haochaping.api.model.GoalTypeDto;
import org.haochaping.identity.CurrentActor;
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.GoalAttainment;
import org.haochaping.api.model.LevelCountDto;
import org.haochaping.satisfaction.SatisfactionMetrics;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.haochaping.satisfaction.Tally;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public result ({@code GET /api/v1/campaigns/{code}/summary}: clients revalidate with
 * {@code If-None-Match}; the ETag is the level distribution, so it changes exactly when the figures
 * do) and, for officials in scope, where each goal stands ({@code .../attainment}).
 */
@RestController
class SatisfactionController implements SatisfactionApi {

    private final SatisfactionQueries queries;
    private final CurrentActor currentActor;

    SatisfactionController(SatisfactionQueries queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @Override
    public ResponseEntity<AttainmentDto> getCampaignAttainment(String code, @Nullable LocalDate from, @Nullable LocalDate to) {
        CampaignDashboard dashboard = queries.dashboard(currentActor.get(), code, from, to, null);
        Tally total = dashboard.total();
        AttainmentDto body = new AttainmentDto(code, dashboard.from(), dashboard.to(), total.count(),
                rounded(SatisfactionMetrics.goodRate(total)), rounded(SatisfactionMetrics.badRate(total)),
                rounded(SatisfactionMetrics.satisfactionIndex(total)),
                dashboard.goals().stream().map(SatisfactionController::evaluation).toList())
                .outcomeProgress(dashboard.outcomeProgress() == null ? null : rounded(dashboard.outcomeProgress()))
                .participants(dashboard.participants());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static GoalEvaluationDto evaluation(GoalAttainment.Evaluation evaluation) {
        return new GoalEvaluationDto(evaluation.goal().code(), GoalTypeDto.fromValue(evaluation.goal().type().name()),
                evaluation.goal().target(), ComparisonDto.fromValue(evaluation.goal().comparison().name()),
                AttainmentStatusDto.fromValue(evaluation.status().name()), evaluation.sample())
                .value(evaluation.value())
                .intervalLow(evaluation.interval() == null ? null : rounded(evaluation.interval().low()))
                .intervalHigh(evaluation.interval() == null ? null : rounded(evaluation.interval().high()));
    }

    @Override
    public ResponseEntity<CampaignSummaryDto> getCampaignSummary(String code, @Nullable String ifNoneMatch) {
        Tally tally = queries.campaignTotal(code);
        String etag = "\"" + code + "-" + IntStream.rangeClosed(1, 5).mapToObj(level -> String.valueOf(tally.count(level)))
                .reduce((a, b) -> a + "." + b).orElseThrow() + "\"";
        CacheControl revalidate = CacheControl.noCache().cachePublic();
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(revalidate).build();
        }
        CampaignSummaryDto summary = new CampaignSummaryDto(code, tally.count(), rounded(SatisfactionMetrics.goodRate(tally)),
                rounded(SatisfactionMetrics.badRate(tally)), rounded(SatisfactionMetrics.satisfactionIndex(tally)),
                IntStream.iterate(5, level -> level >= 1, level -> level - 1)
                        .mapToObj(level -> new LevelCountDto(level, tally.count(level)))
                        .toList());
        return ResponseEntity.ok().eTag(etag).cacheControl(revalidate).body(summary);
    }

    private static BigDecimal rounded(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
