package org.haochaping.satisfaction.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.haochaping.api.OfficialsSatisfactionApi;
import org.haochaping.api.model.AttainmentDto;
import org.haochaping.api.model.AttainmentStatusDto;
import org.haochaping.api.model.ComparisonDto;
import org.haochaping.api.model.GoalEvaluationDto;
import org.haochaping.api.model.GoalTypeDto;
import org.haochaping.identity.CurrentActor;
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.GoalAttainment;
import org.haochaping.satisfaction.SatisfactionMetrics;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.haochaping.satisfaction.Tally;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * For officials in scope, where each goal of a campaign stands ({@code /api/v1/admin/campaigns/{code}/attainment});
 * the officials' side of the contract (tag {@code officials-satisfaction}), never part of the residents' app.
 */
@RestController
class AttainmentController implements OfficialsSatisfactionApi {

    private final SatisfactionQueries queries;
    private final CurrentActor currentActor;

    AttainmentController(SatisfactionQueries queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @Override
    public ResponseEntity<AttainmentDto> getCampaignAttainment(String code, String acceptLanguage, @Nullable LocalDate from, @Nullable LocalDate to) {
        CampaignDashboard dashboard = queries.dashboard(currentActor.get(), code, from, to, null);
        Tally total = dashboard.total();
        AttainmentDto body = new AttainmentDto(code, dashboard.from(), dashboard.to(), total.count(),
                rounded(SatisfactionMetrics.goodRate(total)), rounded(SatisfactionMetrics.badRate(total)),
                rounded(SatisfactionMetrics.satisfactionIndex(total)),
                dashboard.goals().stream().map(AttainmentController::evaluation).toList())
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

    private static BigDecimal rounded(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
