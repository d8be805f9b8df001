package org.haochaping.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.haochaping.badreview.AppealReason;
import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.CaseDeadlines;
import org.haochaping.badreview.CaseTerms;
import org.haochaping.badreview.Contact;
import org.haochaping.badreview.ContactMethod;
import org.haochaping.badreview.DispositionKind;
import org.haochaping.badreview.DispositionRequest;
import org.haochaping.badreview.Finding;
import org.haochaping.badreview.Rectification;
import org.haochaping.badreview.Unit;
import org.haochaping.badreview.Verdict;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewStatus;
import org.junit.jupiter.api.Test;

/** What a resident is told of each step of their case, without Spring: the words come later, the ids never change. */
class CaseNotifierTests {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    static final CaseTerms TERMS = CaseTerms.of(WorkingDays.weekendsOnly(COUNTY), CaseDeadlines.DEFAULT);
    static final Instant OPENED = Instant.parse("2026-03-02T02:00:00Z"); // Monday 10:00 county time

    @Test
    void each_step_the_resident_is_shown_is_told_once_with_the_plan_or_explanation_and_never_the_officials() {
        BadReviewCase c = opened();
        // The notifier offers every step after each change; a step's notification is the one first offered.
        Map<String, Notification> book = new java.util.LinkedHashMap<>();
        c.recordContact(new Contact(OPENED.plusSeconds(60), ContactMethod.PHONE, Finding.CONFIRMED, "内部备注"), "official-1",
                OPENED.plusSeconds(120), TERMS);
        CaseNotifier.of(c).forEach(n -> book.putIfAbsent(n.id(), n));
        c.dispose(new DispositionRequest(DispositionKind.SCHEDULED, "三日内更换楼道灯", null, LocalDate.of(2026, 3, 5)),
                "official-1", OPENED.plusSeconds(180), TERMS);
        CaseNotifier.of(c).forEach(n -> book.putIfAbsent(n.id(), n));
        c.completeRectification(new Rectification("已更换", List.of(), OPENED.plusSeconds(240)), "official-1", TERMS);
        CaseNotifier.of(c).forEach(n -> book.putIfAbsent(n.id(), n));
        c.rerate(Verdict.UNSATISFIED, "k1", OPENED.plusSeconds(300), TERMS);
        CaseNotifier.of(c).forEach(n -> book.putIfAbsent(n.id(), n));
        c.dispose(new DispositionRequest(DispositionKind.EXPLANATION, null, "灯具由开发商保修", null), "official-2",
                OPENED.plusSeconds(360), TERMS);
        CaseNotifier.of(c).forEach(n -> book.putIfAbsent(n.id(), n));
        c.rerate(Verdict.UNSATISFIED, "k2", OPENED.plusSeconds(420), TERMS);
        CaseNotifier.of(c).forEach(n -> book.putIfAbsent(n.id(), n));

        List<Notification> told = List.copyOf(book.values());
        assertThat(told).extracting(Notification::type, Notification::variant, Notification::text).containsExactly(
                tuple(Notification.Type.CONTACTED, null, null),
                tuple(Notification.Type.DISPOSED, "SCHEDULED", "三日内更换楼道灯"),
                tuple(Notification.Type.RECTIFIED, null, null),
                tuple(Notification.Type.REOPENED, null, null),
                tuple(Notification.Type.DISPOSED, "EXPLANATION", "灯具由开发商保修"),
                tuple(Notification.Type.SUPERVISED, null, null));
        assertThat(told.getLast().unitKey()).isEqualTo("department:housing-construction");
        assertThat(told).allSatisfy(n -> {
            assertThat(n.toString()).doesNotContain("official-1", "official-2", "内部备注", "resident-7");
            assertThat(n.ratingId()).isEqualTo("rating-000000001");
            assertThat(n.id()).startsWith(n.at().toEpochMilli() + ".rating-000000001.");
        });
        assertThat(CaseNotifier.of(c)).as("the same steps give the same ids").extracting(Notification::id)
                .containsExactlyElementsOf(told.stream().map(Notification::id).toList());
    }

    @Test
    void an_upheld_appeal_is_told_once_and_a_rejected_one_not_at_all() {
        BadReviewCase rejected = opened();
        rejected.fileAppeal(AppealReason.MISTAKEN, "证据", List.of(), "official-1", OPENED.plusSeconds(60));
        rejected.decideAppeal(false, "不成立", "supervisor-1", OPENED.plusSeconds(120));
        assertThat(CaseNotifier.of(rejected)).isEmpty();

        BadReviewCase upheld = opened();
        upheld.fileAppeal(AppealReason.MALICIOUS, "证据", List.of(), "official-1", OPENED.plusSeconds(60));
        upheld.decideAppeal(true, "成立：内部意见", "supervisor-1", OPENED.plusSeconds(120));
        assertThat(CaseNotifier.of(upheld)).extracting(Notification::type, Notification::text)
                .containsExactly(tuple(Notification.Type.APPEAL_APPROVED, null));
    }

    @Test
    void a_case_closed_without_a_rerating_tells_so() {
        BadReviewCase c = opened();
        c.recordContact(new Contact(OPENED.plusSeconds(60), ContactMethod.VISIT, Finding.NOT_CONFIRMED, ""), "o", OPENED.plusSeconds(60), TERMS);
        c.dispose(new DispositionRequest(DispositionKind.EXPLANATION, null, "说明", null), "o", OPENED.plusSeconds(120), TERMS);
        c.expireRerating(OPENED.plus(BadReviewCase.RERATING_WINDOW).plusSeconds(600));
        assertThat(CaseNotifier.of(c)).extracting(Notification::type, Notification::variant).containsExactly(
                tuple(Notification.Type.CONTACTED, null), tuple(Notification.Type.DISPOSED, "EXPLANATION"),
                tuple(Notification.Type.CLOSED, "NOT_RERATED"));
    }

    static BadReviewCase opened() {
        Rating rating = new Rating("rating-000000001", "property-management", "pm-001", "140423100002", "140423100", 2, Map.of(),
                List.of("dirty"), "很脏", List.of(), Channel.APP, null, OPENED, null, OPENED, "resident-7",
                ReviewStatus.AWAITING_CONTACT, List.of(), new Provenance(Origin.RESIDENT, null, null, null), "e", "f",
                false, null, null);
        return BadReviewCase.open(rating, Unit.town("140423100"), "housing-construction", TERMS);
    }
}
