package org.haochaping.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pseudonyms of an erasure and the code a resident types. */
class ErasurePseudonymTests {

    @Test
    void a_retry_gets_the_same_pseudonym_another_campaign_or_erasure_another() {
        String first = AccountErasure.pseudonym("secret-1", "property-management");

        assertThat(first).startsWith("erased:").isEqualTo(AccountErasure.pseudonym("secret-1", "property-management"));
        assertThat(AccountErasure.pseudonym("secret-1", "work-safety")).isNotEqualTo(first);
        assertThat(AccountErasure.pseudonym("secret-2", "property-management")).isNotEqualTo(first);
    }

    @Test
    void a_code_typed_without_its_dash_or_in_lower_case_is_the_same_code() {
        assertThat(ErasureConfirmations.normalised("k7qx m2pa")).isEqualTo(ErasureConfirmations.normalised("K7QX-M2PA"));
    }

    @Test
    void the_confirmation_document_is_keyed_by_a_hash_not_by_the_subject() {
        assertThat(ErasureConfirmations.idOf("resident7")).hasSize(64).doesNotContain("resident7");
    }
}
