package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The officials' bell on cases of one town (西营镇, which no other test uses), opened now, late
 * enough to be escalated to the lead department's MANAGER, late enough to go on to a SUPERVISOR,
 * and appealed: each official is alerted to what is theirs and to nothing out of their scope, and
 * the number unread follows what they have seen.
 */
@IntegrationTest
class OfficialAlertsIntegrationTests {

    static final String TOWN = "140423104";

    @Autowired
    OfficialAlerts alerts;
    @Autowired
    BadReviewCases cases;
    @Autowired
    CaseProjections projections;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    BadReviewHandling handling;
    @Autowired
    HolidayCalendar calendar;

    Actor handler;
    Actor manager;
    Actor supervisor;

    @BeforeEach
    void officials() {
        handler = CaseFixtures.official("bell-handler-" + UUID.randomUUID(), Set.of(Role.HANDLER), "xiying-town", TOWN);
        manager = CaseFixtures.leadManager("bell-manager-" + UUID.randomUUID());
        supervisor = CaseFixtures.supervisor("bell-supervisor-" + UUID.randomUUID());
    }

    @Test
    void each_official_is_alerted_to_what_is_theirs_and_the_unread_number_follows_what_they_saw() {
        Instant now = Instant.now();
        WorkingDays days = calendar.workingDays();
        String fresh = opened(now);
        String late = opened(openedSoThat(days, now, due -> !now.isBefore(due) && now.isBefore(days.dueAfter(due, 2))));
        String later = opened(openedSoThat(days, now, due -> !now.isBefore(days.dueAfter(due, 2))));
        String appealed = opened(now);
        handling.fileAppeal(handler, appealed, cases.findById(appealed).orElseThrow().getVersion(), AppealReason.MALICIOUS,
                "恶意差评", List.of());
        for (String id : List.of(late, later)) {
            assertThat(watch.step(id, Instant.now())).isTrue();
        }
        assertThat(cases.findById(late).orElseThrow().getEscalation()).isEqualTo(Escalation.MANAGER);
        assertThat(cases.findById(later).orElseThrow().getEscalation()).isEqualTo(Escalation.SUPERVISOR);

        Map<String, Set<OfficialAlerts.Kind>> toHandler = kinds(handler);
        assertThat(toHandler.get(fresh)).containsExactlyInAnyOrder(OfficialAlerts.Kind.ASSIGNED, OfficialAlerts.Kind.DUE_SOON);
        assertThat(toHandler.get(late)).contains(OfficialAlerts.Kind.OVERDUE).doesNotContain(OfficialAlerts.Kind.ESCALATED);
        assertThat(toHandler.get(later)).contains(OfficialAlerts.Kind.OVERDUE);
        assertThat(toHandler.get(appealed)).doesNotContain(OfficialAlerts.Kind.APPEAL_TO_REVIEW);

        Map<String, Set<OfficialAlerts.Kind>> toManager = kinds(manager);
        assertThat(toManager.get(late)).containsExactly(OfficialAlerts.Kind.ESCALATED);
        assertThat(toManager.get(later)).containsExactly(OfficialAlerts.Kind.ESCALATED);
        assertThat(toManager).doesNotContainKeys(fresh, appealed);

        Map<String, Set<OfficialAlerts.Kind>> toSupervisor = kinds(supervisor);
        assertThat(toSupervisor).doesNotContainKey(late);
        assertThat(toSupervisor.get(later)).containsExactly(OfficialAlerts.Kind.ESCALATED);
        assertThat(toSupervisor.get(appealed)).containsExactly(OfficialAlerts.Kind.APPEAL_TO_REVIEW);

        Actor elsewhere = CaseFixtures.townHandler("bell-guhan-" + UUID.randomUUID());
        assertThat(kinds(elsewhere)).doesNotContainKeys(fresh, late, later, appealed);
        Actor leadHandler = CaseFixtures.official("bell-lead-handler", Set.of(Role.HANDLER), CaseFixtures.LEAD, null);
        assertThat(kinds(leadHandler)).as("sees the campaign's cases, handles none of the town's")
                .doesNotContainKeys(fresh, late, later, appealed);
        Actor otherManager = CaseFixtures.official("bell-other-manager", Set.of(Role.MANAGER), "approval-services", null);
        assertThat(kinds(otherManager)).doesNotContainKeys(fresh, late, later, appealed);
        assertThat(alerts.of(CaseFixtures.official("bell-auditor", Set.of(Role.AUDITOR), null, null), Integer.MAX_VALUE).alerts())
                .isEmpty();

        OfficialAlerts.Bell bell = alerts.of(handler);
        assertThat(bell.unread()).isEqualTo(bell.alerts().size()).isGreaterThanOrEqualTo(6);
        alerts.markSeen(handler, bell.alerts().stream().map(OfficialAlerts.Alert::key).toList());
        assertThat(alerts.of(handler).unread()).isZero();
        assertThat(alerts.of(handler).alerts()).hasSameSizeAs(bell.alerts()).noneMatch(OfficialAlerts.Alert::unread);

        String another = opened(Instant.now());
        OfficialAlerts.Bell after = alerts.of(handler);
        assertThat(after.unread()).isEqualTo(2);
        assertThat(after.alerts()).filteredOn(OfficialAlerts.Alert::unread).extracting(OfficialAlerts.Alert::caseId)
                .containsOnly(another);

        handling.recordContact(handler, fresh, cases.findById(fresh).orElseThrow().getVersion(), new Contact(
                Instant.now().truncatedTo(ChronoUnit.MILLIS), ContactMethod.PHONE, Finding.CONFIRMED, ""));
        assertThat(kinds(handler)).as("contacted, with days left: nothing to alert to").doesNotContainKey(fresh);
        assertThat(alerts.of(handler).unread()).isEqualTo(2);
    }

