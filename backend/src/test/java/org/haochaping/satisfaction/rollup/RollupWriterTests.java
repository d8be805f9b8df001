package org.haochaping.satisfaction.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.haochaping.rating.CountMark;
import org.haochaping.rating.Rating;
import org.junit.jupiter.api.Test;

/** The counting mechanism against an in-memory store: each stored change counts once, whatever fails. */
class RollupWriterTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZONE);
    private static final String CAMPAIGN = "property-management";
    private static final RollupKey TOTAL = RollupKey.total(CAMPAIGN);

    private final FakeRollupStore store = new FakeRollupStore();
    private RollupWriter writer = new RollupWriter(store, store.claimSlot(CLOCK.instant(), Duration.ofMinutes(1)), ZONE, CLOCK);

    @Test
    void stored_ratings_are_counted_in_every_dimension_once_flushed() {
        stored("r1", 5);
        stored("r2", 1);
        stored("r1", 3);

        writer.flush();

        assertThat(store.rollup(TOTAL)).isEqualTo(Map.of("levels.5", 1L, "levels.3", 1L, "levels.1", 1L,
                "residentLevels.5", 1L, "residentLevels.3", 1L, "residentLevels.1", 1L, "badTags.slow", 1L,
                "participants", 2L));
        assertThat(store.rollup(RollupKey.day(CAMPAIGN, java.time.LocalDate.of(2026, 3, 1))).get("levels.5")).isEqualTo(1);
        assertThat(store.rollup(RollupKey.town(CAMPAIGN, RollupKey.NONE)).get("levels.1")).isEqualTo(1);
        assertThat(store.rollup(RollupKey.subject(CAMPAIGN, RollupKey.NONE)).get("levels.3")).isEqualTo(1);
    }

    @Test
    void a_write_whose_answer_was_lost_is_not_applied_twice_when_retried() {
        for (int failing = 1; failing <= 4; failing++) {
            FakeRollupStore fresh = new FakeRollupStore();
            writer = new RollupWriter(fresh, fresh.claimSlot(CLOCK.instant(), Duration.ofMinutes(1)), ZONE, CLOCK);
            stored(fresh, "r1", 4);
            stored(fresh, "r2", 2);
            fresh.failWrite(failing, true);

            assertThatThrownBy(writer::flush).isInstanceOf(IllegalStateException.class);
            writer.flush();

            assertThat(fresh.rollup(TOTAL)).as("write %d failed after taking effect", failing)
                    .containsEntry("levels.4", 1L).containsEntry("levels.2", 1L).containsEntry("participants", 2L);
            assertThat(writer.failingSince()).isNull();
        }
    }

    @Test
    void the_checkpoint_never_passes_a_change_whose_write_has_not_ended() {
        CountMark inFlight = writer.markNext("slow");
        stored("r1", 5);

        writer.flush();

        assertThat(store.countedBelow(writer.writer())).isEqualTo(inFlight.seq());
    }

    @Test
    void journal_entries_go_once_the_checkpoint_has_passed_them() {
        CountMark inFlight = writer.markNext("slow");
        stored("r1", 5);
        writer.flush();
        assertThat(store.journalSize()).as("kept while an earlier change may still be stored").isEqualTo(1);

        writer.abandoned(inFlight);
        writer.flush();

        assertThat(store.journalSize()).isZero();
    }

    @Test
    void an_uncertain_write_counts_if_the_store_has_it_and_not_otherwise() {
        CountMark kept = writer.markNext("kept");
        Rating storedAfterAll = TestRatings.plain(CAMPAIGN, "r1", 5, kept);
        store.put(storedAfterAll);
        writer.uncertain(storedAfterAll.id(), kept);
        CountMark lost = writer.markNext("lost");
        writer.uncertain("never-stored", lost);

        writer.flush();

        assertThat(store.rollup(TOTAL)).containsEntry("levels.5", 1L).doesNotContainKey("levels.4");
        assertThat(writer.isIdle()).isTrue();
    }

    @Test
    void an_invalidation_takes_away_what_the_rating_added_and_the_participant_if_it_was_their_only_one() {
        Rating rating = stored("r1", 2);
        stored("r2", 5);
        writer.flush();

        invalidated(rating);
        writer.flush();

        assertThat(store.rollup(TOTAL)).isEqualTo(Map.of("levels.5", 1L, "residentLevels.5", 1L, "participants", 1L));
    }

    @Test
    void the_successor_of_a_crashed_writer_counts_what_was_left_in_memory_and_nothing_twice() {
        stored("r1", 5);
        writer.flush();
        stored("r2", 4); // acknowledged, in memory only when the process dies
        Rating beforeDeath = stored("r3", 1);
        invalidated(beforeDeath);

        RollupWriter successor = recovered();
        successor.flush();

        assertThat(store.rollup(TOTAL)).isEqualTo(Map.of("levels.5", 1L, "levels.4", 1L, "residentLevels.5", 1L,
                "residentLevels.4", 1L, "participants", 2L));
    }

    @Test
    void the_successor_finishes_a_batch_the_crash_interrupted_without_counting_it_twice() {
        stored("r1", 5);
        stored("r2", 3);
        store.failWrite(3, true); // journal and participants done; the rollups write takes effect, its answer is lost
        assertThatThrownBy(writer::flush).isInstanceOf(IllegalStateException.class);

        RollupWriter successor = recovered();
        successor.flush();

        assertThat(store.rollup(TOTAL)).isEqualTo(Map.of("levels.5", 1L, "levels.3", 1L, "residentLevels.5", 1L,
                "residentLevels.3", 1L, "participants", 2L));
    }

    private RollupWriter recovered() {
        WriterSlot slot = store.claimSlot(CLOCK.instant(), Duration.ZERO);
        assertThat(slot.crashed()).isTrue();
        RollupWriter successor = new RollupWriter(store, slot, ZONE, CLOCK);
        successor.recover(slot.countedBelow());
        return successor;
    }

    private Rating stored(String resident, int level) {
        return stored(store, resident, level);
    }

    private Rating stored(FakeRollupStore target, String resident, int level) {
        CountMark mark = writer.markNext("rating");
        Rating rating = TestRatings.plain(CAMPAIGN, resident, level, mark);
        target.put(rating);
        writer.stored(rating, mark);
        return rating;
    }

    private void invalidated(Rating rating) {
        CountMark mark = writer.markNext(rating.id());
        Rating invalid = new Rating(rating.id(), rating.campaignCode(), rating.subjectId(), rating.regionCode(),
                rating.townCode(), rating.level(), rating.indicatorScores(), rating.reasonTags(), rating.comment(),
                rating.photoIds(), rating.channel(), rating.caseNumber(), rating.submittedAt(), rating.clientSubmittedAt(),
                rating.ratedAt(), rating.resident(), rating.status(), rating.followUps(), rating.provenance(),
                rating.eligibilityKey(), rating.fingerprint(), true, rating.countMark(), mark);
        store.put(invalid);
        writer.stored(invalid, mark);
    }
}
