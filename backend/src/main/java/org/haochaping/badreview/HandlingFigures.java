package org.haochaping.badreview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.satisfaction.HandlingMetrics;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.springframework.stereotype.Service;

/**
 * The 差评 handling figures as the dashboard and the campaign page show them: per campaign and per
 * handling unit, read from the {@link CaseFigureBook} (a few documents per campaign, however many
 * cases), units named in Chinese ({@link UnitNames}) and ranked. The rates themselves are
 * {@link HandlingMetrics}'. An official sees the figures of the campaigns whose dashboards they see
 * ({@link SatisfactionQueries#mayFollow}).
 */
@Service
public class HandlingFigures {

    /** What the handling units are ranked by, each with the count it is a share of. */
    public enum Ranking {
        /** 按期办结率, of the cases handled and closed. */
        ON_TIME,
        /** 整改满意率, of the re-ratings. */
        SATISFACTION;

        public OptionalDouble rate(HandlingCounts counts) {
            return this == ON_TIME ? HandlingMetrics.onTimeRate(counts) : HandlingMetrics.rectificationSatisfactionRate(counts);
        }

        public long basis(HandlingCounts counts) {
            return this == ON_TIME ? counts.handled() : counts.reratings();
        }
    }

    /** A handling unit's figures, with its name in Chinese. */
    public record UnitFigures(Unit unit, String name, HandlingCounts counts) {
    }

    /** A campaign's figures, all units together and per unit. */
    public record CampaignFigures(Campaign campaign, HandlingCounts total, List<UnitFigures> units) {
    }

    private final CaseFigureBook book;
    private final SatisfactionQueries satisfaction;
    private final CampaignCatalog campaigns;
    private final UnitNames units;
    private final AccessGuard guard;

    HandlingFigures(CaseFigureBook book, SatisfactionQueries satisfaction, CampaignCatalog campaigns, UnitNames units,
            AccessGuard guard) {
        this.book = book;
        this.satisfaction = satisfaction;
        this.campaigns = campaigns;
        this.units = units;
        this.guard = guard;
    }

    /** One campaign's figures; refused (and audited) outside the official's scope. */
    public CampaignFigures ofCampaign(Actor actor, String campaignCode) {
        Campaign campaign = campaigns.get(campaignCode);
        guard.require(satisfaction.mayFollow(actor, campaign), actor, "READ_HANDLING_FIGURES", "campaign:" + campaignCode);
        return figures(List.of(campaign)).getFirst();
    }

    /**
     * One campaign's figures over the cases opened in the months {@code from}..{@code to}; refused (and
     * audited) outside the official's scope. The attainment API and the reports read this.
     */
    public HandlingCounts ofCampaign(Actor actor, String campaignCode, java.time.YearMonth from, java.time.YearMonth to) {
        Campaign campaign = campaigns.get(campaignCode);
        guard.require(satisfaction.mayFollow(actor, campaign), actor, "READ_HANDLING_FIGURES", "campaign:" + campaignCode);
        return book.byUnit(campaignCode, from, to).values().stream().reduce(HandlingCounts.ZERO, HandlingCounts::plus);
    }

    /** The figures of every campaign the official follows, in report order. */
    public List<CampaignFigures> followedBy(Actor actor) {
        return figures(satisfaction.followedBy(actor));
    }

    private List<CampaignFigures> figures(List<Campaign> followed) {
        Map<Campaign, Map<String, HandlingCounts>> byCampaign = new LinkedHashMap<>();
        followed.forEach(campaign -> byCampaign.put(campaign, book.byUnit(campaign.getCode())));
        Map<Unit, String> named = new java.util.HashMap<>();
        byCampaign.values().forEach(counts -> counts.keySet().forEach(key -> named.computeIfAbsent(Unit.ofKey(key), units::zh)));
        List<CampaignFigures> figures = new ArrayList<>();
        byCampaign.forEach((campaign, countsByUnit) -> {
            List<UnitFigures> perUnit = new ArrayList<>();
            countsByUnit.forEach((key, counts) -> {
                Unit unit = Unit.ofKey(key);
                if (!counts.equals(HandlingCounts.ZERO)) {
                    perUnit.add(new UnitFigures(unit, named.get(unit), counts));
                }
            });
            perUnit.sort(Comparator.comparing(UnitFigures::name));
            figures.add(new CampaignFigures(campaign, total(perUnit.stream().map(UnitFigures::counts).toList()), perUnit));
        });
        return figures;
    }

    /** All the campaigns' figures together. */
    public static HandlingCounts total(Collection<CampaignFigures> figures) {
        return total(figures.stream().map(CampaignFigures::total).toList());
    }

    private static HandlingCounts total(List<HandlingCounts> counts) {
        return counts.stream().reduce(HandlingCounts.ZERO, HandlingCounts::plus);
    }

    /**
     * The handling units across these campaigns (a unit handling several campaigns' cases counted
     * once, its counts added), best first: by the rate, the larger basis first among equal rates,
     * then the more cases, then by name; units with nothing to rate yet (an empty rate, not 0%)
     * come last, the most cases first. Units with no
     * case left (all reassigned away or excluded by an upheld appeal) are left out.
     */
    public static List<UnitFigures> ranked(Collection<CampaignFigures> figures, Ranking by) {
        Map<Unit, UnitFigures> merged = new LinkedHashMap<>();
        figures.forEach(campaign -> campaign.units().forEach(unit -> merged.merge(unit.unit(), unit,
                (a, b) -> new UnitFigures(a.unit(), a.name(), a.counts().plus(b.counts())))));
        Comparator<UnitFigures> best = Comparator
                .comparing((UnitFigures unit) -> by.rate(unit.counts()).isEmpty())
                .thenComparing(Comparator.comparingDouble((UnitFigures unit) -> by.rate(unit.counts()).orElse(0)).reversed())
                .thenComparing(Comparator.comparingLong((UnitFigures unit) -> by.basis(unit.counts())).reversed())
                .thenComparing(Comparator.comparingLong((UnitFigures unit) -> unit.counts().cases()).reversed())
                .thenComparing(UnitFigures::name);
        return merged.values().stream().filter(unit -> unit.counts().cases() > 0).sorted(best).toList();
    }
}
