package org.haochaping.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haochaping.campaign.GoalStatement;
import org.haochaping.campaign.GoalType;
import org.haochaping.satisfaction.AttainmentStatus;
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.GoalAttainment;
import org.haochaping.satisfaction.HandlingMetrics;
import org.haochaping.satisfaction.Interval;
import org.haochaping.satisfaction.SatisfactionMetrics;
import org.haochaping.satisfaction.Tally;
import org.haochaping.system.Figures;
import org.haochaping.system.Labels;

/**
 * The short Chinese analysis at the top of a monthly report, from templates in the messages
 * ({@code report.narrative.*}) filled only with figures of the data, e.g. "好评率 70.4%（…），较上月下降
 * 2.1 个百分点，未达到 好评率 ≥ 90% 的目标。"
 */
final class Narrative {

    /** Towns with fewer ratings are not singled out as the worst: one unhappy resident is not a town's verdict. */
    static final long TOWN_SAMPLE = 10;
    /** A change smaller than this (in percentage points) reads as 持平, matching the one decimal shown. */
    private static final double FLAT = 0.05;

    private final Labels labels;

    Narrative(Labels labels) {
        this.labels = labels;
    }

    List<String> of(String scopeName, ScopeFigures now, ScopeFigures before, boolean oneMonth,
            Map<String, String> reasonNames) {
        Tally total = now.total();
        if (total.isEmpty()) {
            return List.of(labels.text("report.narrative.empty", scopeName), handling(now));
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(labels.text("report.narrative.count", scopeName, Figures.count(total.count()),
                Figures.count(total.badCount()), Figures.oneDecimal(SatisfactionMetrics.satisfactionIndex(total))));
        Interval interval = Interval.wilson(total.goodCount(), total.count());
        sentences.add(labels.text("report.narrative.rate", Figures.percent(SatisfactionMetrics.goodRate(total)),
                Figures.percentRange(interval.low(), interval.high()), change(total, before.total(), oneMonth),
                now.countyWide() ? "" : goal(now.dashboard())));
        if (now.countyWide()) {
            sentences.add(campaigns(now));
        }
        worstTown(now).ifPresent(sentences::add);
        SatisfactionMetrics.topBadReasons(total, 1).stream().findFirst().ifPresent(reason -> sentences.add(
                labels.text("report.narrative.top-reason", reasonNames.getOrDefault(reason.getKey(), reason.getKey()),
                        Figures.count(reason.getValue()), Figures.percent(100.0 * reason.getValue() / total.badCount()))));
        sentences.add(handling(now));
        return sentences;
    }

    /** The change of 好评率 since the previous period, in percentage points. */
    static Optional<Double> pointsChange(Tally now, Tally before) {
        return before.isEmpty() || now.isEmpty() ? Optional.empty()
                : Optional.of(SatisfactionMetrics.goodRate(now) - SatisfactionMetrics.goodRate(before));
    }

    private String change(Tally now, Tally before, boolean oneMonth) {
        String previous = labels.text(oneMonth ? "report.narrative.previous.month" : "report.narrative.previous.period");
        return pointsChange(now, before).map(points -> Math.abs(points) < FLAT
                ? labels.text("report.narrative.change.flat", previous)
                : labels.text(points > 0 ? "report.narrative.change.up" : "report.narrative.change.down", previous,
                        Figures.oneDecimal(Math.abs(points))))
                .orElseGet(() -> labels.text("report.narrative.change.none", previous));
    }

    /** What the campaign's 好评率 goal says, if it has one. */
    private String goal(CampaignDashboard dashboard) {
        return dashboard.goals().stream().filter(evaluation -> evaluation.goal().type() == GoalType.SATISFACTION)
                .findFirst().map(this::goalPhrase).orElse("");
    }

    private String goalPhrase(GoalAttainment.Evaluation evaluation) {
        String target = GoalStatement.of(evaluation.goal());
        return switch (evaluation.status()) {
            case MET -> labels.text("report.narrative.goal.met", target);
            case ON_TRACK -> labels.text("report.narrative.goal.on-track", target);
            case AT_RISK, OFF_TRACK -> labels.text("report.narrative.goal.missed", target);
            case INSUFFICIENT_DATA, NO_PROGRESS_REPORTED ->
                    labels.text("report.narrative.goal.too-few", target, Figures.count(evaluation.sample()));
        };
    }

    private String campaigns(ScopeFigures now) {
        long good = 0;
        long behind = 0;
        for (CampaignDashboard dashboard : now.campaigns()) {
            for (GoalAttainment.Evaluation evaluation : dashboard.goals()) {
                if (evaluation.goal().type() == GoalType.SATISFACTION) {
                    good += evaluation.status() == AttainmentStatus.MET || evaluation.status() == AttainmentStatus.ON_TRACK ? 1 : 0;
                    behind += evaluation.status() == AttainmentStatus.AT_RISK || evaluation.status() == AttainmentStatus.OFF_TRACK ? 1 : 0;
                }
            }
        }
        return labels.text("report.narrative.campaigns", Figures.count(now.campaigns().size()), Figures.count(good),
                Figures.count(behind));
    }

    private Optional<String> worstTown(ScopeFigures now) {
        return now.towns().stream().filter(town -> town.tally().count() >= TOWN_SAMPLE).findFirst()
                .map(town -> labels.text("report.narrative.worst-town", town.name().zh(),
                        Figures.percent(SatisfactionMetrics.goodRate(town.tally())), Figures.count(town.tally().count())));
    }

    private String handling(ScopeFigures now) {
        if (now.handling().cases() == 0) {
            return labels.text("report.narrative.handling.none");
        }
        return labels.text("report.narrative.handling", Figures.count(now.handling().cases()),
                percent(HandlingMetrics.contactRate(now.handling())), percent(HandlingMetrics.onTimeRate(now.handling())),
                percent(HandlingMetrics.rectificationSatisfactionRate(now.handling())));
    }

    private static String percent(java.util.OptionalDouble rate) {
        return Figures.percent(rate.orElse(Double.NaN));
    }
}
