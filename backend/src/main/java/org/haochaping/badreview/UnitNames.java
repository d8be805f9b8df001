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
 * for is named by its code). Officials are never named this way. The API, the
 * figures and the console all name units here.
 */
@Component
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

    /** The name in Chinese, as the console and the reports show it. */
    public String zh(Unit unit) {
        return of(unit).zh();
    }

    /** The units a case can be handed to: the campaigns' lead departments, then the towns. */
    public java.util.List<Unit> all() {
        java.util.List<Unit> units = new java.util.ArrayList<>();
        departments().keySet().stream().sorted().forEach(code -> units.add(Unit.department(code)));
        regions.all().stream().filter(region -> region.level() == org.haochaping.region.RegionLevel.TOWN)
                .forEach(region -> units.add(Unit.town(region.code())));
        return units;
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
