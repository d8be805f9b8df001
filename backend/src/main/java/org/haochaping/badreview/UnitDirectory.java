package org.haochaping.badreview;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.region.Region;
import org.haochaping.region.RegionTree;
import org.springframework.stereotype.Component;

/**
 * Handling units in Chinese, as officials call them: a department by the name the campaigns give
 * it as their lead department (县住房和城乡建设管理局), a town by the region tree's name (古韩镇). A
 * code neither knows is shown as it is, never dropped. (The console's case pages have their own
 * {@code admin.badreview.ui.UnitNames} with the same rule, plus the list of units to hand a case to.)
 */
@Component
public class UnitDirectory {

    private final CampaignCatalog campaigns;
    private final RegionTree regions;

    UnitDirectory(CampaignCatalog campaigns, RegionTree regions) {
        this.campaigns = campaigns;
        this.regions = regions;
    }

    /** The names of these units (the campaigns are read once for all of them). */
    public Map<Unit, String> names(Collection<Unit> units) {
        Map<String, String> departments = new HashMap<>();
        for (Campaign campaign : campaigns.list(null)) {
            departments.putIfAbsent(campaign.getLeadDepartment().code(), campaign.getLeadDepartment().name().zh());
        }
        Map<Unit, String> names = new HashMap<>();
        for (Unit unit : units) {
            names.put(unit, switch (unit.kind()) {
                case DEPARTMENT -> departments.getOrDefault(unit.code(), unit.code());
                case TOWN -> regions.find(unit.code()).map(Region::name).map(name -> name.zh()).orElse(unit.code());
            });
        }
        return names;
    }

    public String name(Unit unit) {
        return names(java.util.List.of(unit)).get(unit);
    }
}