    @Test
    void a_deadline_becomes_due_soon_at_the_start_of_the_working_day_before_its_last() {
        WorkingDays weekends = WorkingDays.weekendsOnly(java.time.ZoneId.of("Asia/Shanghai"));
        // Due at the end of Monday 9 March 2026: due soon from the start of Friday 6 March.
        Instant due = Instant.parse("2026-03-09T16:00:00Z");
        Instant since = OfficialAlerts.dueSoonSince(weekends, due);
        assertThat(since).isEqualTo(Instant.parse("2026-03-05T16:00:00Z"));
        assertThat(weekends.isDueSoon(since, due)).isTrue();
        assertThat(weekends.isDueSoon(since.minusMillis(1), due)).isFalse();
    }

    /** An instant some days back whose contact deadline stands as {@code wanted} says to now. */
    private static Instant openedSoThat(WorkingDays days, Instant now, java.util.function.Predicate<Instant> wanted) {
        for (int back = 1; back < 40; back++) {
            Instant opened = now.minus(Duration.ofDays(back));
            if (wanted.test(days.dueAfter(opened, CaseDeadlines.DEFAULT.contactDays()))) {
                return opened;
            }
        }
        throw new IllegalStateException("no such opening in 40 days");
    }

    /** A case of the town's compound opened at that instant, stored and in the queue, as its opening does. */
    private String opened(Instant at) {
        Instant openedAt = at.truncatedTo(ChronoUnit.MILLIS);
        Rating rating = new Rating("bell-" + UUID.randomUUID(), "property-management", "pm-019", "140423104202", TOWN, 2, Map.of(),
                List.of("dirty"), null, List.of(), Channel.APP, null, openedAt, null, openedAt, "bell-resident",
                ReviewStatus.AWAITING_CONTACT, List.of(), new Provenance(Origin.RESIDENT, null, null, null), "bell", "bell",
                false, null, null);
        BadReviewCase c = cases.insert(BadReviewCase.open(rating, Unit.town(TOWN), CaseFixtures.LEAD,
                CaseTerms.of(calendar.workingDays(), CaseDeadlines.DEFAULT)));
        projections.project(c);
        return c.getId();
    }

    private Map<String, Set<OfficialAlerts.Kind>> kinds(Actor official) {
        Map<String, Set<OfficialAlerts.Kind>> byCase = new java.util.HashMap<>();
        for (OfficialAlerts.Alert alert : alerts.of(official, Integer.MAX_VALUE).alerts()) {
            byCase.computeIfAbsent(alert.caseId(), id -> java.util.EnumSet.noneOf(OfficialAlerts.Kind.class)).add(alert.kind());
        }
        return byCase;
    }
}
