package org.haochaping.identity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RefreshTokenLifetimeTests {

    static final Instant SIGNED_IN = Instant.parse("2026-06-01T00:00:00Z");
    static final Duration IDLE = Duration.ofDays(30);
    final RefreshTokenLifetime lifetime = new RefreshTokenLifetime(Duration.ofDays(90));

    @Test
    void a_refresh_token_lives_the_idle_lifetime_while_the_family_is_young() {
        Instant now = SIGNED_IN.plus(Duration.ofDays(10));

        assertThat(lifetime.expiresAt(SIGNED_IN, now, IDLE)).isEqualTo(now.plus(IDLE));
    }

    @Test
    void a_rotated_refresh_token_never_outlives_its_family() {
        Instant now = SIGNED_IN.plus(Duration.ofDays(75));

        assertThat(lifetime.expiresAt(SIGNED_IN, now, IDLE)).isEqualTo(SIGNED_IN.plus(Duration.ofDays(90)));
    }

    @Test
    void the_family_is_over_at_its_absolute_lifetime() {
        assertThat(lifetime.isOver(SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(90)).minusSeconds(1))).isFalse();
        assertThat(lifetime.isOver(SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(90)))).isTrue();
    }
}
