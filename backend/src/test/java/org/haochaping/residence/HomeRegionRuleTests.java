package org.haochaping.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The home region is chosen freely once, then changed at most once in 90 days. */
class HomeRegionRuleTests {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    static final Instant CHOSEN = Instant.parse("2026-03-01T02:00:00Z");
    static final Duration NINETY_DAYS = Duration.ofDays(90);

    static HomeRegionRule at(Instant now) {
        return new HomeRegionRule(NINETY_DAYS, Clock.fixed(now, COUNTY));
    }

    @Test
    void the_first_choice_is_free_and_starts_the_interval() {
        HomeRegion chosen = at(CHOSEN).choose(null, "r1", "140423100001");

        assertThat(chosen).isEqualTo(new HomeRegion("r1", "140423100001", CHOSEN));
        assertThat(at(CHOSEN).nextChangeAt(chosen)).isEqualTo(CHOSEN.plus(NINETY_DAYS));
    }

    @Test
    void a_change_before_ninety_days_is_refused_with_the_day_it_becomes_possible() {
        HomeRegion current = new HomeRegion("r1", "140423100001", CHOSEN);
        Instant aDayEarly = CHOSEN.plus(NINETY_DAYS).minus(Duration.ofDays(1));

        assertThatThrownBy(() -> at(aDayEarly).choose(current, "r1", "140423103"))
                .isInstanceOfSatisfying(HomeRegionRefusedException.class, refused -> {
                    assertThat(refused.code()).isEqualTo("HOME_REGION_CHANGE_TOO_EARLY");
                    assertThat(refused.status().value()).isEqualTo(409);
                    assertThat(refused.properties()).containsEntry("changeableFrom", "2026-05-30T02:00:00Z");
                    assertThat(refused.detailArguments()).containsExactly("2026-05-30");
                });
        assertThatThrownBy(() -> at(CHOSEN.plusSeconds(1)).choose(current, "r1", "140423103"))
                .as("no quick second choice right after the first either")
                .isInstanceOf(HomeRegionRefusedException.class);
    }

    @Test
    void from_ninety_days_on_the_region_can_be_changed_once_more() {
        HomeRegion current = new HomeRegion("r1", "140423100001", CHOSEN);
        Instant due = CHOSEN.plus(NINETY_DAYS);

        HomeRegion moved = at(due).choose(current, "r1", "140423103");

        assertThat(moved).isEqualTo(new HomeRegion("r1", "140423103", due));
        assertThatThrownBy(() -> at(due.plus(Duration.ofDays(30))).choose(moved, "r1", "140423100001"))
                .as("the interval restarts with the change").isInstanceOf(HomeRegionRefusedException.class);
        assertThat(at(due.plus(Duration.ofDays(30))).nextChangeAt(moved)).isEqualTo(due.plus(NINETY_DAYS));
    }

    @Test
    void choosing_the_region_already_held_changes_nothing_and_does_not_restart_the_interval() {
        HomeRegion current = new HomeRegion("r1", "140423100001", CHOSEN);

        assertThat(at(CHOSEN.plus(Duration.ofDays(10))).choose(current, "r1", "140423100001")).isSameAs(current);
        assertThat(at(CHOSEN.plus(NINETY_DAYS)).nextChangeAt(current)).as("changeable now").isNull();
    }
}
