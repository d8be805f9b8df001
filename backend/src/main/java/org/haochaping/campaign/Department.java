package org.haochaping.campaign;

import org.haochaping.system.LocalizedText;
import org.springframework.util.Assert;

/** A county department or unit, e.g. the lead department (牵头单位) of a campaign. */
public record Department(String code, LocalizedText name) {

    public Department {
        Assert.hasText(code, "A department needs a code");
        Assert.notNull(name, "A department needs a name");
    }
}
