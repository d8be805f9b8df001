package org.haochaping.badreview;

import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** The routing rules and deadlines per campaign: read by everyone who opens cases, changed by SUPERVISORs. */
@Service
public class CaseRouting {

    private final MongoTemplate mongo;
    private final CampaignCatalog campaigns;
    private final AccessGuard guard;

    CaseRouting(MongoTemplate mongo, CampaignCatalog campaigns, AccessGuard guard) {
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.guard = guard;
    }

    /** The campaign's rule as officials read it (residents are refused; an unknown campaign is a 404). */
    public RoutingRule read(Actor actor, String campaignCode) {
        guard.require(actor.isOfficial(), actor, "READ_CASE_ROUTING", "campaign:" + campaignCode);
        campaigns.get(campaignCode);
        return ruleFor(campaignCode);
    }

    /** The campaign's rule, or the product's default for it. */
    public RoutingRule ruleFor(String campaignCode) {
        RoutingRule stored = mongo.findById(campaignCode, RoutingRule.class);
        return stored != null ? stored : RoutingRule.defaultFor(campaignCode);
    }

    /** SUPERVISORs only; audited. {@code expectedVersion} guards against overwriting another's change. */
    public RoutingRule configure(Actor actor, String campaignCode, RoutingRule.Route route, @Nullable String department,
            int contactDays, int immediateDays, int scheduledDays, @Nullable Long expectedVersion) {
        guard.require(actor.has(Role.SUPERVISOR), actor, "CONFIGURE_CASE_ROUTING", "campaign:" + campaignCode);
        campaigns.get(campaignCode);
        if (!CaseDeadlines.areValid(contactDays, immediateDays, scheduledDays)) {
            throw new CaseInputException("INVALID_DEADLINES", CaseDeadlines.MAX_DAYS);
        }
        if (route == RoutingRule.Route.DEPARTMENT && (department == null || !department.matches("[a-z0-9-]{1,64}"))) {
            throw new CaseInputException("DEPARTMENT_REQUIRED");
        }
        RoutingRule current = ruleFor(campaignCode);
        if (expectedVersion != null && !expectedVersion.equals(current.version() == null ? 0L : current.version())) {
            throw new CaseTransitionException("ROUTING_CHANGED");
        }
        RoutingRule changed = new RoutingRule(campaignCode, route, route == RoutingRule.Route.DEPARTMENT ? department : null,
                new CaseDeadlines(contactDays, immediateDays, scheduledDays), current.version());
        try {
            RoutingRule saved = current.version() == null ? mongo.insert(changed) : mongo.save(changed);
            guard.recordChange(actor, "CASE_ROUTING_CONFIGURED", "campaign:" + campaignCode);
            return saved;
        } catch (OptimisticLockingFailureException | org.springframework.dao.DuplicateKeyException raced) {
            throw new CaseTransitionException("ROUTING_CHANGED");
        }
    }
}
