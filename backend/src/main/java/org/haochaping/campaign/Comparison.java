package org.haochaping.campaign;

import java.math.BigDecimal;

/** Which side of its target a goal's value must be on. */
public enum Comparison {
    AT_LEAST, AT_MOST;

    public boolean isMet(BigDecimal value, BigDecimal target) {
        int order = value.compareTo(target);
        return this == AT_LEAST ? order >= 0 : order <= 0;
    }
}
