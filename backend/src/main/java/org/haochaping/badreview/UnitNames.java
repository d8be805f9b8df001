package org.haochaping.badreview;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.region.Region;
import org.haochaping.region.RegionTree;
import org.haochaping.system.BoundedCache;
import org.haochaping.system.LocalizedText;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * The names of the units that handle cases, as residents and officials read them: a town's from the
 * region tree, a department's from the campaigns it leads (a department the product knows no name
 * for is named by its code). Officials are never named this way. (Its bean has a name of its own:
 * the console has a {@code UnitNames} of its own too.)
 */
@Component("badReviewUnitNames")
public class UnitNames {

    private final CampaignCatalog campaigns;
    private final RegionTree regions;
    private final Cache<String, Map<String, LocalizedText>> departments;

    UnitNames(CampaignCatalog campaigns, RegionTree regions, Clock clock) {
        this.campaigns = campaigns;
        this.regions = regions;
        this.departments = BoundedCache.of(1, Duration.ofMinutes(1), clock);
    }

    public LocalizedText of(Unit unit) {
        LocalizedText known = switch (unit.kind()) {
            case TOWN -> regions.find(unit.code()).map(Region::name).orElse(null);
            case DEPARTMENT -> departments().get(unit.code());
        };
        return known != null ? known : LocalizedText.of(unit.code(), unit.code());
    }

    private Map<String, LocalizedText> departments() {
        return departments.get("all", all -> {
            Map<String, LocalizedText> names = new HashMap<>();
            for (Campaign campaign : campaigns.list(null)) {
                names.put(campaign.getLeadDepartment().code(), campaign.getLeadDepartment().name());
            }
            return Map.copyOf(names);
        });
    }
}
