package org.haochaping.region;

/** The tiers of the county's region tree. */
public enum RegionLevel {
    COUNTY, TOWN, COMMUNITY, VILLAGE
}
