package org.haochaping.region;

import org.haochaping.system.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A place in the county's region tree, with its administrative division code (county 6 digits,
 * town 9, community or village 12).
 */
public record Region(String code, LocalizedText name, RegionLevel level, @Nullable String parentCode) {

    public Region {
        Assert.isTrue(code.matches("[0-9]{6,12}"), () -> "A region code is 6 to 12 digits: " + code);
        Assert.isTrue((level == RegionLevel.COUNTY) == (parentCode == null), "Only the county has no parent");
    }
}
