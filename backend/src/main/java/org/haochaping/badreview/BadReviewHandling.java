package org.haochaping.badreview;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.RatingInvalidation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The officials' actions on a case and the resident's re-rating: each checks role and scope here
 * ({@link CaseAccess}), that the caller saw the current version (else 409 {@code CASE_CHANGED}),
 * and the state ({@link BadReviewCase}); it is then stored under optimistic locking, audited,
 * projected into the queue and figures, and announced ({@link CaseChanged}).
 */
@Service
public class BadReviewHandling {

    private final BadReviewCases cases;
    private final CaseAccess access;
    private final CaseRouting routing;
    private final HolidayCalendar calendar;
    private final CaseProjections projections;
    private final RatingInvalidation invalidation;
    private final AccessGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BadReviewHandling(BadReviewCases cases, CaseAccess access, CaseRouting routing, HolidayCalendar calendar,
            CaseProjections projections, RatingInvalidation invalidation, AccessGuard guard,
            ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.access = access;
        this.routing = routing;
        this.calendar = calendar;
        this.projections = projections;
        this.invalidation = invalidation;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** One case, for an official whose scope covers it (others are refused and audited). */
    public BadReviewCase get(Actor actor, String caseId) {
        BadReviewCase c = cases.findById(caseId).orElseThrow(CaseNotFoundException::new);
        guard.require(actor.isOfficial() && access.canSee(actor, c), actor, "READ_CASE", "case:" + caseId);
        return c;
    }

    /** The resident's own case (of their rating); anyone else's does not exist for them. */
    public java.util.Optional<BadReviewCase> ofMyRating(Actor resident, String ratingId) {
        return cases.findById(ratingId).filter(c -> c.getResident().equals(resident.subject()));
    }

    public BadReviewCase recordContact(Actor actor, String caseId, long version, Contact contact) {
        return recordContact(actor, caseId, version, contact, now());
    }

    public BadReviewCase dispose(Actor actor, String caseId, long version, DispositionRequest disposition) {
        return dispose(actor, caseId, version, disposition, now());
    }

    /** 整改完成; the photos must be the actor's own uploads (checked by the caller's photo claim). */
    public BadReviewCase completeRectification(Actor actor, String caseId, long version, String evidence,
            List<String> photoIds) {
        return completeRectification(actor, caseId, version, evidence, photoIds, now());
    }

    public BadReviewCase reassign(Actor actor, String caseId, long version, Unit to, String reason) {
        return act(actor, caseId, version, access::canReassign, "CASE_REASSIGNED", CaseEvent.Type.REASSIGNED, now(),
                (c, now) -> c.reassign(to, reason, actor.subject(), now));
    }

    public BadReviewCase fileAppeal(Actor actor, String caseId, long version, AppealReason reason, String evidence,
            List<String> photoIds) {
        return fileAppeal(actor, caseId, version, reason, evidence, photoIds, now());
    }

    /**
     * A SUPERVISOR other than the filer decides. Approval invalidates the rating first (idempotent),
     * so a retry after a failure completes the decision without subtracting the rating twice.
     */
    public BadReviewCase decideAppeal(Actor actor, String caseId, long version, boolean approve, String note) {
        return decideAppeal(actor, caseId, version, approve, note, now());
    }

    /**
     * The resident's re-rating of the fix: only the rater, only while the case awaits it. A repeated
     * {@code idempotencyKey} returns the case as it is.
     */
    public BadReviewCase rerate(Actor resident, String ratingId, Verdict verdict, String idempotencyKey) {
        return rerate(resident, ratingId, verdict, idempotencyKey, now());
    }

    // The same actions at a given time, for demo data that walks cases through their past (DemoCases):
    // the same checks, the same state machine, the same audit and projections; only the clock differs.

    BadReviewCase recordContact(Actor actor, String caseId, long version, Contact contact, Instant at) {
        return act(actor, caseId, version, access::canHandle, "CASE_CONTACTED", CaseEvent.Type.CONTACTED, at,
                (c, now) -> c.recordContact(contact, actor.subject(), now, terms(c)));
    }

    BadReviewCase dispose(Actor actor, String caseId, long version, DispositionRequest disposition, Instant at) {
        return act(actor, caseId, version, access::canHandle, "CASE_DISPOSED", CaseEvent.Type.DISPOSED, at,
                (c, now) -> c.dispose(disposition, actor.subject(), now, terms(c)));
    }

    BadReviewCase completeRectification(Actor actor, String caseId, long version, String evidence,
            List<String> photoIds, Instant at) {
        if (photoIds.size() > Rectification.MAX_PHOTOS) {
            throw new CaseInputException("TOO_MANY_PHOTOS", Rectification.MAX_PHOTOS);
        }
        return act(actor, caseId, version, access::canHandle, "CASE_RECTIFIED", CaseEvent.Type.RECTIFIED, at,
                (c, now) -> c.completeRectification(new Rectification(evidence, photoIds, now), actor.subject(), terms(c)));
    }

    BadReviewCase fileAppeal(Actor actor, String caseId, long version, AppealReason reason, String evidence,
            List<String> photoIds, Instant at) {
        return act(actor, caseId, version, (a, c) -> a.has(Role.HANDLER) && access.canHandle(a, c),
                "CASE_APPEAL_FILED", CaseEvent.Type.APPEAL_FILED, at,
                (c, now) -> c.fileAppeal(reason, evidence, photoIds, actor.subject(), now));
    }

    BadReviewCase decideAppeal(Actor actor, String caseId, long version, boolean approve, String note, Instant at) {
        return act(actor, caseId, version, (a, c) -> access.canDecideAppeals(a), "CASE_APPEAL_DECIDED",
                approve ? CaseEvent.Type.APPEAL_APPROVED : CaseEvent.Type.APPEAL_REJECTED, at, (c, now) -> {
                    if (approve && c.getAppeal() != null && c.getAppeal().isPending()
                            && !c.getAppeal().filedBy().equals(actor.subject())) {
                        invalidation.invalidate(actor, c.getId());
                    }
                    c.decideAppeal(approve, note, actor.subject(), now);
                });
    }

    BadReviewCase rerate(Actor resident, String ratingId, Verdict verdict, String idempotencyKey, Instant at) {
        guard.require(resident.has(Role.RESIDENT), resident, "RERATE", "rating:" + ratingId);
        BadReviewCase c = ofMyRating(resident, ratingId).orElseThrow(CaseNotFoundException::new);
        if (c.hasRerating(idempotencyKey)) {
            return c;
        }
        c.rerate(verdict, idempotencyKey, at, terms(c));
        BadReviewCase saved = save(c);
        events.publishEvent(new CaseChanged(saved, CaseEvent.Type.RERATED));
        return saved;
    }

    private BadReviewCase act(Actor actor, String caseId, long version, BiPredicate<Actor, BadReviewCase> allowed,
            String auditAction, CaseEvent.Type step, Instant now, Step change) {
        BadReviewCase c = get(actor, caseId);
        guard.require(allowed.test(actor, c), actor, auditAction, "case:" + caseId);
        if (c.getVersion() != version) {
            throw new CaseTransitionException("CASE_CHANGED");
        }
        change.apply(c, now);
        BadReviewCase saved = save(c);
        guard.recordChange(actor, auditAction, "case:" + caseId);
        events.publishEvent(new CaseChanged(saved, step));
        return saved;
    }

    /** Stores under optimistic locking; the queue and figures follow. */
    BadReviewCase save(BadReviewCase c) {
        BadReviewCase saved;
        try {
            saved = cases.save(c);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new CaseTransitionException("CASE_CHANGED");
        }
        projections.project(saved);
        return saved;
    }

    CaseTerms terms(BadReviewCase c) {
        return CaseTerms.of(calendar.workingDays(), routing.ruleFor(c.getCampaignCode()).deadlines());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @FunctionalInterface
    private interface Step {
        void apply(BadReviewCase c, Instant now);
    }

}
