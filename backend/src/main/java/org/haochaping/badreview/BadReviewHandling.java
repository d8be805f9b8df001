package org.haochaping.badreview;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingInvalidation;
import org.haochaping.region.RegionLevel;
import org.haochaping.region.RegionTree;
import org.haochaping.system.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
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
    private final PhotoLibrary photos;
    private final RegionTree regions;
    private final MongoTemplate mongo;
    /** The time of the actions under way on this thread, when the demo backdates them ({@link #asOf}). */
    private final ThreadLocal<Instant> asOf = new ThreadLocal<>();

    BadReviewHandling(BadReviewCases cases, CaseAccess access, CaseRouting routing, HolidayCalendar calendar,
            CaseProjections projections, RatingInvalidation invalidation, AccessGuard guard,
            ApplicationEventPublisher events, Clock clock, PhotoLibrary photos, RegionTree regions, MongoTemplate mongo) {
        this.photos = photos;
        this.regions = regions;
        this.mongo = mongo;
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

    /**
     * One case, for an official whose scope covers it (others are refused and audited). Whoever is no
     * official is refused before the case is looked up, so they cannot learn which cases exist.
     */
    public BadReviewCase get(Actor actor, String caseId) {
        guard.require(actor.isOfficial(), actor, "READ_CASE", "case:" + caseId);
        BadReviewCase c = cases.findById(caseId).orElseThrow(CaseNotFoundException::new);
        guard.require(access.canSee(actor, c), actor, "READ_CASE", "case:" + caseId);
        return c;
    }

    /** The 差评 behind a case, for an official who may see the case (the rating's id is the case's). */
    public Rating ratingOf(Actor actor, String caseId) {
        return ratingOf(get(actor, caseId));
    }

    /** The 差评 behind a case the caller holds (they got it from a method that checked their scope). */
    public Rating ratingOf(BadReviewCase c) {
        Rating rating = mongo.findById(c.getId(), Rating.class);
        if (rating == null) {
            throw new CaseNotFoundException();
        }
        return rating;
    }

    /** What the actor may do to the case now: the steps its state allows and their role and scope permit. */
    public Set<CaseAction> actionsFor(Actor actor, BadReviewCase c) {
        Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
        if (!c.getStatus().isOpen()) {
            return allowed;
        }
        boolean handles = access.canHandle(actor, c);
        switch (c.getStatus()) {
            case AWAITING_CONTACT -> addIf(allowed, handles, CaseAction.CONTACT);
            case AWAITING_DISPOSITION -> addIf(allowed, handles, CaseAction.DISPOSE);
            case RECTIFYING -> addIf(allowed, handles, CaseAction.RECTIFY);
            default -> { }
        }
        addIf(allowed, access.canReassign(actor, c), CaseAction.REASSIGN);
        addIf(allowed, c.getAppeal() == null && actor.has(Role.HANDLER) && handles, CaseAction.APPEAL);
        addIf(allowed, c.getAppeal() != null && c.getAppeal().isPending() && access.canDecideAppeals(actor)
                && !c.getAppeal().filedBy().equals(actor.subject()), CaseAction.DECIDE_APPEAL);
        return allowed;
    }

    /** Due soon: not overdue, at most one working day left (as the queue's filter says it). */
    public boolean isDueSoon(@Nullable Instant dueAt, boolean overdue) {
        return dueAt != null && !overdue && calendar.workingDays().isDueSoon(clock.instant(), dueAt);
    }

    /** The resident's own case (of their rating); anyone else's does not exist for them. */
    public java.util.Optional<BadReviewCase> ofMyRating(Actor resident, String ratingId) {
        return cases.findById(ratingId).filter(c -> c.getResident().equals(resident.subject()));
    }

    /** 回访核实; the note is for officials only, and may be empty. */
    public BadReviewCase recordContact(Actor actor, String caseId, long version, Contact contact) {
        return act(actor, caseId, version, access::canHandle, "CASE_CONTACTED", CaseEvent.Type.CONTACTED,
                (c, now) -> c.recordContact(new Contact(contact.at(), contact.method(), contact.finding(),
                        CaseTexts.optional(contact.note(), CaseTexts.SHORT)), actor.subject(), now, terms(c)));
    }

    /** 立行立改, 限期整改 or 解释说明; the plan and the explanation are what the resident will read. */
    public BadReviewCase dispose(Actor actor, String caseId, long version, DispositionRequest disposition) {
        return act(actor, caseId, version, access::canHandle, "CASE_DISPOSED", CaseEvent.Type.DISPOSED,
                (c, now) -> c.dispose(new DispositionRequest(disposition.kind(), blankIsNone(disposition.plan()),
                        blankIsNone(disposition.explanation()), disposition.dueDate()), actor.subject(), now, terms(c)));
    }

    private static @Nullable String blankIsNone(@Nullable String text) {
        return text == null || text.isBlank() ? null : CaseTexts.optional(text, CaseTexts.LONG);
    }

    /**
     * 整改完成, with evidence: a text and up to six photos the actor uploaded that nothing else uses.
     * The photos are claimed for the case once the step is allowed, before the case is stored; from
     * then on the officials who see the case and the resident whose case it is may see them.
     */
    public BadReviewCase completeRectification(Actor actor, String caseId, long version, String evidence,
            List<String> photoIds) {
        return act(actor, caseId, version, access::canHandle, "CASE_RECTIFIED", CaseEvent.Type.RECTIFIED, (c, now) -> {
            String text = CaseTexts.required(evidence, "EVIDENCE_REQUIRED", CaseTexts.LONG);
            checkEvidencePhotos(actor, caseId, photoIds, PhotoLibrary.Evidence.RECTIFICATION);
            c.completeRectification(new Rectification(text, photoIds, now), actor.subject(), terms(c));
            claimEvidencePhotos(actor, c, photoIds, PhotoLibrary.Evidence.RECTIFICATION);
        });
    }

    /** 转办 to a department or a town of the county, with a reason (audited). */
    public BadReviewCase reassign(Actor actor, String caseId, long version, Unit to, String reason) {
        return act(actor, caseId, version, access::canReassign, "CASE_REASSIGNED", CaseEvent.Type.REASSIGNED, (c, now) -> {
            String text = CaseTexts.required(reason, "REASSIGNMENT_REASON_REQUIRED", CaseTexts.SHORT);
            boolean known = switch (to.kind()) {
                case TOWN -> regions.find(to.code()).filter(town -> town.level() == RegionLevel.TOWN).isPresent();
                case DEPARTMENT -> to.code().matches("[a-z0-9][a-z0-9-]{0,63}");
            };
            if (!known) {
                throw new CaseInputException("UNKNOWN_UNIT", to.code());
            }
            c.reassign(to, text, actor.subject(), now);
        });
    }

    /** 申诉 by a HANDLER who may act on the case, with evidence (text and up to six of their photos). */
    public BadReviewCase fileAppeal(Actor actor, String caseId, long version, AppealReason reason, String evidence,
            List<String> photoIds) {
        return act(actor, caseId, version, (a, c) -> a.has(Role.HANDLER) && access.canHandle(a, c),
                "CASE_APPEAL_FILED", CaseEvent.Type.APPEAL_FILED, (c, now) -> {
                    String text = CaseTexts.required(evidence, "EVIDENCE_REQUIRED", CaseTexts.LONG);
                    checkEvidencePhotos(actor, caseId, photoIds, PhotoLibrary.Evidence.APPEAL);
                    c.fileAppeal(reason, text, photoIds, actor.subject(), now);
                    claimEvidencePhotos(actor, c, photoIds, PhotoLibrary.Evidence.APPEAL);
                });
    }

    /**
     * A SUPERVISOR other than the filer decides. Approval invalidates the rating first (idempotent),
     * so a retry after a failure completes the decision without subtracting the rating twice.
     */
    public BadReviewCase decideAppeal(Actor actor, String caseId, long version, boolean approve, String decisionNote) {
        return act(actor, caseId, version, (a, c) -> access.canDecideAppeals(a), "CASE_APPEAL_DECIDED",
                approve ? CaseEvent.Type.APPEAL_APPROVED : CaseEvent.Type.APPEAL_REJECTED, (c, now) -> {
                    String note = CaseTexts.required(decisionNote, "DECISION_NOTE_REQUIRED", CaseTexts.SHORT);
                    c.requireAppealDecidableBy(actor.subject()); // before invalidating: a closed case keeps its rating
                    if (approve) {
                        invalidation.invalidate(actor, c.getId());
                    }
                    c.decideAppeal(approve, note, actor.subject(), now);
                });
    }

    /**
     * The resident's re-rating of the fix: only the rater (for anyone else the case does not exist),
     * only while the case awaits it and its window is open (else 409 {@code NOT_AWAITING_RERATING}).
     * A repeated {@code idempotencyKey} returns the case as it is, so a retry is no second verdict;
     * the same key with another verdict is a 422 {@code IDEMPOTENCY_KEY_REUSED}.
     */
    public BadReviewCase rerate(Actor resident, String ratingId, Verdict verdict, String idempotencyKey) {
        return rerateIdempotently(resident, ratingId, verdict, idempotencyKey).caseNow();
    }

    /** {@link #rerate}, telling also whether the key had been used for this verdict already (a replay). */
    public Rerated rerateIdempotently(Actor resident, String ratingId, Verdict verdict, String idempotencyKey) {
        BadReviewCase c = ofMyRating(resident, ratingId).orElseThrow(CaseNotFoundException::new);
        Rerated replay = refusalsAudited(resident, "CASE_RERATED", ratingId, () -> replayOf(c, verdict, idempotencyKey));
        if (replay != null) {
            return replay;
        }
        Instant now = now();
        BadReviewCase saved;
        try {
            saved = refusalsAudited(resident, "CASE_RERATED", ratingId, () -> {
                if (c.getStatus() != CaseStatus.AWAITING_RERATING
                        || c.getRerateBy() != null && !now.isBefore(c.getRerateBy())) {
                    throw new CaseTransitionException("NOT_AWAITING_RERATING");
                }
                c.rerate(verdict, idempotencyKey, now, terms(c));
                return save(c);
            });
        } catch (CaseTransitionException concurrent) {
            // The same re-rating sent twice at once: the one that was stored answers the other.
            Rerated stored = replayOf(ofMyRating(resident, ratingId).orElseThrow(CaseNotFoundException::new), verdict,
                    idempotencyKey);
            if (stored != null) {
                return stored;
            }
            throw concurrent;
        }
        events.publishEvent(new CaseChanged(saved, CaseEvent.Type.RERATED));
        return new Rerated(saved, false);
    }

    /** A re-rating and whether it was a retry of one already taken (then the case is as it is). */
    public record Rerated(BadReviewCase caseNow, boolean replayed) {
    }

    private static @Nullable Rerated replayOf(BadReviewCase c, Verdict verdict, String idempotencyKey) {
        Verdict earlier = c.verdictUnder(idempotencyKey);
        if (earlier == null) {
            return null;
        }
        if (earlier != verdict) {
            throw new CaseInputException("IDEMPOTENCY_KEY_REUSED");
        }
        return new Rerated(c, true);
    }

    /** Before anything changes: the photos must be the actor's own, free or already this case's evidence. */
    private void checkEvidencePhotos(Actor actor, String caseId, List<String> photoIds, PhotoLibrary.Evidence kind) {
        if (photoIds.size() > Rectification.MAX_PHOTOS) {
            throw new CaseInputException("EVIDENCE_TOO_MANY_PHOTOS", Rectification.MAX_PHOTOS);
        }
        if (!photos.areClaimable(actor.subject(), photoIds, PhotoLibrary.evidenceKey(caseId, kind))) {
            throw new CaseInputException("UNKNOWN_PHOTO");
        }
    }

    private void claimEvidencePhotos(Actor actor, BadReviewCase c, List<String> photoIds, PhotoLibrary.Evidence kind) {
        photos.claimAsEvidence(actor.subject(), photoIds, new PhotoLibrary.CaseEvidence(c.getId(), kind,
                c.getCampaignCode(), c.getRegionCode(), kind == PhotoLibrary.Evidence.RECTIFICATION ? c.getResident() : null));
    }

    private static void addIf(Set<CaseAction> actions, boolean allowed, CaseAction action) {
        if (allowed) {
            actions.add(action);
        }
    }

    private BadReviewCase act(Actor actor, String caseId, long version, BiPredicate<Actor, BadReviewCase> allowed,
            String auditAction, CaseEvent.Type step, Step change) {
        BadReviewCase c = get(actor, caseId);
        guard.require(allowed.test(actor, c), actor, auditAction, "case:" + caseId);
        BadReviewCase saved = refusalsAudited(actor, auditAction, caseId, () -> {
            if (c.getVersion() != version) {
                throw new CaseTransitionException("CASE_CHANGED");
            }
            change.apply(c, now());
            return save(c);
        });
        guard.recordChange(actor, auditAction, "case:" + caseId);
        events.publishEvent(new CaseChanged(saved, step));
        return saved;
    }

    /** Runs a step; a refusal by the case (409 or 422) is audited, like a refusal of role or scope, and rethrown. */
    private <T> T refusalsAudited(Actor actor, String auditAction, String caseId, Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException refused) {
            guard.recordRefused(actor, auditAction, "case:" + caseId, refused.code());
            throw refused;
        }
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
        Instant backdated = asOf.get();
        return backdated != null ? backdated : clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Runs actions as if it were {@code at}: for the demo data, which walks cases through their past
     * (DemoCases) with the same checks, state machine, audit and projections; only the time differs.
     */
    <T> T asOf(Instant at, Supplier<T> actions) {
        asOf.set(at.truncatedTo(ChronoUnit.MILLIS));
        try {
            return actions.get();
        } finally {
            asOf.remove();
        }
    }

    @FunctionalInterface
    private interface Step {
        void apply(BadReviewCase c, Instant now);
    }

}
