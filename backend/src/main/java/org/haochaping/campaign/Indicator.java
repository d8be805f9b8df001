package org.haochaping.campaign;

import org.haochaping.system.LocalizedText;

/** An aspect residents score separately, e.g. 办事效率 (efficiency). */
public record Indicator(String code, LocalizedText label) {
}
