package org.haochaping.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewStatus;
import org.junit.jupiter.api.Test;

class TallyTests {

    /** 7 at level 5, 4 at 4, 3 at 3, 2 at 2, 1 at 1; residents gave 5×5, 1×3, 2×2. */
    static final Tally MIX = new Tally(Map.of("5", 7L, "4", 4L, "3", 3L, "2", 2L, "1", 1L),
            Map.of("5", 5L, "3", 1L, "2", 2L), Map.of(), Map.of(), Map.of(), Map.of());

    @Test
    void good_counts_levels_three_to_five_and_bad_counts_levels_one_and_two() {
        assertThat(MIX.count()).isEqualTo(17);
        assertThat(MIX.goodCount()).isEqualTo(14);
        assertThat(MIX.badCount()).isEqualTo(3);
        assertThat(MIX.count(2)).isEqualTo(2);
        assertThat(MIX.count(6)).isZero();
    }

    @Test
    void resident_counts_come_only_from_ratings_residents_gave_themselves() {
        assertThat(MIX.residentCount()).isEqualTo(8);
        assertThat(MIX.residentGoodCount()).isEqualTo(6);
        assertThat(MIX.residentCount(2)).isEqualTo(2);
        assertThat(MIX.residentCount(4)).isZero();
    }

    @Test
    void a_bad_rating_counts_its_reasons_as_bad_tags_and_its_indicator_scores() {
        Tally tally = Tally.of(rating(2, Origin.RESIDENT, List.of("slow", "rude"), false));

        assertThat(tally.levels()).containsExactlyEntriesOf(Map.of("2", 1L));
        assertThat(tally.residentLevels()).containsExactlyEntriesOf(Map.of("2", 1L));
        assertThat(tally.badTags()).containsOnly(Map.entry("slow", 1L), Map.entry("rude", 1L));
        assertThat(tally.goodTags()).isEmpty();
        assertThat(tally.indicatorSums()).containsExactlyEntriesOf(Map.of("efficiency", 4L));
        assertThat(tally.indicatorCounts()).containsExactlyEntriesOf(Map.of("efficiency", 1L));
    }

    @Test
    void a_good_rating_by_staff_counts_good_tags_and_no_resident_level() {
        Tally tally = Tally.of(rating(3, Origin.STAFF_ON_BEHALF, List.of("helpful"), false));

        assertThat(tally.goodTags()).containsExactlyEntriesOf(Map.of("helpful", 1L));
        assertThat(tally.badTags()).isEmpty();
        assertThat(tally.residentLevels()).isEmpty();
        assertThat(tally.count(3)).isEqualTo(1);
    }

    @Test
    void an_invalidated_rating_adds_nothing_but_counting_still_says_what_it_took_away() {
        Rating invalidated = rating(5, Origin.RESIDENT, List.of(), true);

        assertThat(Tally.of(invalidated).isEmpty()).isTrue();
        assertThat(Tally.counting(invalidated).count(5)).isEqualTo(1);
        assertThat(Tally.counting(invalidated).isEmpty()).isFalse();
    }

    @Test
    void times_minus_one_subtracts_a_tally_so_plus_gives_nothing_back() {
        Tally one = Tally.of(rating(1, Origin.RESIDENT, List.of("slow"), false));

        Tally minus = one.times(-1);
        Tally zero = one.plus(minus);

        assertThat(minus.levels()).containsExactlyEntriesOf(Map.of("1", -1L));
        assertThat(minus.badTags()).containsExactlyEntriesOf(Map.of("slow", -1L));
        assertThat(minus.indicatorSums()).containsExactlyEntriesOf(Map.of("efficiency", -4L));
        assertThat(zero.count()).isZero();
        assertThat(zero.badTags()).as("zero counters are left out").isEmpty();
        assertThat(MIX.times(3).badCount()).isEqualTo(9);
    }

    @Test
    void adding_an_empty_tally_changes_nothing() {
        assertThat(MIX.plus(Tally.EMPTY)).isEqualTo(MIX);
        assertThat(Tally.EMPTY.plus(MIX)).isEqualTo(MIX);
    }

    @Test
    void every_counter_becomes_a_field_path_and_back() {
        Tally tally = new Tally(Map.of("4", 2L), Map.of("4", 1L), Map.of("helpful", 1L), Map.of("slow", 3L),
                Map.of("efficiency", 9L), Map.of("efficiency", 2L));
        Map<String, Long> fields = new HashMap<>();

        tally.forEachField(fields::put);

        assertThat(fields).containsOnly(Map.entry("levels.4", 2L), Map.entry("residentLevels.4", 1L),
                Map.entry("goodTags.helpful", 1L), Map.entry("badTags.slow", 3L),
                Map.entry("indicatorSums.efficiency", 9L), Map.entry("indicatorCounts.efficiency", 2L));
        assertThat(Tally.fromFields(fields)).isEqualTo(tally);
        assertThat(Tally.fromFields(Map.of())).isEqualTo(Tally.EMPTY);
    }

    static Rating rating(int level, Origin origin, List<String> reasons, boolean invalidated) {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        return new Rating("r-1", "property-management", "pm-a", "140423100001", "140423100", level,
                Map.of("efficiency", 4), reasons, null, List.of(), Channel.APP, null, at, null, at, "resident-1",
                ReviewStatus.initialFor(level), List.of(), new Provenance(origin, null, null, null), "key", "fingerprint",
                invalidated, null, null);
    }
}
