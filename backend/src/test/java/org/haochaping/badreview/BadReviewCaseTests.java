package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.badreview.calendar.YearArrangement;
import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewStatus;
import org.haochaping.system.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * The case's state machine without Spring, on the 2026 calendar around the Spring Festival
 * (holidays 15-23 February; Saturday 14 and Saturday 28 February are make-up working days).
 */
class BadReviewCaseTests {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final WorkingDays DAYS_2026 = WorkingDays.of(COUNTY, List.of(new YearArrangement(2026,
            dates("2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18",
                    "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"),
            dates("2026-01-04", "2026-02-14", "2026-02-28"), null, 0)));
    private static final CaseTerms TERMS = CaseTerms.of(DAYS_2026, CaseDeadlines.DEFAULT);
    private static final Unit TOWN = Unit.town("140423100");
    private static final String LEAD = "housing-construction";
    /** Friday 13 February 2026, 10:00 county time. */
    private static final Instant OPENED = at("2026-02-13T10:00");

    @Test
    void contact_is_due_at_the_end_of_the_next_working_day_even_a_make_up_saturday() {
        BadReviewCase c = opened();

        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_CONTACT);
        assertThat(c.getContactDueAt()).isEqualTo(at("2026-02-15T00:00")); // end of Saturday 14 February
        assertThat(c.getDueAt()).isEqualTo(c.getContactDueAt());
        assertThat(c.getUnit()).isEqualTo(TOWN);
    }

    @Test
    void immediate_fix_is_due_five_working_days_after_the_opening_day_across_the_spring_festival() {
        BadReviewCase c = opened();
        c.recordContact(contact(at("2026-02-14T09:00")), "handler", at("2026-02-14T09:30"), TERMS);
        c.dispose(new DispositionRequest(DispositionKind.IMMEDIATE, null, null, null), "handler", at("2026-02-14T10:00"), TERMS);

        // Working days after Friday 13 Feb: Sat 14 (make-up), Tue 24, Wed 25, Thu 26, Fri 27.
        assertThat(c.getStatus()).isEqualTo(CaseStatus.RECTIFYING);
        assertThat(c.getDueAt()).isEqualTo(at("2026-02-28T00:00"));
        assertThat(c.getContactedOnTime()).isTrue();
    }

    @Test
    void a_satisfied_rerating_closes_the_case() {
        BadReviewCase c = fixed();
        c.rerate(Verdict.SATISFIED, "key-1", at("2026-02-25T08:00"), TERMS);

        assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.getOutcome()).isEqualTo(CaseOutcome.SATISFIED);
        assertThat(c.getDueAt()).isNull();
        assertThat(c.getHandledOnTime()).isTrue();
        assertThat(c.getHandlingDays()).isEqualTo(3); // opened Fri 13, fixed Wed 25: Sat 14, Tue 24, Wed 25
    }

    @Test
    void unsatisfied_reopens_once_then_goes_to_the_lead_department_then_closes_unsatisfied() {
        BadReviewCase c = fixed();
        c.rerate(Verdict.UNSATISFIED, "key-1", at("2026-02-26T08:00"), TERMS);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_DISPOSITION);
        assertThat(c.getUnit()).isEqualTo(TOWN);
        assertThat(c.getReopenings()).isEqualTo(1);
        assertThat(c.isSupervised()).isFalse();

        fix(c, at("2026-02-27T08:00"));
        c.rerate(Verdict.UNSATISFIED, "key-2", at("2026-02-27T12:00"), TERMS);
        assertThat(c.isSupervised()).isTrue();
        assertThat(c.getUnit()).isEqualTo(Unit.department(LEAD));
        assertThat(c.getEscalation()).isEqualTo(Escalation.MANAGER);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_DISPOSITION);

        fix(c, at("2026-03-02T08:00"));
        c.rerate(Verdict.UNSATISFIED, "key-3", at("2026-03-02T12:00"), TERMS);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.getOutcome()).isEqualTo(CaseOutcome.UNSATISFIED);
        assertThat(c.getReratings()).hasSize(3);
        assertThat(c.hasRerating("key-2")).isTrue();
    }

    @Test
    void an_action_the_state_does_not_allow_is_refused_and_changes_nothing() {
        BadReviewCase c = opened();
        int events = c.getEvents().size();

        assertThatThrownBy(() -> c.rerate(Verdict.SATISFIED, "k", at("2026-02-14T08:00"), TERMS))
                .isInstanceOfSatisfying(CaseTransitionException.class,
                        e -> assertThat(e.code()).isEqualTo("ILLEGAL_CASE_TRANSITION"));
        assertThatThrownBy(() -> c.completeRectification(new Rectification("done", List.of(), at("2026-02-14T08:00")),
                "handler", TERMS)).isInstanceOf(CaseTransitionException.class);

        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_CONTACT);
        assertThat(c.getReratings()).isEmpty();
        assertThat(c.getEvents()).hasSize(events);
    }

    @Test
    void the_filer_of_an_appeal_can_never_decide_it_and_a_case_is_appealed_once() {
        BadReviewCase c = opened();
        c.fileAppeal(AppealReason.MALICIOUS, "录音显示", List.of(), "official-a", at("2026-02-14T08:00"));

        assertThatThrownBy(() -> c.decideAppeal(true, "ok", "official-a", at("2026-02-14T09:00")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("OWN_APPEAL"));
        assertThatThrownBy(() -> c.fileAppeal(AppealReason.MISTAKEN, "again", List.of(), "official-b", at("2026-02-14T09:00")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_APPEALED"));
        assertThat(c.getAppeal().isPending()).isTrue();

        c.decideAppeal(true, "属实", "official-b", at("2026-02-14T10:00"));
        assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.getOutcome()).isEqualTo(CaseOutcome.APPEAL_UPHELD);
    }

    @Test
    void a_rejected_appeal_lets_the_case_go_on() {
        BadReviewCase c = opened();
        c.fileAppeal(AppealReason.MISTAKEN, "说明", List.of(), "official-a", at("2026-02-14T08:00"));
        c.decideAppeal(false, "不予支持", "official-b", at("2026-02-14T10:00"));

        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_CONTACT);
        assertThat(c.getAppeal().state()).isEqualTo(Appeal.State.REJECTED);
        c.recordContact(contact(at("2026-02-14T11:00")), "handler", at("2026-02-14T11:00"), TERMS);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_DISPOSITION);
    }

    @Test
    void an_overdue_case_goes_to_the_manager_then_two_working_days_later_to_a_supervisor() {
        BadReviewCase c = opened();
        assertThat(c.checkDeadline(at("2026-02-14T23:59"), TERMS)).isFalse();

        assertThat(c.checkDeadline(at("2026-02-15T00:00"), TERMS)).isTrue();
        assertThat(c.isOverdue()).isTrue();
        assertThat(c.getEscalation()).isEqualTo(Escalation.MANAGER);
        assertThat(c.checkDeadline(at("2026-02-24T12:00"), TERMS)).isFalse(); // Tue 24: 1st working day after

        assertThat(c.checkDeadline(at("2026-02-26T00:00"), TERMS)).isTrue(); // end of Wed 25: the 2nd
        assertThat(c.getEscalation()).isEqualTo(Escalation.SUPERVISOR);
    }

    @Test
    void a_contact_recorded_after_the_case_was_flagged_late_is_late_whatever_time_it_claims() {
        BadReviewCase c = opened();
        c.checkDeadline(at("2026-02-15T08:00"), TERMS);

        c.recordContact(contact(at("2026-02-14T09:00")), "handler", at("2026-02-24T09:00"), TERMS);

        assertThat(c.getContactedOnTime()).isFalse();
        assertThat(c.isOverdue()).isFalse(); // the next step has its own deadline
    }

    @Test
    void a_contact_cannot_be_dated_before_the_case_or_in_the_future() {
        BadReviewCase c = opened();
        assertThatThrownBy(() -> c.recordContact(contact(OPENED.minusSeconds(1)), "h", at("2026-02-14T09:00"), TERMS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("CONTACT_TIME_OUT_OF_RANGE"));
        assertThatThrownBy(() -> c.recordContact(contact(at("2026-02-14T10:00")), "h", at("2026-02-14T09:00"), TERMS))
                .isInstanceOf(CaseInputException.class);
    }

    @Test
    void a_scheduled_fix_may_not_be_due_after_fifteen_working_days() {
        BadReviewCase c = contacted();
        // 15 working days after Fri 13 Feb: 14, 24-27, 28 (make-up), 2-6 Mar, 9-12 Mar → Thu 12 March.
        assertThatThrownBy(() -> c.dispose(new DispositionRequest(DispositionKind.SCHEDULED, "plan", null,
                LocalDate.parse("2026-03-13")), "handler", at("2026-02-14T10:00"), TERMS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("DUE_DATE_BEYOND_LIMIT"));

        c.dispose(new DispositionRequest(DispositionKind.SCHEDULED, "plan", null, LocalDate.parse("2026-03-12")),
                "handler", at("2026-02-14T10:00"), TERMS);
        assertThat(c.getDueAt()).isEqualTo(at("2026-03-13T00:00"));
    }

    @Test
    void an_explanation_needs_its_text_and_goes_straight_to_rerating() {
        BadReviewCase c = contacted();
        assertThatThrownBy(() -> c.dispose(new DispositionRequest(DispositionKind.EXPLANATION, null, " ", null),
                "handler", at("2026-02-14T10:00"), TERMS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("EXPLANATION_REQUIRED"));

        c.dispose(new DispositionRequest(DispositionKind.EXPLANATION, null, "依据规定无法办理", null), "handler",
                at("2026-02-14T10:00"), TERMS);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_RERATING);
        assertThat(c.getRerateBy()).isEqualTo(at("2026-02-14T10:00").plus(Duration.ofDays(7)));
    }

    @Test
    void a_resident_who_does_not_rerate_within_seven_days_leaves_the_case_closed_as_not_rerated() {
        BadReviewCase c = fixed();
        Instant due = c.getRerateBy();
        assertThat(c.expireRerating(due.minusMillis(1))).isFalse();
        assertThat(c.expireRerating(due)).isTrue();
        assertThat(c.getOutcome()).isEqualTo(CaseOutcome.NOT_RERATED);
    }

    @Test
    void reassigning_to_the_unit_that_has_it_is_refused() {
        BadReviewCase c = opened();
        assertThatThrownBy(() -> c.reassign(TOWN, "why", "manager", at("2026-02-14T08:00")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_ASSIGNED"));
        c.reassign(Unit.department("urban-management"), "属城管职责", "manager", at("2026-02-14T08:00"));
        assertThat(c.getUnit()).isEqualTo(Unit.department("urban-management"));
    }

    @Test
    void supervision_never_lowers_an_escalation_a_supervisor_already_has() {
        BadReviewCase c = opened();
        c.checkDeadline(at("2026-02-26T00:00"), TERMS); // overdue since the 15th, two working days on: SUPERVISOR
        c.recordContact(contact(at("2026-02-26T08:00")), "handler", at("2026-02-26T08:00"), TERMS);
        fix(c, at("2026-02-26T09:00"));
        c.rerate(Verdict.UNSATISFIED, "key-1", at("2026-02-26T10:00"), TERMS);
        fix(c, at("2026-02-26T11:00"));
        c.rerate(Verdict.UNSATISFIED, "key-2", at("2026-02-26T12:00"), TERMS);

        assertThat(c.isSupervised()).isTrue();
        assertThat(c.getEscalation()).isEqualTo(Escalation.SUPERVISOR);
    }

    @Test
    void a_case_under_supervision_stays_with_the_lead_department() {
        BadReviewCase c = fixed();
        c.rerate(Verdict.UNSATISFIED, "key-1", at("2026-02-26T08:00"), TERMS);
        fix(c, at("2026-02-27T08:00"));
        c.rerate(Verdict.UNSATISFIED, "key-2", at("2026-02-27T12:00"), TERMS);
        long events = c.getEvents().size();

        assertThatThrownBy(() -> c.reassign(TOWN, "退回属地", "manager", at("2026-02-27T13:00")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_CASE_TRANSITION"));
        assertThat(c.getUnit()).isEqualTo(Unit.department(LEAD));
        assertThat(c.getEvents()).hasSize((int) events);
    }

    @Test
    void a_scheduled_fix_may_not_be_due_on_a_day_already_over() {
        BadReviewCase c = contacted();
        // Decided on Wednesday 25 February: a due date of Tuesday 24th lies within the limit but is over.
        assertThatThrownBy(() -> c.dispose(new DispositionRequest(DispositionKind.SCHEDULED, "plan", null,
                LocalDate.parse("2026-02-24")), "handler", at("2026-02-25T10:00"), TERMS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("DUE_DATE_IN_PAST"));
        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_DISPOSITION);

        c.dispose(new DispositionRequest(DispositionKind.SCHEDULED, "plan", null, LocalDate.parse("2026-02-25")),
                "handler", at("2026-02-25T10:00"), TERMS);
        assertThat(c.getDueAt()).isEqualTo(at("2026-02-26T00:00"));
    }

    @Test
    void an_appeal_is_not_decidable_once_the_case_closed() {
        BadReviewCase c = contacted();
        c.fileAppeal(AppealReason.MALICIOUS, "录音", List.of(), "official-a", at("2026-02-14T10:00"));
        fix(c, at("2026-02-25T10:00"));
        c.rerate(Verdict.SATISFIED, "key-1", at("2026-02-25T12:00"), TERMS);

        assertThatThrownBy(() -> c.requireAppealDecidableBy("official-b"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("NO_PENDING_APPEAL"));
        assertThat(c.getOutcome()).isEqualTo(CaseOutcome.SATISFIED);
    }

    @Test
    void the_timeline_records_every_step_with_the_unit_that_took_it() {
        BadReviewCase c = fixed();
        c.rerate(Verdict.BASICALLY_SATISFIED, "key-1", at("2026-02-26T08:00"), TERMS);

        assertThat(c.getEvents()).extracting(CaseEvent::type).containsExactly(CaseEvent.Type.OPENED,
                CaseEvent.Type.CONTACTED, CaseEvent.Type.DISPOSED, CaseEvent.Type.RECTIFIED, CaseEvent.Type.RERATED,
                CaseEvent.Type.CLOSED);
        assertThat(c.getEvents()).extracting(CaseEvent::unit).containsOnly(TOWN);
        assertThat(c.getEvents().get(4).note()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(c.getOutcome()).isEqualTo(CaseOutcome.BASICALLY_SATISFIED);
        assertThat(c.hasRerating("key-1")).isTrue();
        assertThat(c.hasRerating("key-2")).isFalse();
    }

    @Test
    void deadline_steps_and_reassignments_are_in_the_timeline() {
        BadReviewCase c = opened();
        c.reassign(Unit.department("urban-management"), "属城管职责", "manager", at("2026-02-14T08:00"));
        c.checkDeadline(at("2026-02-26T00:00"), TERMS);
        c.fileAppeal(AppealReason.MISTAKEN, "说明", List.of(), "official-a", at("2026-02-26T08:00"));
        c.decideAppeal(false, "不予支持", "official-b", at("2026-02-26T09:00"));

        assertThat(c.getEvents()).extracting(CaseEvent::type).containsExactly(CaseEvent.Type.OPENED,
                CaseEvent.Type.REASSIGNED, CaseEvent.Type.OVERDUE, CaseEvent.Type.ESCALATED,
                CaseEvent.Type.APPEAL_FILED, CaseEvent.Type.APPEAL_REJECTED);
        assertThat(c.getEvents().get(1).unit()).isEqualTo(Unit.department("urban-management"));
        assertThat(c.getEvents().get(3).note()).isEqualTo("SUPERVISOR");
    }

    @Test
    void each_step_is_refused_outside_the_state_it_belongs_to() {
        BadReviewCase c = contacted();
        assertThatThrownBy(() -> c.recordContact(contact(at("2026-02-14T09:00")), "h", at("2026-02-14T10:00"), TERMS))
                .isInstanceOf(CaseTransitionException.class);
        BadReviewCase fresh = opened();
        assertThatThrownBy(() -> fresh.dispose(new DispositionRequest(DispositionKind.IMMEDIATE, null, null, null), "h",
                at("2026-02-14T10:00"), TERMS)).isInstanceOf(CaseTransitionException.class);

        BadReviewCase closed = fixed();
        closed.rerate(Verdict.SATISFIED, "k", at("2026-02-25T12:00"), TERMS);
        assertThatThrownBy(() -> closed.reassign(Unit.department("x-y"), "r", "m", at("2026-02-26T08:00")))
                .isInstanceOf(CaseTransitionException.class);
        assertThatThrownBy(() -> closed.fileAppeal(AppealReason.MALICIOUS, "e", List.of(), "a", at("2026-02-26T08:00")))
                .isInstanceOf(CaseTransitionException.class);
        assertThat(closed.checkDeadline(at("2026-12-01T00:00"), TERMS)).isFalse();
    }

    @Test
    void a_fix_after_its_deadline_is_not_on_time() {
        BadReviewCase c = contacted();
        c.dispose(new DispositionRequest(DispositionKind.IMMEDIATE, null, null, null), "handler", at("2026-02-14T10:00"), TERMS);
        c.completeRectification(new Rectification("迟了", List.of(), at("2026-02-28T09:00")), "handler", TERMS);

        assertThat(c.getHandledOnTime()).isFalse();
        assertThat(c.getHandledAt()).isEqualTo(at("2026-02-28T09:00"));
    }

    private static BadReviewCase opened() {
        Rating rating = new Rating("r1", "property-management", "pm-001", "140423100002", "140423100", 1, Map.of(),
                List.of("slow-repairs"), null, List.of(), Channel.APP, null, OPENED, null, OPENED, "resident-1",
                ReviewStatus.AWAITING_CONTACT, List.of(), new Provenance(Origin.RESIDENT, null, null, null), "e", "f",
                false, null, null);
        return BadReviewCase.open(rating, TOWN, LEAD, TERMS);
    }

    private static BadReviewCase contacted() {
        BadReviewCase c = opened();
        c.recordContact(contact(at("2026-02-14T09:00")), "handler", at("2026-02-14T09:30"), TERMS);
        return c;
    }

    /** Contacted Saturday 14th, fixed Wednesday 25 February. */
    private static BadReviewCase fixed() {
        BadReviewCase c = contacted();
        fix(c, at("2026-02-25T10:00"));
        return c;
    }

    private static void fix(BadReviewCase c, Instant when) {
        if (c.getStatus() == CaseStatus.AWAITING_DISPOSITION) {
            c.dispose(new DispositionRequest(DispositionKind.IMMEDIATE, null, null, null), "handler", when, TERMS);
        }
        c.completeRectification(new Rectification("已修好", List.of(), when), "handler", TERMS);
    }

    private static Contact contact(Instant when) {
        return new Contact(when, ContactMethod.PHONE, Finding.CONFIRMED, "电话核实");
    }

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), COUNTY).toInstant();
    }

    private static List<LocalDate> dates(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }
}
