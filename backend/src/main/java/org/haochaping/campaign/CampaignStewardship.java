package org.haochaping.campaign;

import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.springframework.stereotype.Service;

/**
 * Officials' changes to a campaign. MANAGERs change the campaigns their department leads,
 * SUPERVISORs any; everyone else is refused here, whatever screen or endpoint they came from.
 * Every change is audited.
 */
@Service
public class CampaignStewardship {

    private final Campaigns campaigns;
    private final CampaignCatalog catalog;
    private final AccessGuard guard;

    CampaignStewardship(Campaigns campaigns, CampaignCatalog catalog, AccessGuard guard) {
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.guard = guard;
    }

    /** Whether the actor may change this campaign (the console shows its actions only then). */
    public boolean canChange(Actor actor, Campaign campaign) {
        return actor.has(Role.SUPERVISOR)
                || actor.has(Role.MANAGER) && actor.belongsTo(campaign.getLeadDepartment().code());
    }

    public Campaign suspend(Actor actor, String code) {
        return change(actor, code, "CAMPAIGN_SUSPENDED", Campaign::suspend);
    }

    public Campaign resume(Actor actor, String code) {
        return change(actor, code, "CAMPAIGN_RESUMED", Campaign::resume);
    }

    private Campaign change(Actor actor, String code, String action, java.util.function.Consumer<Campaign> change) {
        Campaign campaign = catalog.get(code);
        guard.require(canChange(actor, campaign), actor, action, "campaign:" + code);
        change.accept(campaign);
        Campaign saved = campaigns.save(campaign);
        catalog.changed(code);
        guard.recordChange(actor, action, "campaign:" + code);
        return saved;
    }
}
