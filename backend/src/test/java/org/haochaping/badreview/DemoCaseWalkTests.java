package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.badreview.calendar.YearArrangement;
import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewStatus;
import org.junit.jupiter.api.Test;

/**
 * The demo's walk, without Spring, on the aggregate and the 2026 calendar (Spring Festival, Labour
 * Day, National Day and their make-up days): thousands of cases opened over the year and walked
 * along seeded plans up to a fixed "today" never break the state machine's rules, keep their
 * timelines in order and in the past, and stand as a county's would.
 */
class DemoCaseWalkTests {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final WorkingDays DAYS_2026 = WorkingDays.of(COUNTY, List.of(new YearArrangement(2026,
            span("2026-01-01", "2026-01-03", "2026-02-15", "2026-02-23", "2026-04-04", "2026-04-06", "2026-05-01",
                    "2026-05-05", "2026-06-19", "2026-06-21", "2026-09-25", "2026-09-27", "2026-10-01", "2026-10-07"),
            dates("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"), null, 0)));
    private static final CaseTerms TERMS = CaseTerms.of(DAYS_2026, CaseDeadlines.DEFAULT);
    /** Friday 27 November 2026, 11:00 county time. */
    private static final Instant TODAY = ZonedDateTime.of(2026, 11, 27, 11, 0, 0, 0, COUNTY).toInstant();
    private static final Instant YEAR_START = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, COUNTY).toInstant();

    @Test
    void a_plan_is_drawn_from_its_seed_alone() {
        assertThat(DemoCasePlan.draw(new Random(7))).isEqualTo(DemoCasePlan.draw(new Random(7)));
        assertThat(DemoCasePlan.draw(new Random(7))).isNotEqualTo(DemoCasePlan.draw(new Random(8)));
    }

    @Test
    void walked_cases_keep_every_rule_and_timelines_in_order() {
        for (BadReviewCase c : walked(3000)) {
            List<CaseEvent> events = c.getEvents();
            assertThat(events).as("case %s", c.getId()).isSortedAccordingTo(Comparator.comparing(CaseEvent::at));
            assertThat(events.getLast().at()).as("case %s", c.getId()).isBeforeOrEqualTo(TODAY);
            if (c.getContact() != null) {
                assertThat(c.getContact().at()).isAfterOrEqualTo(c.getOpenedAt());
                assertThat(c.getContactedOnTime()).isEqualTo(c.getContact().at().isBefore(c.getContactDueAt()));
            }
            if (c.getStatus().isOpen() && c.getDueAt() != null) {
                assertThat(c.isOverdue()).as("case %s due %s", c.getId(), c.getDueAt()).isEqualTo(!c.getDueAt().isAfter(TODAY));
                if (!TERMS.supervisorFrom(c.getDueAt()).isAfter(TODAY)) {
                    assertThat(c.getEscalation()).as("case %s long overdue", c.getId()).isEqualTo(Escalation.SUPERVISOR);
                }
            }
            if (c.getEscalation() == Escalation.SUPERVISOR) {
                assertThat(events).as("case %s", c.getId())
                        .anyMatch(e -> e.type() == CaseEvent.Type.ESCALATED && "SUPERVISOR".equals(e.note()));
            }
            if (c.getStatus() == CaseStatus.AWAITING_RERATING) {
                assertThat(c.getRerateBy()).isAfter(TODAY);
            }
            if (c.getOutcome() == CaseOutcome.NOT_RERATED) {
                assertThat(c.getClosedAt()).isEqualTo(c.getHandledAt().plus(BadReviewCase.RERATING_WINDOW));
            }
            if (c.getRectification() != null) {
                assertThat(c.getRectification().at()).isAfterOrEqualTo(c.getDisposition().decidedAt());
            }
        }
    }

    @Test
    void old_cases_are_closed_recent_ones_midway_and_most_end_satisfied() {
        List<BadReviewCase> cases = walked(3000);
        List<BadReviewCase> old = cases.stream().filter(c -> c.getOpenedAt().isBefore(TODAY.minus(Duration.ofDays(45)))).toList();
        List<BadReviewCase> open = cases.stream().filter(c -> c.getStatus().isOpen()).toList();
        List<BadReviewCase> closed = cases.stream().filter(c -> !c.getStatus().isOpen()).toList();
        Map<CaseStatus, Long> byStatus = new java.util.EnumMap<>(CaseStatus.class);
        open.forEach(c -> byStatus.merge(c.getStatus(), 1L, Long::sum));

        assertThat(old).isNotEmpty().allMatch(c -> !c.getStatus().isOpen());
        assertThat((double) open.size() / cases.size()).isBetween(0.03, 0.12);
        assertThat(byStatus).containsOnlyKeys(CaseStatus.AWAITING_CONTACT, CaseStatus.AWAITING_DISPOSITION,
                CaseStatus.RECTIFYING, CaseStatus.AWAITING_RERATING);
        assertThat(closed.stream().filter(c -> c.getOutcome() == CaseOutcome.SATISFIED
                || c.getOutcome() == CaseOutcome.BASICALLY_SATISFIED).count()).isGreaterThan(closed.size() * 6 / 10);
        assertThat(closed.stream().filter(c -> c.getOutcome() == CaseOutcome.NOT_RERATED).count())
                .isBetween(closed.size() / 20L, closed.size() / 4L);
        assertThat(cases).anyMatch(c -> c.getReopenings() == 1).anyMatch(BadReviewCase::isSupervised)
                .anyMatch(c -> c.getAppeal() != null && c.getAppeal().state() == Appeal.State.APPROVED)
                .anyMatch(c -> c.getAppeal() != null && c.getAppeal().state() == Appeal.State.REJECTED);
        assertThat(cases.stream().filter(c -> Boolean.FALSE.equals(c.getContactedOnTime())).count())
                .as("contacted late").isBetween(cases.size() / 20L, cases.size() / 5L);
    }

    @Test
    void the_showcase_plans_put_each_kind_of_case_in_the_queue_today() {
        List<BadReviewCase> cases = opened(400, 99);
        Map<String, DemoCasePlan> plans = new java.util.HashMap<>();
        cases.forEach(c -> plans.put(c.getId(), DemoCasePlan.draw(new Random(DemoCases.seedOf(1, c)))));

        DemoCases.showcase(cases, plans, TODAY);
        List<BadReviewCase> walked = cases.stream()
                .map(c -> new DemoCaseWalk(c, plans.get(c.getId()), DAYS_2026, TODAY, new AggregateHands(TERMS)).run())
                .toList();

        List<BadReviewCase> open = walked.stream().filter(c -> c.getStatus().isOpen()).toList();
        assertThat(open).anyMatch(c -> c.isSupervised() && c.getStatus() == CaseStatus.RECTIFYING);
        assertThat(open).filteredOn(c -> c.getAppeal() != null && c.getAppeal().isPending()).hasSize(1);
        assertThat(open).anyMatch(c -> c.getStatus() == CaseStatus.AWAITING_CONTACT && c.isOverdue()
                && c.getEscalation() == Escalation.SUPERVISOR);
        assertThat(open).anyMatch(c -> c.getStatus() == CaseStatus.RECTIFYING && c.isOverdue());
        assertThat(walked).anyMatch(c -> c.getOutcome() == CaseOutcome.APPEAL_UPHELD)
                .anyMatch(c -> c.getAppeal() != null && c.getAppeal().state() == Appeal.State.REJECTED);
    }

    private static List<BadReviewCase> walked(int count) {
        Random random = new Random(20261127);
        return opened(count, 20261127).stream().map(c -> new DemoCaseWalk(c, DemoCasePlan.draw(random), DAYS_2026, TODAY,
                new AggregateHands(TERMS)).run()).toList();
    }

    /** Cases opened over the year, more lately (as the demo's ratings come), sorted by opening. */
    private static List<BadReviewCase> opened(int count, long seed) {
        Random random = new Random(seed);
        long span = Duration.between(YEAR_START, TODAY).toSeconds();
        List<BadReviewCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = YEAR_START.plusSeconds((long) (span * Math.sqrt(random.nextDouble())));
            String id = "case-" + i;
            Rating rating = new Rating(id, "property-management", null, "140423100", "140423100", 1, Map.of(), List.of(),
                    null, List.of(), Channel.APP, null, at, null, at, "resident-" + i, ReviewStatus.initialFor(1), List.of(),
                    new Provenance(Origin.RESIDENT, null, null, null), id, id, false, null, null);
            cases.add(BadReviewCase.open(rating, Unit.town("140423100"), "housing-construction", TERMS));
        }
        cases.sort(Comparator.comparing(BadReviewCase::getOpenedAt));
        return cases;
    }

    /** Every day from each pair's first to its second. */
    private static List<LocalDate> span(String... pairs) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (LocalDate d = LocalDate.parse(pairs[i]); !d.isAfter(LocalDate.parse(pairs[i + 1])); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }

    private static List<LocalDate> dates(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }
}
