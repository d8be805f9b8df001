package org.haochaping.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.haochaping.system.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditAggregatorTests {

    final MutableClock clock = new MutableClock();
    final AuditEntries entries = mock(AuditEntries.class);
    final List<AuditEntry> written = new ArrayList<>();
    final AuditAggregator aggregator = new AuditAggregator(new AuditLog(entries, clock), clock);

    @BeforeEach
    void captureWrites() {
        when(entries.insert(any(AuditEntry.class))).thenAnswer(call -> {
            written.add(call.getArgument(0));
            return call.getArgument(0);
        });
    }

    @Test
    void the_same_refusal_repeated_is_one_entry_then_one_summary_with_the_count() {
        for (int i = 0; i < 500; i++) {
            refuse("mallory", "campaign:property-management");
        }
        assertThat(written).singleElement().extracting(AuditEntry::action).isEqualTo("ACCESS_DENIED");

        clock.advance(AuditAggregator.WINDOW.plusSeconds(1));
        aggregator.closeExpiredWindows();

        assertThat(written).hasSize(2);
        assertThat(written.get(1).action()).isEqualTo("ACCESS_DENIED_REPEATED");
        assertThat(written.get(1).details()).contains("499");
        assertThat(written.get(1).actor()).isEqualTo("mallory");
    }

    @Test
    void different_callers_or_targets_are_each_written() {
        refuse("mallory", "campaign:a");
        refuse("mallory", "campaign:b");
        refuse("trudy", "campaign:a");

        assertThat(written).hasSize(3);
    }

    @Test
    void a_refusal_after_the_window_is_written_again() {
        refuse("mallory", "campaign:a");
        clock.advance(AuditAggregator.WINDOW.plus(Duration.ofSeconds(1)));
        refuse("mallory", "campaign:a");

        assertThat(written).extracting(AuditEntry::action).containsExactly("ACCESS_DENIED", "ACCESS_DENIED");
    }

    @Test
    void memory_stays_bounded_whatever_the_number_of_distinct_refusals() {
        for (int i = 0; i < 50_000; i++) {
            refuse("caller-" + i, "campaign:a");
        }

        assertThat(aggregator.trackedKinds()).isLessThanOrEqualTo(AuditAggregator.MAX_TRACKED);
    }

    private void refuse(String actor, String target) {
        aggregator.record(actor, Set.of("RESIDENT"), "ACCESS_DENIED", target, "READ");
    }
}
