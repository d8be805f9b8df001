package org.haochaping.report;

import java.time.LocalDate;
import java.util.List;

import org.haochaping.campaign.Campaign;
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.satisfaction.Tally;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one scope (a campaign, or the county as the sum of its campaigns) over one period,
 * as the dashboard and the attainment API compute them.
 *
 * @param campaigns one dashboard per campaign in scope, over the period
 * @param days the ratings of each day of the period, all campaigns together
 * @param towns every town's ratings, all campaigns together, worst 好评率 first
 * @param handling the 差评 cases opened in the period's months
 */
record ScopeFigures(@Nullable Campaign campaign, LocalDate from, LocalDate to, List<CampaignDashboard> campaigns,
        Tally total, List<CampaignDashboard.DayPoint> days, List<CampaignDashboard.Slice> towns, HandlingCounts handling) {

    boolean countyWide() {
        return campaign == null;
    }

    /** The one campaign's dashboard; only for a campaign's scope. */
    CampaignDashboard dashboard() {
        return campaigns.getFirst();
    }
}
