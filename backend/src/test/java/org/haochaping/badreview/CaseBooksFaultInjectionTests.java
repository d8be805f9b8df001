package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.bson.Document;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewStatus;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.haochaping.satisfaction.rollup.FailingMongoTemplate;
import org.haochaping.satisfaction.rollup.FailingMongoTemplate.Failure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Every write of the queue and figure books fails once, in turn, before it reaches the store or
 * after it changed it (the answer lost), while four cases go through their workflow (reopened,
 * reassigned, flagged overdue, appealed, closed as 未复评). Then either the retry of lagging
 * projections runs, or the process dies (its list of lagging cases lost) and the start-up repair
 * runs; afterwards every stored version is projected once more, in random order, as late and
 * repeated writes would. The books must then equal the plain computation from the stored cases.
 */
class CaseBooksFaultInjectionTests {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final WorkingDays DAYS = WorkingDays.weekendsOnly(COUNTY);
    private static final CaseTerms TERMS = CaseTerms.of(DAYS, CaseDeadlines.DEFAULT);
    /** Monday 1 June 2026, 09:00 county time. */
    private static final Instant START = Instant.parse("2026-06-01T01:00:00Z");
    private static final String CAMPAIGN = "property-management";
    private static final String LEAD = "housing-construction";
    private static final Unit TOWN_A = Unit.town("140423100");
    private static final Unit TOWN_B = Unit.town("140423101");

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + SERVER.bind().getPort());
    private static int databases;

    @AfterAll
    static void close() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    /** One run's store, seen through a template that fails on demand (the books') and one that does not. */
    private static final class Run {
        final String database = "run" + databases++;
        final FailingMongoTemplate failing = new FailingMongoTemplate(CLIENT, database);
        final MongoTemplate plain = new MongoTemplate(CLIENT, database);
        final BadReviewCases cases = new MongoRepositoryFactory(plain).getRepository(BadReviewCases.class);
        final Clock clock = Clock.fixed(START, COUNTY);
        final CaseFigureBook figures = new CaseFigureBook(failing, clock);
        final CaseQueueBook queue = new CaseQueueBook(failing);
        CaseProjections projections = fresh();
        final List<BadReviewCase> versions = new ArrayList<>();

        CaseProjections fresh() {
            return new CaseProjections(figures, queue, cases, clock);
        }

        /** Stores the case and projects it, as the service does; keeps a copy of the stored version. */
        void store(BadReviewCase c, boolean inserted) {
            BadReviewCase saved = inserted ? plain.insert(c) : cases.save(c);
            versions.add(plain.findById(saved.getId(), BadReviewCase.class));
            projections.project(saved);
        }
    }

    @TestFactory
    Stream<DynamicTest> the_books_equal_the_cases_whichever_write_fails() {
        Run counting = new Run();
        scenario(counting, -1, Failure.BEFORE, false);
        int writes = counting.failing.writes();
        assertThat(writes).as("writes of the books in one scenario").isGreaterThan(40);
        return Stream.of(Failure.BEFORE, Failure.AFTER).flatMap(failure -> Stream.of(false, true)
                .flatMap(dies -> IntStream.rangeClosed(1, writes).mapToObj(n -> DynamicTest.dynamicTest(
                        "write " + n + " fails " + failure + (dies ? ", then the process dies" : ", then it retries"),
                        () -> scenario(new Run(), n, failure, dies)))));
    }

    @Test
    void a_late_older_version_never_replaces_a_newer_one() {
        Run run = new Run();
        BadReviewCase c = opened(run, "late", TOWN_A);
        BadReviewCase first = run.versions.getFirst();
        c.recordContact(contact(START.plusSeconds(60)), "handler", START.plusSeconds(120), TERMS);
        run.store(c, false);
        c.reassign(TOWN_B, "属地调整", "manager", START.plusSeconds(180));
        run.store(c, false);

        run.projections.project(first); // the opening's projection, arriving last

        assertBooksEqualTheCases(run);
        assertThat(run.queue.open(List.of(CaseQueueBook.unitAudience(TOWN_A)))).isEmpty();
    }

    /** Four cases through their workflows, step by step, interleaved. */
    private static void scenario(Run run, int failAt, Failure failure, boolean dies) {
        run.failing.failWrite(failAt, failure);
        BadReviewCase c1 = opened(run, "c1", TOWN_A);
        BadReviewCase c2 = opened(run, "c2", TOWN_A);
        BadReviewCase c3 = opened(run, "c3", Unit.department(LEAD));
        BadReviewCase c4 = opened(run, "c4", TOWN_B);
        Instant[] now = {START};
        List<Runnable> steps = new ArrayList<>();
        Consumer<Runnable> step = steps::add;
        step.accept(() -> c1.recordContact(contact(now[0]), "h", now[0], TERMS));
        step.accept(() -> c2.reassign(TOWN_B, "属地调整", "m", now[0]));
        step.accept(() -> c3.fileAppeal(AppealReason.MALICIOUS, "录音", List.of(), "h", now[0]));
        step.accept(() -> c4.recordContact(contact(now[0]), "h", now[0], TERMS));
        step.accept(() -> c1.dispose(new DispositionRequest(DispositionKind.IMMEDIATE, null, null, null), "h", now[0], TERMS));
        step.accept(() -> c2.checkDeadline(now[0], TERMS));
        step.accept(() -> c3.decideAppeal(true, "属实", "s", now[0]));
        step.accept(() -> c4.dispose(new DispositionRequest(DispositionKind.IMMEDIATE, null, null, null), "h", now[0], TERMS));
        step.accept(() -> c1.completeRectification(new Rectification("修好", List.of(), now[0]), "h", TERMS));
        step.accept(() -> c2.recordContact(contact(now[0]), "h", now[0], TERMS));
        step.accept(() -> c1.rerate(Verdict.UNSATISFIED, "k1", now[0], TERMS));
        step.accept(() -> c2.dispose(new DispositionRequest(DispositionKind.SCHEDULED, "计划", null, null), "h", now[0], TERMS));
        step.accept(() -> c1.dispose(new DispositionRequest(DispositionKind.EXPLANATION, null, "说明", null), "h", now[0], TERMS));
        step.accept(() -> c2.completeRectification(new Rectification("修好", List.of(), now[0]), "h", TERMS));
        step.accept(() -> c4.checkDeadline(now[0], TERMS));
        step.accept(() -> c1.rerate(Verdict.SATISFIED, "k2", now[0], TERMS));
        step.accept(() -> c4.reassign(Unit.department("urban-management"), "职责", "m", now[0]));
        step.accept(() -> c2.expireRerating(now[0]));
        List<BadReviewCase> order = List.of(c1, c2, c3, c4, c1, c2, c3, c4, c1, c2, c1, c2, c1, c2, c4, c1, c4, c2);
        for (int i = 0; i < steps.size(); i++) {
            now[0] = now[0].plus(i == 17 ? Duration.ofDays(8) : Duration.ofHours(20));
            steps.get(i).run();
            run.store(order.get(i), false);
            if (!run.projections.isCaughtUp()) {
                if (dies) {
                    run.projections = run.fresh(); // what it meant to retry dies with it
                } else {
                    run.projections.retryLagging();
                }
            }
        }
        assertThat(c1.getOutcome()).isEqualTo(CaseOutcome.SATISFIED);
        assertThat(c2.getOutcome()).isEqualTo(CaseOutcome.NOT_RERATED);
        assertThat(c3.getOutcome()).isEqualTo(CaseOutcome.APPEAL_UPHELD);
        assertThat(c4.isOverdue()).isTrue();

        run.failing.stopFailing();
        if (dies) {
            new CaseProjectionRepair(run.plain, run.projections, mock(CaseOpening.class), mock(CampaignCatalog.class),
                    mock(SatisfactionQueries.class), false).repair();
        } else {
            run.projections.retryLagging();
        }
        assertThat(run.projections.isCaughtUp()).isTrue();
        assertBooksEqualTheCases(run);
        List<BadReviewCase> late = new ArrayList<>(run.versions);
        Collections.shuffle(late, new Random(failAt));
        late.forEach(run.projections::project); // late and repeated writes of every version
        assertBooksEqualTheCases(run);
    }

    private static void assertBooksEqualTheCases(Run run) {
        List<BadReviewCase> stored = run.cases.findAll();
        Map<String, HandlingCounts> expected = HandlingOracle.byUnit(stored, CAMPAIGN, DAYS, CaseDeadlines.DEFAULT.immediateDays());
        assertThat(HandlingOracle.withoutEmpty(run.figures.byUnit(CAMPAIGN))).as("figures per unit").isEqualTo(expected);
        assertThat(run.figures.ofCampaign(CAMPAIGN)).as("figures of the campaign")
                .isEqualTo(HandlingOracle.ofCampaign(stored, CAMPAIGN, DAYS, CaseDeadlines.DEFAULT.immediateDays()));

        Set<String> expectedOpen = new HashSet<>();
        for (BadReviewCase c : stored) {
            if (c.getStatus().isOpen()) {
                expectedOpen.add(CaseQueueBook.campaignAudience(c.getCampaignCode()) + " " + c.getId() + " v" + c.getVersion());
                expectedOpen.add(CaseQueueBook.unitAudience(c.getUnit()) + " " + c.getId() + " v" + c.getVersion());
            }
        }
        Set<String> open = new HashSet<>();
        for (Document audience : run.plain.findAll(Document.class, CaseQueueBook.COLLECTION)) {
            Map<String, Object> entries = new TreeMap<>(audience.get("entries", Document.class));
            entries.forEach((id, entry) -> {
                Document e = (Document) entry;
                if (e.getBoolean("open", false)) {
                    open.add(audience.getString("_id") + " " + id + " v" + e.get("v", Number.class).longValue());
                }
            });
        }
        assertThat(open).as("open entries of the queue book").isEqualTo(expectedOpen);
    }

    private static BadReviewCase opened(Run run, String id, Unit unit) {
        Rating rating = new Rating(id, CAMPAIGN, "pm-001", "140423100002", "140423100", 1, Map.of(), List.of("dirty"),
                null, List.of(), Channel.APP, null, START, null, START, "resident-" + id, ReviewStatus.AWAITING_CONTACT,
                List.of(), new Provenance(Origin.RESIDENT, null, null, null), "e-" + id, "f", false, null, null);
        BadReviewCase c = BadReviewCase.open(rating, unit, LEAD, TERMS);
        run.store(c, true);
        return run.plain.findById(id, BadReviewCase.class);
    }

    private static Contact contact(Instant at) {
        return new Contact(at, ContactMethod.PHONE, Finding.CONFIRMED, "电话核实");
    }
}
