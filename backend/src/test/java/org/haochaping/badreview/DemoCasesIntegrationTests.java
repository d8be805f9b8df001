package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.haochaping.IntegrationTest;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.Rating;
import org.haochaping.satisfaction.HandlingCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A fresh demo ({@code --haochaping.demo.ratings}, as an operator starts it): every 差评 it
 * generates has opened exactly one case, and the cases stand where a county's would, walked through
 * the real services: most closed, recent ones mid-way, each kind of case there to see, every
 * timeline in order and in the past, deadlines flagged exactly where they passed, and the queue and
 * the figures equal to a plain count of the cases.
 */
@IntegrationTest
@TestPropertySource(properties = {"haochaping.demo.ratings=1500", "haochaping.demo.seed=20261127"})
class DemoCasesIntegrationTests {

    private static final Actor SUPERVISOR = new Actor("supervisor-test", "监督员", Set.of(Role.SUPERVISOR), null, null);

    @Autowired
    MongoTemplate mongo;
    @Autowired
    BadReviewCases cases;
    @Autowired
    CaseQueue queue;
    @Autowired
    CaseFigureBook figures;
    @Autowired
    CampaignCatalog campaigns;

    static Instant walkedBy;

    @BeforeAll
    static void afterTheDemo() {
        walkedBy = Instant.now(); // the demo ran before the first test; nothing it did is later
    }

    @Test
    void every_bad_rating_of_the_demo_opened_exactly_one_case() {
        List<Rating> ratings = mongo.findAll(Rating.class);
        Set<String> bad = ratings.stream().filter(rating -> rating.level() <= 2).map(Rating::id).collect(Collectors.toSet());

        assertThat(ratings).as("the demo's ratings and its stuffing burst of 40 好评").hasSize(1500 + 40);
        assertThat(bad).hasSizeGreaterThan(150);
        assertThat(cases.findAll()).extracting(BadReviewCase::getId).containsExactlyInAnyOrderElementsOf(bad);
    }

    @Test
    void the_cases_stand_as_a_living_queue_with_every_kind_of_case() {
        List<BadReviewCase> all = cases.findAll();
        List<BadReviewCase> open = all.stream().filter(c -> c.getStatus().isOpen()).toList();
        List<BadReviewCase> closed = all.stream().filter(c -> !c.getStatus().isOpen()).toList();
        Map<CaseStatus, Long> byStatus = open.stream().collect(Collectors.groupingBy(BadReviewCase::getStatus, Collectors.counting()));
        Map<CaseOutcome, Long> outcomes = closed.stream().collect(Collectors.groupingBy(BadReviewCase::getOutcome, Collectors.counting()));

        assertThat((double) open.size() / all.size()).as("open share").isBetween(0.02, 0.15);
        assertThat(byStatus).containsKeys(CaseStatus.AWAITING_CONTACT, CaseStatus.AWAITING_DISPOSITION,
                CaseStatus.RECTIFYING, CaseStatus.AWAITING_RERATING);
        assertThat(outcomes.getOrDefault(CaseOutcome.SATISFIED, 0L) + outcomes.getOrDefault(CaseOutcome.BASICALLY_SATISFIED, 0L))
                .as("most closed satisfied or basically satisfied").isGreaterThan(closed.size() / 2);
        assertThat(outcomes).containsKeys(CaseOutcome.NOT_RERATED, CaseOutcome.APPEAL_UPHELD);
        assertThat(all).as("reopened after 不满意").anyMatch(c -> c.getReopenings() == 1);
        assertThat(open).as("under 督办 now, with the lead department")
                .anyMatch(c -> c.isSupervised() && c.getUnit().equals(Unit.department(c.getLeadDepartment())));
        assertThat(open).as("overdue and escalated to a SUPERVISOR")
                .anyMatch(c -> c.isOverdue() && c.getEscalation() == Escalation.SUPERVISOR);
        assertThat(open.stream().filter(BadReviewCase::isOverdue).count()).isGreaterThanOrEqualTo(2);
        assertThat(all.stream().map(BadReviewCase::getAppeal).filter(java.util.Objects::nonNull).map(Appeal::state))
                .as("appeals approved, rejected and pending")
                .contains(Appeal.State.APPROVED, Appeal.State.REJECTED, Appeal.State.PENDING);
        assertThat(open).as("an appeal waiting for a supervisor").anyMatch(c -> c.getAppeal() != null && c.getAppeal().isPending());
    }

    @Test
    void an_approved_appeal_invalidated_its_rating_and_only_that() {
        Set<String> upheld = cases.findAll().stream().filter(c -> c.getOutcome() == CaseOutcome.APPEAL_UPHELD)
                .map(BadReviewCase::getId).collect(Collectors.toSet());

        assertThat(mongo.findAll(Rating.class).stream().filter(Rating::invalidated).map(Rating::id))
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(upheld);
    }

