package org.haochaping.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.region.Region;
import org.haochaping.region.RegionTree;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the reports of one row per record (评价明细, 整改台账) share: the campaigns of a request's scope, its
 * months as instants in county time, and the names its rows show for subjects, regions and times.
 */
@Component
class ReportRecords {

    private final SatisfactionQueries satisfaction;
    private final CampaignCatalog campaigns;
    private final SubjectCatalog subjects;
    private final RegionTree regions;
    private final ZoneId zone;

    ReportRecords(SatisfactionQueries satisfaction, CampaignCatalog campaigns, SubjectCatalog subjects, RegionTree regions,
            Clock clock) {
        this.satisfaction = satisfaction;
        this.campaigns = campaigns;
        this.subjects = subjects;
        this.regions = regions;
        this.zone = clock.getZone();
    }

    /** The campaign asked for, or every campaign the actor follows for the county. */
    List<Campaign> campaigns(Actor actor, ReportRequest request) {
        return request.countyWide() ? satisfaction.followedBy(actor) : List.of(campaigns.get(request.campaignCode()));
    }

    /** The first moment of the request's first month, county time. */
    Instant start(ReportRequest request) {
        return request.firstDay().atStartOfDay(zone).toInstant();
    }

    /** The first moment after the request's last month, county time. */
    Instant end(ReportRequest request) {
        return request.lastDay().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Subject id → Chinese name, read once per campaign rather than once per row. */
    Map<String, String> subjectNames(Campaign campaign) {
        Map<String, String> names = new HashMap<>();
        subjects.page(campaign.getCode(), null, null, 0, Integer.MAX_VALUE).items()
                .forEach(placed -> names.put(placed.subject().id(), placed.subject().name().zh()));
        return names;
    }

    String regionName(@Nullable String code) {
        return code == null ? "" : regions.find(code).map(Region::name).map(name -> name.zh()).orElse(code);
    }

    @Nullable LocalDateTime local(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }
}
