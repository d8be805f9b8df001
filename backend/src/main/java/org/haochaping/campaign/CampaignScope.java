package org.haochaping.campaign;

import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.region.RegionTree;
import org.springframework.stereotype.Component;

/**
 * Whose data scope covers feedback on a campaign in a region: SUPERVISORs and AUDITORs all of it;
 * MANAGERs their department's campaigns; HANDLERs their department's campaigns and, for town
 * units, what happens in their town.
 */
@Component
public class CampaignScope {

    private final CampaignCatalog campaigns;
    private final RegionTree regions;

    CampaignScope(CampaignCatalog campaigns, RegionTree regions) {
        this.campaigns = campaigns;
        this.regions = regions;
    }

    public boolean covers(Actor actor, String campaignCode, String regionCode) {
        if (actor.seesCountyWide()) {
            return true;
        }
        String lead = campaigns.getForRating(campaignCode).getLeadDepartment().code();
        if (actor.has(Role.MANAGER) && actor.belongsTo(lead)) {
            return true;
        }
        return actor.has(Role.HANDLER) && (actor.belongsTo(lead)
                || actor.region() != null && regions.isWithin(regionCode, actor.region()));
    }
}