    @Test
    void every_timeline_is_in_order_in_the_past_and_names_who_acted() {
        for (BadReviewCase c : cases.findAll()) {
            List<CaseEvent> events = c.getEvents();
            assertThat(events.getFirst().type()).isEqualTo(CaseEvent.Type.OPENED);
            assertThat(events.getFirst().at()).isEqualTo(c.getOpenedAt());
            assertThat(events).as("case %s", c.getId()).isSortedAccordingTo(Comparator.comparing(CaseEvent::at));
            assertThat(events.getLast().at()).isBefore(walkedBy);
            assertThat(events).allSatisfy(event -> assertThat(event.actor()).isNotBlank());
            if (c.getContact() != null) {
                assertThat(c.getContactedOnTime()).as("contacted on time, case %s", c.getId())
                        .isEqualTo(c.getContact().at().isBefore(c.getContactDueAt()));
            }
        }
    }

    @Test
    void deadlines_are_flagged_exactly_where_they_passed() {
        for (BadReviewCase c : cases.findAll()) {
            if (c.getStatus().isOpen() && c.getDueAt() != null) {
                boolean passed = !c.getDueAt().isAfter(walkedBy);
                assertThat(c.isOverdue()).as("case %s due %s", c.getId(), c.getDueAt()).isEqualTo(passed);
                assertThat(c.getEvents()).filteredOn(event -> event.type() == CaseEvent.Type.OVERDUE)
                        .as("flagged at the deadline").allMatch(event -> !event.at().isBefore(c.getContactDueAt()));
            }
            if (c.getOutcome() == CaseOutcome.NOT_RERATED) {
                assertThat(c.getClosedAt()).isEqualTo(c.getHandledAt().plus(BadReviewCase.RERATING_WINDOW));
            }
        }
    }

    @Test
    void the_queue_holds_exactly_the_open_cases() {
        List<BadReviewCase> open = cases.findAll().stream().filter(c -> c.getStatus().isOpen()).toList();

        CaseQueue.Page page = queue.page(SUPERVISOR, CaseQueue.Filter.ALL, null, CaseQueue.MAX_LIMIT);
        CaseQueue.Counts counts = queue.counts(SUPERVISOR);

        assertThat(page.total()).isEqualTo(open.size());
        assertThat(counts.open()).isEqualTo(open.size());
        assertThat(counts.overdue()).isEqualTo(open.stream().filter(BadReviewCase::isOverdue).count());
        assertThat(counts.appealsPending())
                .isEqualTo(open.stream().filter(c -> c.getAppeal() != null && c.getAppeal().isPending()).count());
        assertThat(page.entries()).extracting(QueueEntry::caseId)
                .isSubsetOf(open.stream().map(BadReviewCase::getId).toList());
    }

    /** Counted here from the cases, by the definitions in the README, not by the code that keeps the books. */
    @Test
    void the_handling_figures_equal_a_plain_count_of_the_cases() {
        List<BadReviewCase> all = cases.findAll();
        for (Campaign campaign : campaigns.list(null)) {
            List<BadReviewCase> of = all.stream().filter(c -> c.getCampaignCode().equals(campaign.getCode())).toList();
            List<BadReviewCase> counted = of.stream().filter(c -> c.getOutcome() != CaseOutcome.APPEAL_UPHELD).toList();
            List<BadReviewCase> handled = counted.stream()
                    .filter(c -> c.getStatus() == CaseStatus.CLOSED && c.getHandledAt() != null).toList();
            List<Rerating> reratings = counted.stream().flatMap(c -> c.getReratings().stream()).toList();
            HandlingCounts expected = new HandlingCounts(counted.size(),
                    counted.stream().filter(c -> c.getStatus() != CaseStatus.CLOSED).count(),
                    counted.stream().filter(BadReviewCase::isOverdue).count(),
                    counted.stream().filter(c -> c.getContact() != null || c.getContactedOnTime() != null).count(),
                    counted.stream().filter(c -> c.getContact() != null && c.getContact().at().isBefore(c.getContactDueAt())).count(),
                    handled.size(),
                    handled.stream().filter(c -> Boolean.TRUE.equals(c.getHandledOnTime())).count(),
                    handled.stream().mapToLong(BadReviewCase::getHandlingDays).sum(),
                    reratings.size(),
                    reratings.stream().filter(r -> r.verdict() != Verdict.UNSATISFIED).count(),
                    counted.stream().filter(c -> c.getOutcome() == CaseOutcome.NOT_RERATED).count(),
                    of.size() - counted.size());

            assertThat(figures.ofCampaign(campaign.getCode())).as(campaign.getCode()).isEqualTo(expected);
        }
    }
}
