package org.haochaping.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Residents' pseudonyms: stable within one export, unrelated across exports, without the subject in them. */
class PseudonymsTests {

    @Test
    void one_resident_has_one_pseudonym_within_an_export_and_another_in_the_next() {
        Pseudonyms export = new Pseudonyms();
        Pseudonyms next = new Pseudonyms();

        assertThat(export.of("resident-1")).isEqualTo(export.of("resident-1")).matches("居民-[0-9A-HJKMNP-TV-Z]{12}")
                .doesNotContain("resident").isNotEqualTo(next.of("resident-1"));
    }

    @Test
    void a_hundred_thousand_residents_get_a_hundred_thousand_pseudonyms() {
        Pseudonyms export = new Pseudonyms();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            names.add(export.of("resident-" + i));
        }
        assertThat(names).hasSize(100_000);
    }
}
