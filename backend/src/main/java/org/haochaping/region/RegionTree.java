package org.haochaping.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haochaping.system.SeedFiles;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

import tools.jackson.databind.json.JsonMapper;

/**
 * The county's region tree: county → town → community or village. It is reference data that
 * changes with administrative reforms, not with use, so it is read once from its file and kept in
 * memory; lookups on the rating path cost nothing.
 */
@Component
public class RegionTree {

    private final Map<String, Region> regions;

    @Autowired
    RegionTree(JsonMapper json, @Value("${haochaping.seed.regions:classpath:seed/regions.json}") Resource file) {
        this(List.of(SeedFiles.read(json, file, Region[].class)));
    }

    /** A tree of the given regions, parents listed before their children. */
    public RegionTree(List<Region> regions) {
        this.regions = index(regions);
    }

    /** Every region, parents before children. */
    public List<Region> all() {
        return List.copyOf(regions.values());
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public boolean exists(String code) {
        return regions.containsKey(code);
    }

    /** Whether {@code code} is {@code ancestor} or lies below it. */
    public boolean isWithin(String code, String ancestor) {
        for (Region region = regions.get(code); region != null; region = parent(region)) {
            if (region.code().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The town a region belongs to (itself for a town), or empty at county level. */
    public Optional<Region> townOf(String code) {
        for (Region region = regions.get(code); region != null; region = parent(region)) {
            if (region.level() == RegionLevel.TOWN) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    private @Nullable Region parent(Region region) {
        return region.parentCode() == null ? null : regions.get(region.parentCode());
    }

    private static Map<String, Region> index(List<Region> list) {
        Map<String, Region> byCode = new LinkedHashMap<>();
        for (Region region : list) {
            Assert.isTrue(region.parentCode() == null || byCode.containsKey(region.parentCode()),
                    () -> "Region " + region.code() + " comes before its parent " + region.parentCode());
            Assert.isNull(byCode.put(region.code(), region), () -> "Region " + region.code() + " is listed twice");
        }
        return byCode;
    }

}
