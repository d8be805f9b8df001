package org.haochaping.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.haochaping.badreview.HandlingFigures;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.haochaping.satisfaction.Tally;
import org.haochaping.system.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * Reads a scope's figures through the dashboard's and the attainment API's own queries (so a report and
 * the screen cannot disagree): one dashboard per campaign, summed for the county.
 */
@Component
class ReportFigures {

    private final SatisfactionQueries satisfaction;
    private final HandlingFigures handling;
    private final CampaignCatalog catalog;

    ReportFigures(SatisfactionQueries satisfaction, HandlingFigures handling, CampaignCatalog catalog) {
        this.satisfaction = satisfaction;
        this.handling = handling;
        this.catalog = catalog;
    }

    ScopeFigures of(Actor actor, ReportRequest request) {
        List<Campaign> campaigns = request.countyWide() ? satisfaction.followedBy(actor)
                : List.of(catalog.get(request.campaignCode()));
        List<CampaignDashboard> dashboards = new ArrayList<>();
        HandlingCounts cases = HandlingCounts.ZERO;
        for (Campaign campaign : campaigns) {
            dashboards.add(satisfaction.dashboard(actor, campaign.getCode(), request.firstDay(), request.lastDay(), null));
            cases = cases.plus(handling.ofCampaign(actor, campaign.getCode(), request.from(), request.to()));
        }
        Tally total = dashboards.stream().map(CampaignDashboard::total).reduce(Tally.EMPTY, Tally::plus);
        return new ScopeFigures(request.countyWide() ? null : campaigns.getFirst(), request.firstDay(), request.lastDay(),
                dashboards, total, days(request, dashboards), towns(dashboards), cases);
    }

    /** Every day of the period, with the ratings of all campaigns on it (days a campaign did not run add nothing). */
    private static List<CampaignDashboard.DayPoint> days(ReportRequest request, List<CampaignDashboard> dashboards) {
        Map<LocalDate, Tally> byDay = new TreeMap<>();
        request.firstDay().datesUntil(request.lastDay().plusDays(1)).forEach(day -> byDay.put(day, Tally.EMPTY));
        dashboards.forEach(dashboard -> dashboard.trend().forEach(point -> byDay.merge(point.day(), point.tally(), Tally::plus)));
        return byDay.entrySet().stream().map(entry -> new CampaignDashboard.DayPoint(entry.getKey(), entry.getValue())).toList();
    }

    private static List<CampaignDashboard.Slice> towns(List<CampaignDashboard> dashboards) {
        Map<String, LocalizedText> names = new LinkedHashMap<>();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        dashboards.forEach(dashboard -> dashboard.towns().forEach(town -> {
            names.putIfAbsent(town.code(), town.name());
            tallies.merge(town.code(), town.tally(), Tally::plus);
        }));
        return tallies.entrySet().stream()
                .map(entry -> CampaignDashboard.Slice.of(entry.getKey(), names.get(entry.getKey()), entry.getValue()))
                .sorted(CampaignDashboard.Slice.WORST_FIRST).toList();
    }
}
