package org.haochaping.satisfaction;

import java.time.LocalDate;
import java.util.List;

import org.haochaping.campaign.Campaign;
import org.haochaping.system.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * Everything the console shows of one campaign, read from rollups only.
 *
 * @param participants distinct residents who rated the campaign (all of its period)
 * @param trend one point per day of the selected period, oldest first
 * @param towns the county's towns, worst 好评率 first, each with its 95% interval
 * @param subjects the campaign's subjects that were rated, worst first
 * @param outcomeProgress mean progress of the outcome goals in % (0-100), null without reports
 */
public record CampaignDashboard(Campaign campaign, LocalDate from, LocalDate to, Tally total, long participants,
        List<DayPoint> trend,
        List<Slice> towns, List<Slice> subjects, List<GoalAttainment.Evaluation> goals, @Nullable Double outcomeProgress) {

    /** The ratings of one day. */
    public record DayPoint(LocalDate day, Tally tally) {
    }

    /** The ratings of a town or a subject. */
    public record Slice(String code, LocalizedText name, Tally tally, Interval goodRateInterval) {

        /** Lowest 好评率 first; slices without ratings last; ties by code. */
        public static final java.util.Comparator<Slice> WORST_FIRST = java.util.Comparator
                .comparing((Slice slice) -> slice.tally().isEmpty())
                .thenComparingDouble(slice -> SatisfactionMetrics.goodRate(slice.tally()))
                .thenComparing(Slice::code);

        public static Slice of(String code, LocalizedText name, Tally tally) {
            return new Slice(code, name, tally, Interval.wilson(tally.goodCount(), tally.count()));
        }
    }
}
