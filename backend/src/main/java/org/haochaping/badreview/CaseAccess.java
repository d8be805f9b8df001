package org.haochaping.badreview;

import java.util.ArrayList;
import java.util.List;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a case, decided here for the API and the console alike:
 * <ul>
 * <li>SUPERVISORs and AUDITORs see every case; the lead department's officials see their campaigns';
 *     a unit's officials see the cases it handles;</li>
 * <li>HANDLERs of the handling unit act on a case; once it is under 督办, the lead department's
 *     MANAGERs and SUPERVISORs do;</li>
 * <li>MANAGERs of the lead department and SUPERVISORs reassign; SUPERVISORs decide appeals;
 *     AUDITORs change nothing.</li>
 * </ul>
 */
@Component
public class CaseAccess {

    private final CampaignCatalog campaigns;

    CaseAccess(CampaignCatalog campaigns) {
        this.campaigns = campaigns;
    }

    public boolean canSee(Actor actor, BadReviewCase c) {
        return actor.seesCountyWide() || leads(actor, c) || inUnit(actor, c.getUnit());
    }

    public boolean canHandle(Actor actor, BadReviewCase c) {
        if (c.isSupervised()) {
            return actor.has(Role.SUPERVISOR) || actor.has(Role.MANAGER) && actor.belongsTo(c.getLeadDepartment());
        }
        return actor.has(Role.HANDLER) && inUnit(actor, c.getUnit());
    }

    public boolean canReassign(Actor actor, BadReviewCase c) {
        return actor.has(Role.SUPERVISOR) || actor.has(Role.MANAGER) && actor.belongsTo(c.getLeadDepartment());
    }

    public boolean canDecideAppeals(Actor actor) {
        return actor.has(Role.SUPERVISOR);
    }

    /** The queue documents that hold what the actor may see (see {@link CaseQueueBook}). */
    List<String> audiences(Actor actor) {
        List<String> audiences = new ArrayList<>();
        for (Campaign campaign : campaigns.list(null)) {
            if (actor.seesCountyWide() || isOfficialOf(actor, campaign.getLeadDepartment().code())) {
                audiences.add(CaseQueueBook.campaignAudience(campaign.getCode()));
            }
        }
        if (actor.department() != null && (actor.has(Role.HANDLER) || actor.has(Role.MANAGER))) {
            audiences.add(CaseQueueBook.unitAudience(Unit.department(actor.department())));
        }
        if (actor.region() != null) { // as canSee: any official of the town, not only its HANDLERs
            audiences.add(CaseQueueBook.unitAudience(Unit.town(actor.region())));
        }
        return audiences;
    }

    private boolean leads(Actor actor, BadReviewCase c) {
        return isOfficialOf(actor, c.getLeadDepartment());
    }

    private static boolean isOfficialOf(Actor actor, String department) {
        return (actor.has(Role.HANDLER) || actor.has(Role.MANAGER)) && actor.belongsTo(department);
    }

    /** A department's officials, or a town's (an official whose region is the town). */
    boolean inUnit(Actor actor, Unit unit) {
        return switch (unit.kind()) {
            case DEPARTMENT -> actor.belongsTo(unit.code());
            case TOWN -> unit.code().equals(actor.region());
        };
    }
}
