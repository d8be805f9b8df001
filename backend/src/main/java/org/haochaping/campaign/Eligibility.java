package org.haochaping.campaign;

/** How often a resident may rate within a campaign. */
public enum Eligibility {
    /** Each subject once in the whole campaign. */
    ONE_PER_SUBJECT_PER_CAMPAIGN,
    /** Each subject once a calendar month (county time). */
    ONE_PER_SUBJECT_PER_MONTH,
    /** One rating per case number (一事一评), by the case's applicant only (a registered service case). */
    ONE_PER_CASE
}
