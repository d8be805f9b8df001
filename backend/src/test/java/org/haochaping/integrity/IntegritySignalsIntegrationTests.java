package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Actor;
import org.haochaping.identity.ForbiddenException;
import org.haochaping.identity.Role;
import org.haochaping.rating.DemoRatings;
import org.haochaping.rating.DemoRatingsGenerated;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingInvalidation;
import org.haochaping.satisfaction.FiguresOracle;
import org.haochaping.satisfaction.rollup.RollupRebuild;
import org.haochaping.satisfaction.rollup.RollupWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * The signals on the demo's traffic, and the review of a signal down to the figures. Its own store (the
 * schedule is off, which also keeps other test classes' ratings out), so only the demo's traffic is scanned.
 */
@IntegrationTest
@TestPropertySource(properties = "haochaping.integrity.scan-cron=-")
class IntegritySignalsIntegrationTests {

    private static final Actor ALICE = supervisor("supervisor-alice");
    private static final Actor BOB = supervisor("supervisor-bob");

    @Autowired
    DemoRatings demo;
    @Autowired
    IntegrityScan scan;
    @Autowired
    SignalReview review;
    @Autowired
    RatingInvalidation invalidation;
    @Autowired
    RollupWriter writer;
    @Autowired
    RollupRebuild rebuild;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void the_detector_flags_the_injected_burst_and_not_the_normal_demo_traffic() {
        normalDemoTraffic(1000);
        DemoRatings.Stuffing stuffing = demo.stuff(40, Duration.ofHours(3), new Random(1));

        List<Signal> found = scan.scanNow(ALICE);

        assertThat(found).extracting(Signal::getKind).contains(SignalKind.SUBJECT_BURST, SignalKind.SHARED_DEVICE,
                SignalKind.SHARED_NETWORK, SignalKind.NEW_RESIDENTS);
        assertThat(found).filteredOn(signal -> signal.getKind() == SignalKind.SUBJECT_BURST).singleElement().satisfies(burst -> {
            assertThat(burst.getScope()).isEqualTo(stuffing.subjectId());
            assertThat(burst.getEvidence().ratingIds()).containsAll(stuffing.ratingIds());
        });
        assertThat(found).as("every signal is about the stuffing, none about the normal traffic")
                .allSatisfy(signal -> assertThat(stuffersAmong(signal.getEvidence().ratingIds())).isPositive());
        assertThat(scan.scanNow(ALICE)).as("a second run finds nothing new").isEmpty();
    }

    @Test
    void excluding_takes_two_supervisors_and_subtracts_each_rating_exactly_once() {
        DemoRatings.Stuffing stuffing = demo.stuff(12, Duration.ofMinutes(90), new Random(2));
        Signal signal = signalOf(stuffing.ratingIds());
        writer.flush();

        review.proposeExclusion(ALICE, signal.getId());
        assertThatThrownBy(() -> review.confirmExclusion(ALICE, signal.getId())).as("not by the proposer")
                .isInstanceOf(ForbiddenException.class);
        for (Role role : List.of(Role.AUDITOR, Role.MANAGER, Role.HANDLER, Role.RESIDENT)) {
            Actor other = new Actor("other-" + role, "其他", Set.of(role), "housing-construction", null);
            assertThatThrownBy(() -> review.confirmExclusion(other, signal.getId())).as(role.name())
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThat(invalidated(stuffing.ratingIds())).as("nothing excluded before a second supervisor confirms").isZero();

        invalidation.invalidate(BOB, stuffing.ratingIds().get(0)); // a confirmation that failed part-way, retried
        invalidation.invalidate(BOB, stuffing.ratingIds().get(1));
        Signal excluded = review.confirmExclusion(BOB, signal.getId());
        Signal again = review.confirmExclusion(BOB, signal.getId());
        writer.flush();

        assertThat(excluded.getStatus()).isEqualTo(SignalStatus.EXCLUDED);
        assertThat(excluded.getExcludedRatings()).isEqualTo(10);
        assertThat(excluded.getConfirmedBy()).isEqualTo(BOB.subject());
        assertThat(again.getExcludedRatings()).as("the retry changed nothing").isEqualTo(10);
        assertThat(invalidated(stuffing.ratingIds())).isEqualTo(12);
        assertThat(mongo.count(Query.query(Criteria.where("_id").in(stuffing.ratingIds())), Rating.class)).as("kept").isEqualTo(12);
        List<Rating> ratings = mongo.findAll(Rating.class);
        assertThat(FiguresOracle.storedRollups(mongo)).isEqualTo(FiguresOracle.expectedRollups(ratings, ZoneId.of("Asia/Shanghai")));
        assertThat(rebuild.rebuild().drifted()).isZero();
    }

    @Test
    void supervisors_and_auditors_see_signals_and_only_supervisors_review_them() {
        Signal signal = signalOf(List.of());
        Actor auditor = new Actor("auditor", "审计员", Set.of(Role.AUDITOR), null, null);
        Actor manager = new Actor("manager", "经理", Set.of(Role.MANAGER), "housing-construction", null);

        assertThat(review.list(auditor, null)).extracting(Signal::getId).contains(signal.getId());
        assertThatThrownBy(() -> review.list(manager, null)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> review.markSuspicious(auditor, signal.getId())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> scan.scanNow(auditor)).isInstanceOf(ForbiddenException.class);

        assertThat(review.markSuspicious(ALICE, signal.getId()).getStatus()).isEqualTo(SignalStatus.SUSPICIOUS);
        assertThat(review.dismiss(BOB, signal.getId()).getStatus()).isEqualTo(SignalStatus.DISMISSED);
        assertThatThrownBy(() -> review.proposeExclusion(ALICE, signal.getId())).isInstanceOf(SignalTransitionException.class);
        assertThatThrownBy(() -> review.confirmExclusion(BOB, signal.getId())).isInstanceOf(SignalTransitionException.class);
        assertThatThrownBy(() -> review.dismiss(BOB, "no-such-signal")).isInstanceOf(SignalNotFoundException.class);
    }

    /** The demo as its command makes it, in four threads: ratings, then their cases handled up to today (calls included). */
    private void normalDemoTraffic(int count) {
        List<Thread> workers = new java.util.ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            long seed = 20210415L + worker;
            workers.add(Thread.ofPlatform().start(() -> demo.generate(count / 4, count / 4, new Random(seed))));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        events.publishEvent(new DemoRatingsGenerated(20210415L, count));
    }

    private Signal signalOf(List<String> ratingIds) {
        var now = clock.instant();
        Evidence evidence = new Evidence(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), ratingIds.size(),
                ratingIds.size(), 0, now.minus(Duration.ofDays(28)), 0.0, 0.0, null, ratingIds, List.of());
        Signal signal = Signal.of(new Finding(SignalKind.SUBJECT_BURST, "test-" + UUID.randomUUID(), "property-management", evidence), now);
        return mongo.insert(signal);
    }

    private long invalidated(List<String> ratingIds) {
        return mongo.count(Query.query(Criteria.where("_id").in(ratingIds).and("invalidated").is(true)), Rating.class);
    }

    private long stuffersAmong(List<String> ratingIds) {
        return mongo.count(Query.query(Criteria.where("_id").in(ratingIds).and("resident").regex("^demo-stuffer-")), Rating.class);
    }

    private static Actor supervisor(String subject) {
        return new Actor(subject, "监督员", Set.of(Role.SUPERVISOR), null, null);
    }
}
