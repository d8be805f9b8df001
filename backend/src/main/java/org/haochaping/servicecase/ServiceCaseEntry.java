package org.haochaping.servicecase;

import java.time.Instant;

/** One case as the service system sends it (JSON batch or CSV row). */
public record ServiceCaseEntry(String caseNumber, String subjectId, String applicant, Instant completedAt) {
}
