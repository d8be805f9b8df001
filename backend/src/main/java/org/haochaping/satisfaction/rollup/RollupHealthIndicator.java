package org.haochaping.satisfaction.rollup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** DOWN when the rollups have not been written for half a minute: the figures fall behind the ratings. */
@Component("rollupsHealthIndicator")
class RollupHealthIndicator extends AbstractHealthIndicator {

    static final Duration TOLERATED = Duration.ofSeconds(30);

    private final RollupWriter writer;
    private final Clock clock;

    RollupHealthIndicator(RollupWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant failingSince = writer.failingSince();
        if (failingSince != null && failingSince.plus(TOLERATED).isBefore(clock.instant())) {
            builder.down().withDetail("failingSince", failingSince.toString());
        } else {
            builder.up();
        }
    }
}
