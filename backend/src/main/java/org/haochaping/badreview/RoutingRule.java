package org.haochaping.badreview;

import java.util.Set;

import org.haochaping.rating.Rating;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who handles a campaign's 差评 and by when, as SUPERVISORs configure it per campaign. The lead
 * department sees and supervises every case of its campaign whichever unit handles it.
 *
 * @param department the handling department when {@code route} is {@link Route#DEPARTMENT}
 */
@Document("bad_review_routing")
public record RoutingRule(@Id String campaignCode, Route route, @Nullable String department, CaseDeadlines deadlines,
        @Version @Nullable Long version) {

    public enum Route {
        /** The campaign's lead department (牵头单位). */
        LEAD_DEPARTMENT,
        /** The town where the rated thing is, e.g. a compound's property company answers to its town. */
        TOWN,
        /** A named department. */
        DEPARTMENT
    }

    /** Campaigns whose subjects are looked after by the towns they are in. */
    private static final Set<String> TOWN_CAMPAIGNS = Set.of("property-management", "illegal-construction");

    static RoutingRule defaultFor(String campaignCode) {
        return new RoutingRule(campaignCode, TOWN_CAMPAIGNS.contains(campaignCode) ? Route.TOWN : Route.LEAD_DEPARTMENT,
                null, CaseDeadlines.DEFAULT, null);
    }

    /** The unit that handles this rating's case; county-level ratings of a town route go to the lead department. */
    Unit unitFor(Rating rating, String leadDepartment) {
        return switch (route) {
            case TOWN -> rating.townCode() != null ? Unit.town(rating.townCode()) : Unit.department(leadDepartment);
            case DEPARTMENT -> Unit.department(department != null ? department : leadDepartment);
            case LEAD_DEPARTMENT -> Unit.department(leadDepartment);
        };
    }
}
