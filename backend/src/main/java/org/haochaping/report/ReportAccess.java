package org.haochaping.report;

import java.util.Arrays;
import java.util.List;

import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.springframework.stereotype.Component;

/**
 * Who may export what: officials only; the county as a whole only for SUPERVISORs and AUDITORs; a
 * campaign for those who follow its dashboard; 评价明细 (one row per resident's rating) only for
 * SUPERVISORs and AUDITORs, whatever the scope.
 */
@Component
class ReportAccess {

    private final SatisfactionQueries satisfaction;
    private final CampaignCatalog campaigns;

    ReportAccess(SatisfactionQueries satisfaction, CampaignCatalog campaigns) {
        this.satisfaction = satisfaction;
        this.campaigns = campaigns;
    }

    boolean mayExport(Actor actor, ReportRequest request) {
        if (!actor.isOfficial() || !kindsFor(actor).contains(request.kind())) {
            return false;
        }
        return request.countyWide() ? mayReportCountyWide(actor)
                : satisfaction.mayFollow(actor, campaigns.get(request.campaignCode()));
    }

    static boolean mayReportCountyWide(Actor actor) {
        return actor.seesCountyWide();
    }

    static List<ReportKind> kindsFor(Actor actor) {
        if (!actor.isOfficial()) {
            return List.of();
        }
        return Arrays.stream(ReportKind.values())
                .filter(kind -> kind != ReportKind.RATING_DETAIL || actor.has(Role.SUPERVISOR) || actor.has(Role.AUDITOR))
                .toList();
    }
}
