package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An erased resident's eligibility keys: the resident part replaced, the period and subject kept. */
class EligibilityKeyReplacingTests {

    @Test
    void the_resident_of_a_monthly_key_is_replaced_and_the_month_kept() {
        assertThat(RatingRules.eligibilityKeyReplacing("c:pm|s:pm-001|r:alice|m:2026-11", "alice", "erased:x"))
                .isEqualTo("c:pm|s:pm-001|r:erased:x|m:2026-11");
    }

    @Test
    void the_resident_of_a_campaign_key_is_replaced() {
        assertThat(RatingRules.eligibilityKeyReplacing("c:ws|area:140423108|r:alice", "alice", "erased:x"))
                .isEqualTo("c:ws|area:140423108|r:erased:x");
    }

    @Test
    void a_resident_whose_subject_begins_another_ones_is_not_matched_inside_it() {
        assertThat(RatingRules.eligibilityKeyReplacing("c:pm|s:pm-001|r:alice2|m:2026-11", "alice", "erased:x"))
                .isEqualTo("c:pm|s:pm-001|r:alice2|m:2026-11");
    }

    @Test
    void a_case_key_names_no_resident_and_stays() {
        assertThat(RatingRules.eligibilityKeyReplacing("c:otov|case:2026-000123", "alice", "erased:x"))
                .isEqualTo("c:otov|case:2026-000123");
    }
}
