package org.haochaping.admin.badreview.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.badreview.Unit;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.region.RegionLevel;
import org.haochaping.region.RegionTree;
import org.springframework.stereotype.Component;

/**
 * The handling units by name: a county department as the campaigns name their lead departments, a
 * town by its region's name; a unit the catalog does not know reads as its code.
 */
@Component
class UnitNames {

    private final CampaignCatalog campaigns;
    private final RegionTree regions;

    UnitNames(CampaignCatalog campaigns, RegionTree regions) {
        this.campaigns = campaigns;
        this.regions = regions;
    }

    String name(Unit unit) {
        return switch (unit.kind()) {
            case DEPARTMENT -> departments().getOrDefault(unit.code(), unit.code());
            case TOWN -> regions.find(unit.code()).map(region -> region.name().zh()).orElse(unit.code());
        };
    }

    /** The units a case can be handed to: the campaigns' lead departments, then the towns. */
    List<Unit> all() {
        List<Unit> units = new ArrayList<>();
        departments().keySet().forEach(code -> units.add(Unit.department(code)));
        regions.all().stream().filter(region -> region.level() == RegionLevel.TOWN)
                .forEach(region -> units.add(Unit.town(region.code())));
        return units;
    }

    private Map<String, String> departments() {
        Map<String, String> names = new LinkedHashMap<>();
        campaigns.list(null).forEach(campaign -> names.putIfAbsent(campaign.getLeadDepartment().code(),
                campaign.getLeadDepartment().name().zh()));
        return names;
    }
}
