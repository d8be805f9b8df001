package org.haochaping.integrity;

import java.time.Instant;

/**
 * 回访核实 on a 差评 case: who (the unit) reached which resident (by key only) when.
 *
 * @param caseId the case's id, which is its 差评's rating id
 */
record ContactFact(String caseId, String unitCode, String campaignCode, String residentKey, Instant contactedAt) {
}
