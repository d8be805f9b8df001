package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.haochaping.IntegrationTest;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.rating.Channel;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingFixtures;
import org.haochaping.rating.RatingRequest;
import org.haochaping.rating.RatingSubmission;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.satisfaction.HandlingMetrics;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.haochaping.satisfaction.rollup.RollupWriter;
import org.haochaping.system.MutableClock;
import org.haochaping.system.problem.ProblemException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * The case workflow through its services ({@link BadReviewHandling}, {@link DeadlineWatch}) on the
 * embedded store, with a clock the test moves. First a small fixed scenario whose figures are
 * computed by hand; then, for several seeds, random sequences of every action (submit or replay a
 * 差评, contact, dispose each way, rectify, re-rate each verdict or replay a re-rating, reassign,
 * appeal, decide, deadline checks, expiry) by random officials and residents, right and wrong ones,
 * with current and stale versions.
 *
 * <p>After every action the case must be in a legal state ({@link #assertLegal}); a refused action
 * must leave the stored case exactly as it was and be audited; a taken one moves the version by
 * one and is audited. Every few actions and at the end, the figure book (per campaign and per
 * handling unit) and every official's queue counts must equal {@link HandlingOracle}'s plain
 * recomputation from the stored cases.
 *
 * <p>The invariants:
 * <ul>
 * <li>CLOSED ⇔ an outcome ⇔ a closing time; a closed case has no deadline, no overdue flag, no
 *     re-rating window;</li>
 * <li>per status: 待回访 has no contact and its deadline is the contact's; from 已回访核实 on there is a
 *     contact; 整改中 has a disposition other than an explanation, whose due time is the deadline; 待复评 has
 *     a re-rating window of 7 days from the unit's finish and no deadline; a case closed other than by an
 *     upheld appeal was handled;</li>
 * <li>overdue only while open and past the deadline; the escalation never goes down;</li>
 * <li>at most one reopening; 督办 (supervised) only after it, and then the unit is the lead department
 *     and the escalation at least MANAGER; the 不满意 re-ratings are the reopenings, plus 督办, plus a
 *     closing 不满意;</li>
 * <li>an appeal is decided by someone other than its filer; approved ⇔ closed as 申诉成立 ⇔ the rating
 *     invalidated;</li>
 * <li>the timeline starts with OPENED, never goes back in time, and has one CLOSED, last, when closed.</li>
 * </ul>
 */
@IntegrationTest
@Import(CaseStateMachinePropertyTests.MovingClock.class)
@TestPropertySource(properties = "haochaping.badreview.deadline-check=3650d") // the test runs the watch itself
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseStateMachinePropertyTests {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final Duration RERATING_WINDOW = Duration.ofDays(7);
    private static final int IMMEDIATE_DAYS = 5;
    private static final List<String> CAMPAIGNS = List.of("property-management", "illegal-construction", "funeral-reform");

    private static final Actor H_HOUSING = official("h-housing", "housing-construction", null, Role.HANDLER);
    private static final Actor M_HOUSING = official("m-housing", "housing-construction", null, Role.MANAGER);
    private static final Actor H_URBAN = official("h-urban", "urban-management", null, Role.HANDLER);
    private static final Actor M_URBAN = official("m-urban", "urban-management", null, Role.MANAGER);
    private static final Actor H_CIVIL = official("h-civil", "civil-affairs", null, Role.HANDLER);
    private static final Actor M_CIVIL = official("m-civil", "civil-affairs", null, Role.MANAGER);
    private static final Actor H_GUHAN = official("h-guhan", "guhan-town", "140423100", Role.HANDLER);
    private static final Actor H_TOWN1 = official("h-town1", "town-101", "140423101", Role.HANDLER);
    private static final Actor M_TOWN1 = official("m-town1", "town-101-office", "140423101", Role.MANAGER);
    private static final Actor M_APPROVAL = official("m-approval", "approval-services", null, Role.MANAGER);
    private static final Actor SUP_A = official("sup-a", null, null, Role.SUPERVISOR);
    private static final Actor SUP_B = official("sup-b", null, null, Role.SUPERVISOR);
    /** A supervisor who also handles the civil affairs bureau's cases: may file an appeal, never decide it. */
    private static final Actor SUP_HANDLER = official("sup-handler", "civil-affairs", null, Role.SUPERVISOR,
            Role.HANDLER);
    private static final Actor AUDITOR = official("auditor", null, null, Role.AUDITOR);
    private static final List<Actor> OFFICIALS = List.of(H_HOUSING, M_HOUSING, H_URBAN, M_URBAN, H_CIVIL, M_CIVIL,
            H_GUHAN, H_TOWN1, M_TOWN1, M_APPROVAL, SUP_A, SUP_B, SUP_HANDLER, AUDITOR);
    private static final List<Unit> UNITS = List.of(Unit.department("housing-construction"),
            Unit.department("urban-management"), Unit.department("civil-affairs"), Unit.town("140423100"),
            Unit.town("140423101"), Unit.town("140423104"));

    @TestConfiguration
    static class MovingClock {
        @Bean
        @Primary
        MutableClock movingClock() {
            return new MutableClock(Instant.parse("2026-06-01T01:00:00Z"), COUNTY); // Monday 09:00 county time
        }
    }

    @Autowired
    BadReviewHandling handling;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    CaseQueue queue;
    @Autowired
    CaseFigureBook figures;
    @Autowired
    RatingSubmission submission;
    @Autowired
    HolidayCalendar calendar;
    @Autowired
    SatisfactionQueries satisfaction;
    @Autowired
    RollupWriter writer;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;

    private final Map<String, Actor> raters = new HashMap<>();
    private final Map<String, String> submissionKeys = new HashMap<>();
    private final Map<String, RatingRequest> requests = new HashMap<>();
    private final Map<String, List<String>> reratingKeys = new HashMap<>();
    private final Map<String, Escalation> escalations = new HashMap<>();
    /** What the random actions did, printed so that a reader sees what the run covered. */
    private final Map<String, Integer> tally = new java.util.TreeMap<>();
    private int residents;

    @Test
    @Order(1)
    void the_figures_of_a_small_campaign_are_the_ones_computed_by_hand() {
        Actor handler = official("h-emergency", "emergency-management", null, Role.HANDLER);
        Actor manager = official("m-emergency", "emergency-management", null, Role.MANAGER);
        String a = submit("work-safety", null, "140423100");
        String b = submit("work-safety", null, "140423100");
        String c = submit("work-safety", null, "140423100");
        String d = submit("work-safety", null, "140423100");
        String e = submit("work-safety", null, "140423100");
        String f = submit("work-safety", null, "140423100"); // never contacted
        assertThat(stored(a).getUnit()).isEqualTo(Unit.department("emergency-management"));

        moveTo("2026-06-01T10:00");
        contact(handler, a);
        dispose(handler, a, DispositionKind.IMMEDIATE, null);
        contact(handler, c);
        dispose(handler, c, DispositionKind.SCHEDULED, LocalDate.parse("2026-06-05"));
        contact(handler, e);
        dispose(handler, e, DispositionKind.IMMEDIATE, null);
        handling.completeRectification(handler, e, version(e), "已整改", List.of()); // day 0, on time
        handling.fileAppeal(handler, d, version(d), AppealReason.MALICIOUS, "通话录音", List.of());
        moveTo("2026-06-01T11:00");
        handling.decideAppeal(SUP_A, d, version(d), true, "属实");

        moveTo("2026-06-03T09:00"); // Wednesday: the contact deadline (end of Tuesday) has passed
        watch.check();
        assertThat(stored(b).isOverdue()).isTrue();
        contact(handler, b); // late
        dispose(handler, b, DispositionKind.EXPLANATION, null); // handled Wednesday (2 working days), on time
        moveTo("2026-06-03T10:00");
        handling.completeRectification(handler, a, version(a), "已整改", List.of()); // 2 working days, on time
        moveTo("2026-06-03T11:00");
        handling.rerate(raters.get(a), a, Verdict.SATISFIED, "ka");
        moveTo("2026-06-03T12:00");
        handling.rerate(raters.get(b), b, Verdict.UNSATISFIED, "kb"); // reopened

        moveTo("2026-06-08T10:00"); // Monday: c's fix (due end of Friday) is late; e's 7 days are over
        watch.check();
        assertThat(stored(e).getOutcome()).isEqualTo(CaseOutcome.NOT_RERATED);
        assertThat(stored(f).getEscalation()).isEqualTo(Escalation.SUPERVISOR);
        handling.completeRectification(handler, c, version(c), "已整改", List.of()); // 5 working days, late
        moveTo("2026-06-08T11:00");
        handling.rerate(raters.get(c), c, Verdict.BASICALLY_SATISFIED, "kc");

        HandlingCounts counts = figures.ofCampaign("work-safety");
        assertThat(counts).isEqualTo(new HandlingCounts(5, 2, 1, 5, 3, 3, 2, 7, 3, 2, 1, 1));
        assertThat(figures.byUnit("work-safety")).containsOnlyKeys("department:emergency-management");
        assertThat(HandlingMetrics.contactRate(counts).getAsDouble()).as("回访率").isCloseTo(60.0, within(1e-9));
        assertThat(HandlingMetrics.onTimeRate(counts).getAsDouble()).as("按期办结率").isCloseTo(200.0 / 3, within(1e-9));
        assertThat(HandlingMetrics.rectificationSatisfactionRate(counts).getAsDouble()).as("整改满意率")
                .isCloseTo(200.0 / 3, within(1e-9));
        assertThat(HandlingMetrics.meanHandlingDays(counts).getAsDouble()).as("mean working days")
                .isCloseTo(7.0 / 3, within(1e-9));
        assertThat(queue.counts(manager)).isEqualTo(new CaseQueue.Counts(2, 0, 1, 0));
        assertThat(queue.counts(H_HOUSING)).isEqualTo(new CaseQueue.Counts(0, 0, 0, 0));
        writer.flush();
        var total = satisfaction.campaignTotal("work-safety");
        assertThat(total.count(1) + total.count(2)).as("差评 left after the upheld appeal").isEqualTo(5);
        assertFiguresEqualTheCases();
    }

    @Test
    @Order(2)
    void random_actions_by_random_actors_keep_every_case_legal_and_the_figures_exact() {
        for (long seed : new long[] {11L, 2026L, 140423L}) {
            Random random = new Random(seed);
            List<String> ids = new ArrayList<>();
            for (int step = 0; step < 400; step++) {
                act(random, ids, "seed " + seed + " step " + step);
                if (step % 15 == 14) {
                    assertAllLegal();
                    assertFiguresEqualTheCases();
                }
            }
            assertAllLegal();
            assertFiguresEqualTheCases();
        }
        mongo.findAll(BadReviewCase.class).forEach(c -> tally.merge("final " + c.getStatus()
                + (c.getOutcome() == null ? "" : " " + c.getOutcome()) + (c.isSupervised() ? " supervised" : ""), 1, Integer::sum));
        System.out.println("Case state machine property run: " + tally);
        assertThat(tally).containsKeys("final CLOSED SATISFIED", "final CLOSED UNSATISFIED supervised", "final CLOSED NOT_RERATED",
                "final CLOSED APPEAL_UPHELD", "CASE_APPEAL_DECIDED refused OWN_APPEAL", "CASE_REASSIGNED refused ILLEGAL_CASE_TRANSITION");
    }

    private void act(Random random, List<String> ids, String when) {
        int roll = random.nextInt(100);
        if (ids.isEmpty() || roll < 5) {
            ids.add(submitRandom(random));
            return;
        }
        if (roll < 7) {
            replaySubmission(ids.get(random.nextInt(ids.size())));
            return;
        }
        if (roll < 14) {
            clock.advance(pick(random, List.of(Duration.ofHours(1), Duration.ofHours(5), Duration.ofHours(20),
                    Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(8))));
            return;
        }
        if (roll < 19) {
            clock.advance(Duration.ofHours(1 + random.nextInt(30)));
            Map<String, Document> before = new HashMap<>();
            ids.forEach(id -> before.put(id, raw(id)));
            watch.check();
            for (String id : ids) {
                BadReviewCase c = stored(id);
                long moved = c.getVersion() - before.get(id).get("version", Number.class).longValue();
                assertThat(moved).as("%s: the watch takes at most one step per case and run", when).isBetween(0L, 1L);
                assertLegal(c, when + " after the deadline check");
            }
            return;
        }
        String id = pickCase(random, ids);
        caseAction(random, id, when);
    }

    /** One action on one case by someone, right or wrong, with the current version or not. */
    private void caseAction(Random random, String id, String when) {
        BadReviewCase before = stored(id);
        Document beforeRaw = raw(id);
        int kind = random.nextInt(10) < 6 ? nextStep(before, random) : random.nextInt(8);
        Actor actor = pickActor(random, before, kind);
        long version = random.nextInt(12) == 0 ? before.getVersion() + (random.nextBoolean() ? 1 : -1) : before.getVersion();
        Instant now = clock.instant();
        String auditAction;
        boolean replayedRerating = false;
        try {
            switch (kind) {
                case 0 -> {
                    auditAction = "CASE_CONTACTED";
                    Instant at = random.nextInt(12) == 0 ? (random.nextBoolean() ? now.plusSeconds(3600)
                            : before.getOpenedAt().minusSeconds(3600))
                            : before.getOpenedAt().plusMillis((long) (random.nextDouble()
                                    * Duration.between(before.getOpenedAt(), now).toMillis()));
                    handling.recordContact(actor, id, version, new Contact(at, pick(random, List.of(ContactMethod.values())),
                            pick(random, List.of(Finding.values())), "回访"));
                }
                case 1 -> {
                    auditAction = "CASE_DISPOSED";
                    DispositionKind how = pick(random, List.of(DispositionKind.values()));
                    LocalDate due = random.nextInt(4) == 0 ? null : LocalDate.now(clock).plusDays(random.nextInt(24) - 1);
                    String text = random.nextInt(15) == 0 ? " " : "整改计划或说明";
                    handling.dispose(actor, id, version, new DispositionRequest(how,
                            how == DispositionKind.SCHEDULED ? text : null, how == DispositionKind.EXPLANATION ? text : null,
                            how == DispositionKind.SCHEDULED || random.nextInt(15) == 0 ? due : null));
                }
                case 2 -> {
                    auditAction = "CASE_RECTIFIED";
                    handling.completeRectification(actor, id, version, "已整改", List.of());
                }
                case 3 -> {
                    auditAction = "CASE_RERATED";
                    List<String> keys = reratingKeys.computeIfAbsent(id, k -> new ArrayList<>());
                    boolean replay = !keys.isEmpty() && random.nextInt(6) == 0;
                    String key = replay ? pick(random, keys) : UUID.randomUUID().toString();
                    Actor resident = random.nextInt(10) == 0 ? resident("someone-else") : raters.get(id);
                    actor = resident;
                    Verdict verdict = random.nextBoolean() ? Verdict.UNSATISFIED : pick(random, List.of(Verdict.values()));
                    BadReviewCase answer = handling.rerate(resident, id, verdict, key);
                    replayedRerating = replay;
                    if (!replay) {
                        keys.add(key);
                    }
                    assertThat(answer.getVersion()).isEqualTo(stored(id).getVersion());
                }
                case 4 -> {
                    auditAction = "CASE_REASSIGNED";
                    handling.reassign(actor, id, version, pick(random, UNITS), "职责调整");
                }
                case 5 -> {
                    auditAction = "CASE_APPEAL_FILED";
                    handling.fileAppeal(actor, id, version, pick(random, List.of(AppealReason.values())), "证据", List.of());
                }
                default -> {
                    auditAction = "CASE_APPEAL_DECIDED";
                    handling.decideAppeal(actor, id, version, random.nextBoolean(), "复核意见");
                }
            }
        } catch (ProblemException refused) {
            tally.merge(refusal(kind) + " refused " + refused.code(), 1, Integer::sum);
            assertThat(raw(id)).as("%s: %s refused (%s) and left the case as it was", when, kind, refused.code())
                    .isEqualTo(beforeRaw);
            if (refused.status().value() != 404) {
                assertThat(audited(actor, id, refusal(kind), refused.status().value() == 403 ? "ACCESS_DENIED" : null))
                        .as("%s: refusal %s of %s audited", when, refused.code(), actor.subject()).isTrue();
            }
            assertLegal(stored(id), when);
            return;
        }
        tally.merge(refusal(kind) + " taken", 1, Integer::sum);
        BadReviewCase after = stored(id);
        long expected = before.getVersion() + (replayedRerating ? 0 : 1);
        assertThat(after.getVersion()).as("%s: one version per action taken, none for a replay", when).isEqualTo(expected);
        if (kind != 3) {
            assertThat(audited(actor, id, auditAction, null)).as("%s: %s audited", when, auditAction).isTrue();
        }
        assertLegal(after, when);
    }

    /** The action the case waits for (so that cases move on), now and then an appeal or a reassignment. */
    private static int nextStep(BadReviewCase c, Random random) {
        if (c.getAppeal() != null && c.getAppeal().isPending() && random.nextBoolean()) {
            return 6;
        }
        if (c.isSupervised() && c.getStatus().isOpen() && random.nextInt(3) == 0) {
            return 4; // someone tries to hand a 督办 case back
        }
        if (random.nextInt(8) == 0) {
            return 4 + random.nextInt(3);
        }
        return switch (c.getStatus()) {
            case AWAITING_CONTACT -> 0;
            case AWAITING_DISPOSITION -> 1;
            case RECTIFYING -> 2;
            case AWAITING_RERATING -> 3;
            case CLOSED -> random.nextInt(8);
        };
    }

    private static String refusal(int kind) {
        return switch (kind) {
            case 0 -> "CASE_CONTACTED";
            case 1 -> "CASE_DISPOSED";
            case 2 -> "CASE_RECTIFIED";
            case 3 -> "CASE_RERATED";
            case 4 -> "CASE_REASSIGNED";
            case 5 -> "CASE_APPEAL_FILED";
            default -> "CASE_APPEAL_DECIDED";
        };
    }

    /** Whether the audit log holds the change, its refusal, or (for 403s) the access refusal, of this actor on this case. */
    private boolean audited(Actor actor, String caseId, String action, String orAction) {
        List<String> actions = new ArrayList<>(List.of(action, action + "_REFUSED"));
        if (orAction != null) {
            actions.add(orAction);
        }
        return mongo.exists(Query.query(Criteria.where("actor").is(actor.subject()).and("target").is("case:" + caseId)
                .and("action").in(actions)), AuditEntry.class);
    }

    private Actor pickActor(Random random, BadReviewCase c, int kind) {
        if (random.nextInt(10) < 3) {
            return pick(random, OFFICIALS);
        }
        List<Actor> able = switch (kind) {
            case 4 -> OFFICIALS.stream().filter(a -> a.has(Role.SUPERVISOR)
                    || a.has(Role.MANAGER) && c.getLeadDepartment().equals(a.department())).toList();
            case 6, 7 -> c.getAppeal() != null && c.getAppeal().filedBy().equals(SUP_HANDLER.subject())
                    ? List.of(SUP_A, SUP_HANDLER) // the filer tries to decide their own appeal
                    : List.of(SUP_A, SUP_B, SUP_HANDLER);
            default -> OFFICIALS.stream().filter(a -> c.isSupervised()
                    ? a.has(Role.SUPERVISOR) || a.has(Role.MANAGER) && c.getLeadDepartment().equals(a.department())
                    : a.has(Role.HANDLER) && (c.getUnit().kind() == Unit.Kind.DEPARTMENT
                            ? c.getUnit().code().equals(a.department()) : c.getUnit().code().equals(a.region())))
                    .toList();
        };
        return able.isEmpty() ? pick(random, OFFICIALS) : pick(random, able);
    }

    private String pickCase(Random random, List<String> ids) {
        if (random.nextInt(4) > 0) {
            List<String> open = ids.stream().filter(id -> stored(id).getStatus().isOpen()).toList();
            if (!open.isEmpty()) {
                return pick(random, open);
            }
        }
        return pick(random, ids);
    }

    // --- the invariants ---

    private void assertAllLegal() {
        mongo.findAll(BadReviewCase.class).forEach(c -> assertLegal(c, "all cases"));
        long bad = mongo.count(Query.query(Criteria.where("level").lte(2)), Rating.class);
        assertThat(mongo.count(new Query(), BadReviewCase.class)).as("one case per 差评").isEqualTo(bad);
    }

    private void assertLegal(BadReviewCase c, String when) {
        String what = when + ": case " + c.getId() + " " + c.getStatus();
        Instant now = clock.instant();
        boolean closed = c.getStatus() == CaseStatus.CLOSED;
        assertThat(c.getOutcome() != null).as("%s: outcome iff closed", what).isEqualTo(closed);
        assertThat(c.getClosedAt() != null).as("%s: closing time iff closed", what).isEqualTo(closed);
        if (closed) {
            assertThat(c.getDueAt()).as("%s: no deadline", what).isNull();
            assertThat(c.getRerateBy()).as(what).isNull();
            assertThat(c.isOverdue()).as(what).isFalse();
        }
        switch (c.getStatus()) {
            case AWAITING_CONTACT -> {
                assertThat(c.getContact()).as(what).isNull();
                assertThat(c.getDisposition()).as(what).isNull();
                assertThat(c.getDueAt()).as("%s: due for contact", what).isEqualTo(c.getContactDueAt());
                assertThat(c.getReopenings()).as(what).isZero();
                assertThat(c.getContactedOnTime()).as("%s: only late can be known before contact", what)
                        .isIn(null, false);
            }
            case AWAITING_DISPOSITION -> {
                assertThat(c.getContact()).as(what).isNotNull();
                assertThat(c.getDisposition()).as(what).isNull();
                assertThat(c.getDueAt()).as(what).isNotNull();
            }
            case RECTIFYING -> {
                assertThat(c.getContact()).as(what).isNotNull();
                assertThat(c.getDisposition().kind()).as(what).isNotEqualTo(DispositionKind.EXPLANATION);
                assertThat(c.getDueAt()).as("%s: due as disposed", what).isEqualTo(c.getDisposition().dueAt());
                assertThat(c.getRectification()).as(what).isNull();
            }
            case AWAITING_RERATING -> {
                assertThat(c.getContact()).as(what).isNotNull();
                assertThat(c.getRerateBy()).as("%s: rerateBy", what).isNotNull();
                assertThat(c.getRerateBy()).as(what).isEqualTo(c.getHandledAt().plus(RERATING_WINDOW));
                assertThat(c.getDueAt()).as(what).isNull();
                assertThat(c.isOverdue()).as(what).isFalse();
                assertThat(c.getHandledOnTime()).as(what).isNotNull();
                assertThat(c.getRectification() == null).as("%s: evidence unless explained", what)
                        .isEqualTo(c.getDisposition().kind() == DispositionKind.EXPLANATION);
            }
            case CLOSED -> {
                if (c.getOutcome() != CaseOutcome.APPEAL_UPHELD) {
                    assertThat(c.getContact()).as(what).isNotNull();
                    assertThat(c.getDisposition()).as(what).isNotNull();
                    assertThat(c.getHandledAt()).as("%s: handled before closing", what).isNotNull();
                }
            }
        }
        if (c.isOverdue()) {
            assertThat(c.getDueAt()).as("%s: overdue only past the deadline", what).isNotNull();
            assertThat(now).as(what).isAfterOrEqualTo(c.getDueAt());
        }
        if (Boolean.TRUE.equals(c.getContactedOnTime())) {
            assertThat(c.getContact().at()).as(what).isBefore(c.getContactDueAt());
        }
        Escalation earlier = escalations.put(c.getId(), c.getEscalation());
        if (earlier != null) {
            assertThat(c.getEscalation()).as("%s: escalation never goes down", what).isGreaterThanOrEqualTo(earlier);
        }

        assertThat(c.getReopenings()).as("%s: reopened at most once", what).isBetween(0, 1);
        if (c.isSupervised()) {
            assertThat(c.getReopenings()).as(what).isEqualTo(1);
            assertThat(c.getUnit()).as("%s: 督办 by the lead department", what).isEqualTo(Unit.department(c.getLeadDepartment()));
            assertThat(c.getEscalation()).as(what).isNotEqualTo(Escalation.NONE);
        }
        long unsatisfied = c.getReratings().stream().filter(r -> r.verdict() == Verdict.UNSATISFIED).count();
        assertThat(unsatisfied).as("%s: each 不满意 reopened, supervised or closed it", what).isEqualTo(
                c.getReopenings() + (c.isSupervised() ? 1 : 0) + (c.getOutcome() == CaseOutcome.UNSATISFIED ? 1 : 0));
        assertThat(c.getReratings().stream().filter(r -> r.verdict().isSatisfied()).count())
                .as("%s: a satisfied re-rating closes", what).isEqualTo(c.getOutcome() == CaseOutcome.SATISFIED
                        || c.getOutcome() == CaseOutcome.BASICALLY_SATISFIED ? 1 : 0);

        Appeal appeal = c.getAppeal();
        if (appeal != null && appeal.state() != Appeal.State.PENDING) {
            assertThat(appeal.decidedBy()).as("%s: decided by someone else than the filer", what).isNotEqualTo(appeal.filedBy());
        }
        boolean upheld = c.getOutcome() == CaseOutcome.APPEAL_UPHELD;
        assertThat(appeal != null && appeal.state() == Appeal.State.APPROVED).as("%s: approved iff upheld", what)
                .isEqualTo(upheld);
        assertThat(mongo.findById(c.getId(), Rating.class).invalidated()).as("%s: rating invalidated iff upheld", what)
                .isEqualTo(upheld);

        List<CaseEvent> events = c.getEvents();
        assertThat(events.getFirst().type()).as(what).isEqualTo(CaseEvent.Type.OPENED);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).as("%s: the timeline goes forward", what).isAfterOrEqualTo(events.get(i - 1).at());
        }
        assertThat(events.stream().filter(e -> e.type() == CaseEvent.Type.CLOSED).count()).as(what).isEqualTo(closed ? 1 : 0);
        if (closed) {
            assertThat(events.getLast().type()).as(what).isEqualTo(CaseEvent.Type.CLOSED);
        }
        assertThat(events.stream().filter(e -> e.type() == CaseEvent.Type.REOPENED).count()).as(what)
                .isEqualTo(c.getReopenings());
    }

    // --- the figures against the oracle ---

    private void assertFiguresEqualTheCases() {
        List<BadReviewCase> cases = mongo.findAll(BadReviewCase.class);
        WorkingDays days = calendar.workingDays();
        Set<String> campaigns = cases.stream().map(BadReviewCase::getCampaignCode).collect(Collectors.toSet());
        for (String campaign : campaigns) {
            assertThat(HandlingOracle.withoutEmpty(figures.byUnit(campaign))).as("figures of %s per unit", campaign)
                    .isEqualTo(HandlingOracle.byUnit(cases, campaign, days, IMMEDIATE_DAYS));
            assertThat(figures.ofCampaign(campaign)).as("figures of %s", campaign)
                    .isEqualTo(HandlingOracle.ofCampaign(cases, campaign, days, IMMEDIATE_DAYS));
        }
        Instant now = clock.instant();
        for (Actor official : OFFICIALS) {
            assertThat(queue.counts(official)).as("queue counts of %s", official.subject())
                    .isEqualTo(HandlingOracle.counts(cases, official, now, days));
        }
    }

    // --- ratings, time, reads ---

    private String submitRandom(Random random) {
        String campaign = pick(random, CAMPAIGNS);
        return switch (campaign) {
            case "property-management" -> {
                String subject = String.format("pm-%03d", 1 + random.nextInt(24));
                yield submit(campaign, subject, RatingFixtures.regionOf(subject));
            }
            case "illegal-construction" -> submit(campaign, null, pick(random, List.of("140423100", "140423101", "140423104")));
            default -> submit(campaign, null, "140423100");
        };
    }

    private String submit(String campaign, String subject, String region) {
        Actor resident = residentLivingIn("resident-" + ++residents, region);
        String reason = switch (campaign) {
            case "property-management" -> "dirty";
            case "illegal-construction" -> "not-thorough";
            default -> "slow-progress";
        };
        RatingRequest request = new RatingRequest(campaign, subject, region, 1 + residents % 2, Map.of(), List.of(reason),
                null, List.of(), Channel.APP, null, null);
        String key = UUID.randomUUID().toString();
        Rating rating = submission.submit(resident, request, key, null, null, null).rating();
        raters.put(rating.id(), resident);
        submissionKeys.put(rating.id(), key);
        requests.put(rating.id(), request);
        assertThat(stored(rating.id()).getStatus()).as("the case opens at once").isEqualTo(CaseStatus.AWAITING_CONTACT);
        return rating.id();
    }

    /** The app sends the same rating again (same key): the same rating, no second case. */
    private void replaySubmission(String id) {
        long cases = mongo.count(new Query(), BadReviewCase.class);
        Document before = raw(id);
        RatingSubmission.Result replay = submission.submit(raters.get(id), requests.get(id), submissionKeys.get(id),
                null, null, null);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.rating().id()).isEqualTo(id);
        assertThat(mongo.count(new Query(), BadReviewCase.class)).as("no second case").isEqualTo(cases);
        assertThat(raw(id)).isEqualTo(before);
    }

    private void contact(Actor actor, String id) {
        handling.recordContact(actor, id, version(id), new Contact(clock.instant(), ContactMethod.PHONE,
                Finding.CONFIRMED, "电话回访"));
    }

    private void dispose(Actor actor, String id, DispositionKind kind, LocalDate due) {
        handling.dispose(actor, id, version(id), new DispositionRequest(kind, kind == DispositionKind.SCHEDULED ? "整改计划" : null,
                kind == DispositionKind.EXPLANATION ? "依据规定说明" : null, due));
    }

    private void moveTo(String countyTime) {
        Instant target = LocalDateTime.parse(countyTime).atZone(COUNTY).toInstant();
        assertThat(target).isAfterOrEqualTo(clock.instant());
        clock.advance(Duration.between(clock.instant(), target));
    }

    private long version(String id) {
        return stored(id).getVersion();
    }

    private BadReviewCase stored(String id) {
        return mongo.findById(id, BadReviewCase.class);
    }

    private Document raw(String id) {
        return mongo.findById(id, Document.class, "bad_review_cases");
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static Actor resident(String subject) {
        return new Actor(subject, "居民", Set.of(Role.RESIDENT), null, null);
    }

    /** A resident whose home region (vouched for by the provider) is where they rate campaigns as a whole. */
    private static Actor residentLivingIn(String subject, String homeRegion) {
        return new Actor(subject, "居民", Set.of(Role.RESIDENT), null, null, homeRegion);
    }

    private static Actor official(String subject, String department, String region, Role... roles) {
        return new Actor(subject, subject, Set.of(roles), department, region);
    }
}
