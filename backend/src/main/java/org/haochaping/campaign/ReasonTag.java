package org.haochaping.campaign;

import org.haochaping.system.LocalizedText;

/** A reason a resident can tick for their verdict, e.g. 多次跑动 (made to come back several times). */
public record ReasonTag(String code, LocalizedText label) {
}
