package org.haochaping.satisfaction.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.haochaping.rating.CountMark;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The rollups' health: DOWN once writing them has failed for longer than tolerated, UP again when it works. */
class RollupHealthIndicatorTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant FIRST_FAILURE = Instant.parse("2026-03-02T00:00:00Z");

    private final FakeRollupStore store = new FakeRollupStore();
    private final RollupWriter writer = new RollupWriter(store, store.claimSlot(FIRST_FAILURE, Duration.ofMinutes(1)), ZONE,
            Clock.fixed(FIRST_FAILURE, ZONE));

    @Test
    void down_after_half_a_minute_of_failed_writes_and_up_after_one_that_works() {
        CountMark mark = writer.markNext("r");
        writer.stored(TestRatings.plain("property-management", "r1", 4, mark), mark);
        store.failWrite(1, false);
        assertThatThrownBy(writer::flush).isInstanceOf(IllegalStateException.class);

        assertThat(statusAt(FIRST_FAILURE.plusSeconds(29))).isEqualTo(Status.UP);
        assertThat(statusAt(FIRST_FAILURE.plusSeconds(31))).isEqualTo(Status.DOWN);

        writer.flush();
        assertThat(statusAt(FIRST_FAILURE.plusSeconds(60))).isEqualTo(Status.UP);
    }

    private Status statusAt(Instant now) {
        return new RollupHealthIndicator(writer, Clock.fixed(now, ZONE)).health(false).getStatus();
    }
}
