package org.haochaping.identity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.haochaping.system.MutableClock;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    final MutableClock clock = new MutableClock();
    final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void five_failures_are_free_then_the_lockout_doubles_from_one_second_up_to_fifteen_minutes() {
        assertThat(SignInThrottle.lockout(5)).isZero();
        assertThat(SignInThrottle.lockout(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.lockout(7)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInThrottle.lockout(10)).isEqualTo(Duration.ofSeconds(16));
        assertThat(SignInThrottle.lockout(16)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.lockout(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void an_account_is_locked_out_after_repeated_failures_from_any_address_until_the_lockout_passes() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("resident1", "10.0.0." + i);
        }

        assertThat(throttle.waitFor("resident1", "10.9.9.9")).hasValue(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(1_001));
        assertThat(throttle.waitFor("resident1", "10.9.9.9")).isEmpty();
    }

    @Test
    void an_address_guessing_many_accounts_is_locked_out() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }

        assertThat(throttle.waitFor("someone-new", "10.0.0.1")).hasValue(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("someone-new", "10.0.0.2")).isEmpty();
    }

    @Test
    void a_success_clears_the_account() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("resident1", "10.0.0." + i);
        }
        clock.advance(Duration.ofSeconds(2));
        throttle.succeeded("resident1");
        throttle.failed("resident1", "10.0.0.99");

        assertThat(throttle.waitFor("resident1", "10.0.0.99")).isEmpty();
    }

    @Test
    void memory_stays_bounded_under_a_flood_of_made_up_names_and_addresses() {
        for (int i = 0; i < 250_000; i++) {
            throttle.failed("name-" + i, "addr-" + i);
        }

        assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(2L * SignInThrottle.MAX_KEYS);
    }
}
