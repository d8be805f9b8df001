package org.haochaping.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.haochaping.campaign.GoalProgress.ProgressRejectedException;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.system.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Progress figures are checked in the service, whatever screen or integration sends them. */
class GoalProgressTests {

    /** model-compounds has a target of 2: its ceiling is 2 × 1,000. */
    static final String GOAL = "model-compounds";

    final ProgressEntries entries = mock(ProgressEntries.class);
    final CampaignCatalog catalog = mock(CampaignCatalog.class);
    final MutableClock clock = new MutableClock();
    final GoalProgress progress = new GoalProgress(entries, catalog, mock(CampaignStewardship.class),
            mock(AccessGuard.class), clock);
    final Actor supervisor = new Actor("supervisor", "监督员", Set.of(Role.SUPERVISOR), null, null);
    final LocalDate today = LocalDate.now(clock);

    @BeforeEach
    void campaign() {
        when(catalog.get("property-management")).thenReturn(CampaignTests.propertyManagement());
        when(entries.insert(any(ProgressEntry.class))).thenAnswer(call -> call.getArgument(0));
    }

    @ParameterizedTest
    @CsvSource({"-1, INVALID_PROGRESS", "2000.00001, PROGRESS_TOO_PRECISE", "1.23456, PROGRESS_TOO_PRECISE",
            "2000.0001, PROGRESS_TOO_LARGE", "1e13, PROGRESS_TOO_LARGE", "99999999999999999999, PROGRESS_TOO_LARGE"})
    void out_of_bounds_progress_is_rejected_with_a_stable_code(String value, String code) {
        assertThatThrownBy(() -> record(new BigDecimal(value)))
                .isInstanceOfSatisfying(ProgressRejectedException.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo(code);
                    assertThat(rejected.status().value()).isEqualTo(422);
                });
        verify(entries, never()).insert(any(ProgressEntry.class));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void non_finite_progress_is_rejected(double value) {
        assertThatThrownBy(() -> progress.record(supervisor, "property-management", GOAL, value, today, null))
                .isInstanceOfSatisfying(ProgressRejectedException.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("PROGRESS_NOT_FINITE"));
        verify(entries, never()).insert(any(ProgressEntry.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1.5", "2", "1999.9999", "2000", "2000.000000"})
    void sane_progress_is_recorded(String value) {
        assertThat(record(new BigDecimal(value)).value()).isEqualByComparingTo(value);
    }

    @Test
    void the_ceiling_follows_the_target_within_the_absolute_bound() {
        Goal huge = CampaignTests.propertyManagement().goal(GOAL).withTarget(new BigDecimal("5e10"));

        assertThat(ProgressBounds.ceiling(huge)).isEqualByComparingTo("1e12");
        assertThat(ProgressBounds.ceiling(huge.withTarget(new BigDecimal("50")))).isEqualByComparingTo("50000");
    }

    private ProgressEntry record(BigDecimal value) {
        return progress.record(supervisor, "property-management", GOAL, value, today, null);
    }
}
