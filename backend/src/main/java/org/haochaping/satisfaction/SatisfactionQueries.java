package org.haochaping.satisfaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.CampaignScope;
import org.haochaping.campaign.Comparison;
import org.haochaping.campaign.Goal;
import org.haochaping.campaign.GoalProgress;
import org.haochaping.campaign.GoalType;
import org.haochaping.campaign.ProgressEntry;
import org.haochaping.campaign.Subject;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.region.Region;
import org.haochaping.region.RegionLevel;
import org.haochaping.region.RegionTree;
import org.haochaping.satisfaction.rollup.RollupKey;
import org.haochaping.satisfaction.rollup.RollupReader;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Satisfaction figures read from the rollups, never from raw ratings: one read by {@code _id}s per
 * dashboard, whatever the number of ratings.
 */
@Service
public class SatisfactionQueries {

    private final RollupReader rollups;
    private final CampaignCatalog campaigns;
    private final SubjectCatalog subjects;
    private final RegionTree regions;
    private final GoalProgress progress;
    private final CampaignScope scope;
    private final AccessGuard guard;
    private final GoalAttainment attainment;
    private final Clock clock;

    SatisfactionQueries(RollupReader rollups, CampaignCatalog campaigns, SubjectCatalog subjects, RegionTree regions,
            GoalProgress progress, CampaignScope scope, AccessGuard guard, Clock clock,
            @Value("${haochaping.satisfaction.minimum-sample:30}") int minimumSample) {
        this.rollups = rollups;
        this.campaigns = campaigns;
        this.subjects = subjects;
        this.regions = regions;
        this.progress = progress;
        this.scope = scope;
        this.guard = guard;
        this.clock = clock;
        this.attainment = new GoalAttainment(minimumSample);
    }

    /** All valid ratings of a campaign: the public 评价结果. */
    public Tally campaignTotal(String campaignCode) {
        campaigns.getForRating(campaignCode);
        return rollups.read(RollupKey.total(campaignCode));
    }

    /** Whether the actor's scope covers the campaign as a whole (its goals, its dashboard). */
    public boolean mayFollow(Actor actor, Campaign campaign) {
        return actor.isOfficial() && scope.covers(actor, campaign.getCode(), countyCode());
    }

    /** The campaigns whose dashboards the actor may see, in report order. */
    public List<Campaign> followedBy(Actor actor) {
        return campaigns.list(null).stream().filter(campaign -> mayFollow(actor, campaign)).toList();
    }

    /**
     * One campaign's dashboard over {@code from}..{@code to} (clipped to its period and today).
     * Totals and goals cover the selected days; with {@code town}, the totals are that town's.
     */
    public CampaignDashboard dashboard(Actor actor, String campaignCode, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable String town) {
        Campaign campaign = campaigns.get(campaignCode);
        guard.require(mayFollow(actor, campaign), actor, "READ_DASHBOARD", "campaign:" + campaignCode);
        LocalDate start = later(campaign.getPeriod().start(), from);
        LocalDate end = earlier(earlier(campaign.getPeriod().end(), to), LocalDate.now(clock));
        List<LocalDate> days = start.isAfter(end) ? List.of() : start.datesUntil(end.plusDays(1)).toList();
        List<Region> towns = regions.all().stream().filter(region -> region.level() == RegionLevel.TOWN).toList();
        List<Subject> rated = subjects.page(campaignCode, null, null, 0, Integer.MAX_VALUE).items().stream()
                .map(SubjectCatalog.Placed::subject).toList();

        List<RollupKey> keys = new ArrayList<>();
        days.forEach(day -> keys.add(RollupKey.day(campaignCode, day)));
        towns.forEach(region -> keys.add(RollupKey.town(campaignCode, region.code())));
        rated.forEach(subject -> keys.add(RollupKey.subject(campaignCode, subject.id())));
        Map<RollupKey, Tally> read = rollups.readAll(keys);

        List<CampaignDashboard.DayPoint> trend = days.stream()
                .map(day -> new CampaignDashboard.DayPoint(day, read.getOrDefault(RollupKey.day(campaignCode, day), Tally.EMPTY)))
                .toList();
        Tally total = town != null ? read.getOrDefault(RollupKey.town(campaignCode, town), Tally.EMPTY)
                : trend.stream().map(CampaignDashboard.DayPoint::tally).reduce(Tally.EMPTY, Tally::plus);
        List<CampaignDashboard.Slice> townSlices = worstFirst(towns.stream().map(region -> slice(region.code(),
                region.name(), read.getOrDefault(RollupKey.town(campaignCode, region.code()), Tally.EMPTY))));
        List<CampaignDashboard.Slice> subjectSlices = worstFirst(rated.stream().map(subject -> slice(subject.id(),
                subject.name(), read.getOrDefault(RollupKey.subject(campaignCode, subject.id()), Tally.EMPTY)))
                .filter(slice -> !slice.tally().isEmpty()));
        Map<String, ProgressEntry> latest = progress.latest(campaignCode);
        List<GoalAttainment.Evaluation> goals = campaign.getGoals().stream()
                .map(goal -> attainment.evaluate(goal, campaign.getPeriod(), total, rollups.participants(campaignCode),
                        report(latest.get(goal.code())), LocalDate.now(clock)))
                .toList();
        return new CampaignDashboard(campaign, start, end, total, rollups.participants(campaignCode), trend, townSlices,
                subjectSlices, goals, outcomeProgress(campaign.getGoals(), latest));
    }

    /** Mean progress of the outcome goals that have reports, each capped at 100%. */
    static @Nullable Double outcomeProgress(List<Goal> goals, Map<String, ProgressEntry> latest) {
        List<Double> shares = goals.stream()
                .filter(goal -> goal.type() == GoalType.OUTCOME && latest.containsKey(goal.code()))
                .map(goal -> share(goal, latest.get(goal.code()).value()))
                .toList();
        return shares.isEmpty() ? null : shares.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double share(Goal goal, BigDecimal value) {
        if (goal.comparison() == Comparison.AT_MOST || goal.target().signum() == 0) {
            return goal.isMetBy(value) ? 100 : 0;
        }
        return Math.min(100, value.multiply(BigDecimal.valueOf(100)).divide(goal.target(), 4, RoundingMode.HALF_UP).doubleValue());
    }

    private static @Nullable ProgressReport report(@Nullable ProgressEntry entry) {
        return entry == null ? null : new ProgressReport(entry.value(), entry.asOf());
    }

    private static CampaignDashboard.Slice slice(String code, org.haochaping.system.LocalizedText name, Tally tally) {
        return CampaignDashboard.Slice.of(code, name, tally);
    }

    private static List<CampaignDashboard.Slice> worstFirst(Stream<CampaignDashboard.Slice> slices) {
        return slices.sorted(CampaignDashboard.Slice.WORST_FIRST).toList();
    }

    private String countyCode() {
        return regions.all().getFirst().code();
    }

    private static LocalDate later(LocalDate a, @Nullable LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, @Nullable LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
