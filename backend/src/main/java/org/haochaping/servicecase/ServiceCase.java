package org.haochaping.servicecase;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A completed case (办件) of a 一事一评 campaign: who applied, for which service item, when it was
 * completed. Its {@code _id} is campaign and case number, so registering it twice finds it by key.
 *
 * @param subjectId the service item (a {@code SERVICE_ITEM} subject of the campaign)
 * @param applicant the applicant's subject at the identity provider: the only one who may rate the case
 */
@Document("service_cases")
@CompoundIndex(name = "applicant_completed", def = "{'applicant': 1, 'completedAt': -1}")
public record ServiceCase(@Id String id, String campaignCode, String caseNumber, String subjectId, String applicant,
        Instant completedAt, Instant registeredAt) {

    /** Stands for the applicant of an erased account: no subject, so no resident can rate the case. */
    static final String ERASED_APPLICANT = "";

    ServiceCase withoutApplicant() {
        return new ServiceCase(id, campaignCode, caseNumber, subjectId, ERASED_APPLICANT, completedAt, registeredAt);
    }

    static String idOf(String campaignCode, String caseNumber) {
        return campaignCode + "|" + caseNumber;
    }

    /** Whether a registration says the same as this stored case (then registering it again changes nothing). */
    boolean sameAs(ServiceCaseEntry entry) {
        return subjectId.equals(entry.subjectId()) && applicant.equals(entry.applicant())
                && completedAt.equals(entry.completedAt());
    }

    /** Whether {@code resident} may rate this case as the rating of {@code ratedSubject}. */
    boolean isRatableBy(String resident, String ratedSubject) {
        return applicant.equals(resident) && subjectId.equals(ratedSubject);
    }
}
