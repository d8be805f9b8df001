package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The review of a signal moves only forward, and a finding overlapping a stored signal is not stored again. */
class SignalTests {

    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void a_signal_is_marked_then_cleared_and_nothing_follows_a_clearing() {
        Signal signal = signal("pm-001", NOW);
        signal.markSuspicious("alice", NOW.plusSeconds(60));
        assertThat(signal.getStatus()).isEqualTo(SignalStatus.SUSPICIOUS);
        assertThat(signal.getReviewedBy()).as("who marked it").isEqualTo("alice");
        assertThat(signal.getReviewedAt()).isEqualTo(NOW.plusSeconds(60));
        signal.dismiss("bob", NOW);

        assertThat(signal.getStatus()).isEqualTo(SignalStatus.DISMISSED);
        assertThat(signal.getReviewedBy()).isEqualTo("bob");
        assertThatThrownBy(() -> signal.proposeExclusion("alice", NOW)).isInstanceOf(SignalTransitionException.class);
        assertThatThrownBy(() -> signal.markSuspicious("alice", NOW)).isInstanceOf(SignalTransitionException.class);
    }

    @Test
    void an_exclusion_is_confirmed_only_after_a_proposal_and_only_once() {
        Signal signal = signal("pm-001", NOW);
        assertThatThrownBy(() -> signal.confirmExclusion("bob", NOW, 3)).isInstanceOf(SignalTransitionException.class);

        signal.proposeExclusion("alice", NOW);
        assertThat(signal.isProposedBy("alice")).isTrue();
        assertThat(signal.isProposedBy("bob")).isFalse();
        assertThatThrownBy(() -> signal.dismiss("bob", NOW)).as("a proposal awaits its confirmation")
                .isInstanceOf(SignalTransitionException.class);
        signal.confirmExclusion("bob", NOW.plusSeconds(60), 3);

        assertThat(signal.getStatus()).isEqualTo(SignalStatus.EXCLUDED);
        assertThat(List.of(signal.getProposedBy(), signal.getConfirmedBy())).containsExactly("alice", "bob");
        assertThat(List.of(signal.getProposedAt(), signal.getConfirmedAt())).containsExactly(NOW, NOW.plusSeconds(60));
        assertThat(signal.getExcludedRatings()).isEqualTo(3);
        assertThatThrownBy(() -> signal.confirmExclusion("carol", NOW, 0)).isInstanceOf(SignalTransitionException.class);
    }

    @Test
    void a_finding_of_the_same_kind_and_scope_overlapping_a_signal_is_covered_and_others_are_not() {
        Signal stored = signal("pm-001", NOW);

        assertThat(stored.covers(finding("pm-001", NOW.plus(Duration.ofMinutes(30))))).isTrue();
        assertThat(stored.covers(finding("pm-001", NOW.plus(Duration.ofHours(1))))).as("the next window").isFalse();
        assertThat(stored.covers(finding("pm-002", NOW))).as("another subject").isFalse();
    }

    private static Signal signal(String scope, Instant start) {
        return Signal.of(finding(scope, start), NOW);
    }

    private static Finding finding(String scope, Instant start) {
        return new Finding(SignalKind.SUBJECT_BURST, scope, "property-management", new Evidence(start, start.plus(Duration.ofHours(1)),
                12, 12, 1, start.minus(Duration.ofDays(28)), 0.04, 1e-20, null, List.of("a", "b", "c"), List.of()));
    }
}
