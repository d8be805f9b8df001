package org.haochaping.badreview;

/**
 * Where a case stands: 待回访 → 已回访核实 (awaiting the disposition) → 整改中 → 待复评 → 办结.
 * 解释说明 goes from 已回访核实 straight to 待复评.
 */
public enum CaseStatus {
    AWAITING_CONTACT, AWAITING_DISPOSITION, RECTIFYING, AWAITING_RERATING, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
