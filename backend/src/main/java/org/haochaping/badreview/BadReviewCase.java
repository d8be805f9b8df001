package org.haochaping.badreview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.haochaping.rating.Rating;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The case a 差评 opens (差评工单), its own aggregate beside the immutable rating: its id is the
 * rating's id, so a rating opens one case however often its opening is repeated. Each transition
 * is a method that checks the current state and refuses with a 409 problem; the version makes two
 * officials acting at once conflict instead of overwriting each other. Deadlines come in as instants
 * ({@link CaseTerms} computes them in working days), so the state machine stays pure.
 */
@Document("bad_review_cases")
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "campaign_opened", def = "{'campaignCode': 1, 'openedAt': 1}")
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "resident", def = "{'resident': 1}")
public class BadReviewCase {

    /** A resident who has not re-rated this long after the fix: the case closes as 未复评. */
    public static final Duration RERATING_WINDOW = Duration.ofDays(7);
    /** 不满意 reopens a case this often; the next 不满意 goes to the lead department's MANAGER (督办). */
    static final int REOPENINGS = 1;
    private static final String SYSTEM = "system";

    @Id
    private final String id;
    private final String campaignCode;
    private final @Nullable String subjectId;
    private final String regionCode;
    private final @Nullable String townCode;
    private final String resident;
    private final int ratingLevel;
    private final String leadDepartment;
    private final Instant openedAt;
    private Unit unit;
    private CaseStatus status;
    /** When the current round's clock started: the opening, a reopening or the start of 督办. */
    private Instant roundStartedAt;
    private final Instant contactDueAt;
    private @Nullable Contact contact;
    private @Nullable Boolean contactedOnTime;
    private @Nullable Disposition disposition;
    private @Nullable Rectification rectification;
    /** When the unit last finished its part (整改完成 or 解释说明), and whether by its deadline. */
    private @Nullable Instant handledAt;
    private @Nullable Boolean handledOnTime;
    private int handlingDays;
    private @Nullable Instant dueAt;
    private boolean overdue;
    private @Nullable Instant rerateBy;
    private final List<Rerating> reratings;
    /** The Idempotency-Keys of the resident's re-ratings, so that a retry is not a second verdict. */
    private final List<String> reratingKeys;
    private int reopenings;
    private boolean supervised;
    private Escalation escalation;
    private @Nullable Appeal appeal;
    private @Nullable CaseOutcome outcome;
    private @Nullable Instant closedAt;
    private final List<CaseEvent> events;
    @Version
    private @Nullable Long version;

    @PersistenceCreator
    BadReviewCase(String id, String campaignCode, @Nullable String subjectId, String regionCode,
            @Nullable String townCode, String resident, int ratingLevel, String leadDepartment, Instant openedAt,
            Unit unit, CaseStatus status, Instant roundStartedAt, Instant contactDueAt, @Nullable Contact contact,
            @Nullable Boolean contactedOnTime, @Nullable Disposition disposition,
            @Nullable Rectification rectification, @Nullable Instant handledAt, @Nullable Boolean handledOnTime,
            int handlingDays, @Nullable Instant dueAt, boolean overdue, @Nullable Instant rerateBy, List<Rerating> reratings,
            List<String> reratingKeys, int reopenings, boolean supervised, Escalation escalation, @Nullable Appeal appeal,
            @Nullable CaseOutcome outcome, @Nullable Instant closedAt, List<CaseEvent> events, @Nullable Long version) {
        this.id = id;
        this.campaignCode = campaignCode;
        this.subjectId = subjectId;
        this.regionCode = regionCode;
        this.townCode = townCode;
        this.resident = resident;
        this.ratingLevel = ratingLevel;
        this.leadDepartment = leadDepartment;
        this.openedAt = openedAt;
        this.unit = unit;
        this.status = status;
        this.roundStartedAt = roundStartedAt;
        this.contactDueAt = contactDueAt;
        this.contact = contact;
        this.contactedOnTime = contactedOnTime;
        this.disposition = disposition;
        this.rectification = rectification;
        this.handledAt = handledAt;
        this.handledOnTime = handledOnTime;
        this.handlingDays = handlingDays;
        this.dueAt = dueAt;
        this.overdue = overdue;
        this.rerateBy = rerateBy;
        this.reratings = new ArrayList<>(reratings);
        this.reratingKeys = new ArrayList<>(reratingKeys);
        this.reopenings = reopenings;
        this.supervised = supervised;
        this.escalation = escalation;
        this.appeal = appeal;
        this.outcome = outcome;
        this.closedAt = closedAt;
        this.events = new ArrayList<>(events);
        this.version = version;
    }

    /** The case of a 差评, awaiting contact by its responsible unit. */
    public static BadReviewCase open(Rating rating, Unit unit, String leadDepartment, CaseTerms terms) {
        Instant opened = rating.submittedAt(); // not ratedAt: an offline rating's clock starts when it arrives
        Instant contactDue = terms.contactDue(opened);
        BadReviewCase created = new BadReviewCase(rating.id(), rating.campaignCode(), rating.subjectId(),
                rating.regionCode(), rating.townCode(), rating.resident(), rating.level(), leadDepartment,
                opened, unit, CaseStatus.AWAITING_CONTACT, opened, contactDue, null, null, null,
                null, null, null, 0, contactDue, false, null, List.of(), List.of(), 0, false, Escalation.NONE, null, null, null,
                List.of(), null);
        created.record(opened, CaseEvent.Type.OPENED, SYSTEM, null);
        return created;
    }

    /** 回访核实. The contact happened at {@code contact.at()}, no earlier than the case and no later than now. */
    public void recordContact(Contact contact, String actor, Instant now, CaseTerms terms) {
        require(status == CaseStatus.AWAITING_CONTACT, "CONTACT");
        if (contact.at().isBefore(openedAt) || contact.at().isAfter(now)) {
            throw new CaseInputException("CONTACT_TIME_OUT_OF_RANGE");
        }
        this.contact = contact;
        this.contactedOnTime = !overdue && contact.at().isBefore(contactDueAt); // once flagged late, backdating cannot undo it
        this.status = CaseStatus.AWAITING_DISPOSITION;
        this.dueAt = terms.immediateDue(roundStartedAt);
        this.overdue = false;
        record(now, CaseEvent.Type.CONTACTED, actor, null);
    }

    /** 立行立改, 限期整改 (a plan and a due date no later than the campaign allows) or 解释说明. */
    public void dispose(DispositionRequest requested, String actor, Instant now, CaseTerms terms) {
        require(status == CaseStatus.AWAITING_DISPOSITION, "DISPOSE");
        requested.check();
        Instant due = switch (requested.kind()) {
            case IMMEDIATE -> terms.immediateDue(roundStartedAt);
            case SCHEDULED -> terms.scheduledDue(roundStartedAt, requested.dueDate(), now);
            case EXPLANATION -> null;
        };
        this.disposition = new Disposition(requested.kind(), requested.plan(), requested.explanation(), due, now);
        record(now, CaseEvent.Type.DISPOSED, actor, requested.kind() == DispositionKind.EXPLANATION
                ? requested.explanation() : requested.plan());
        if (due == null) {
            handled(now, terms.immediateDue(roundStartedAt), terms);
        } else {
            this.status = CaseStatus.RECTIFYING;
            this.dueAt = due;
            this.overdue = false; // the deadline check flags it, and escalates
        }
    }

    /** 整改完成, with the evidence; the resident is asked to re-rate. */
    public void completeRectification(Rectification done, String actor, CaseTerms terms) {
        require(status == CaseStatus.RECTIFYING, "RECTIFY");
        this.rectification = done;
        record(done.at(), CaseEvent.Type.RECTIFIED, actor, null);
        handled(done.at(), dueAt, terms);
    }

    private void handled(Instant now, @Nullable Instant due, CaseTerms terms) {
        this.handledAt = now;
        this.handlingDays = terms.workingDaysBetween(openedAt, now);
        this.handledOnTime = due == null || now.isBefore(due);
        this.status = CaseStatus.AWAITING_RERATING;
        this.dueAt = null;
        this.overdue = false;
        this.rerateBy = now.plus(RERATING_WINDOW);
    }

    /**
     * The resident's re-rating. 满意 and 基本满意 close the case; 不满意 reopens it to the same unit
     * once, then sends it to the lead department's MANAGER (督办), then closes it as 不满意.
     */
    public void rerate(Verdict verdict, String idempotencyKey, Instant now, CaseTerms terms) {
        require(status == CaseStatus.AWAITING_RERATING, "RERATE");
        reratings.add(new Rerating(verdict, now));
        reratingKeys.add(idempotencyKey);
        record(now, CaseEvent.Type.RERATED, "resident", verdict.name());
        if (verdict.isSatisfied()) {
            close(now, verdict == Verdict.SATISFIED ? CaseOutcome.SATISFIED : CaseOutcome.BASICALLY_SATISFIED);
        } else if (supervised) {
            close(now, CaseOutcome.UNSATISFIED);
        } else if (reopenings < REOPENINGS) {
            reopenings++;
            startRound(now, terms);
            record(now, CaseEvent.Type.REOPENED, SYSTEM, null);
        } else {
            supervised = true;
            unit = Unit.department(leadDepartment);
            if (escalation.compareTo(Escalation.MANAGER) < 0) { // a SUPERVISOR already watching it keeps watching
                escalation = Escalation.MANAGER;
            }
            startRound(now, terms);
            record(now, CaseEvent.Type.SUPERVISED, SYSTEM, null);
        }
    }

    private void startRound(Instant now, CaseTerms terms) {
        roundStartedAt = now;
        status = CaseStatus.AWAITING_DISPOSITION;
        disposition = null;
        rectification = null;
        rerateBy = null;
        dueAt = terms.immediateDue(now);
        overdue = false;
    }

    /** Closes a fixed case whose resident did not re-rate in time (未复评). Returns whether it did. */
    public boolean expireRerating(Instant now) {
        if (status != CaseStatus.AWAITING_RERATING || rerateBy == null || now.isBefore(rerateBy)) {
            return false;
        }
        close(now, CaseOutcome.NOT_RERATED);
        return true;
    }

    /**
     * Flags a case past its deadline and escalates it: to the MANAGER when it becomes overdue, to a
     * SUPERVISOR some working days later ({@link CaseTerms#supervisorFrom}). Returns whether anything changed.
     */
    public boolean checkDeadline(Instant now, CaseTerms terms) {
        if (!status.isOpen() || dueAt == null || now.isBefore(dueAt)) {
            return false;
        }
        Instant supervisorFrom = terms.supervisorFrom(dueAt);
        boolean changed = false;
        if (!overdue) {
            overdue = true;
            if (status == CaseStatus.AWAITING_CONTACT) {
                contactedOnTime = false;
            }
            record(now, CaseEvent.Type.OVERDUE, SYSTEM, null);
            changed = true;
        }
        Escalation due = now.isBefore(supervisorFrom) ? Escalation.MANAGER : Escalation.SUPERVISOR;
        if (due.compareTo(escalation) > 0) {
            escalation = due;
            record(now, CaseEvent.Type.ESCALATED, SYSTEM, due.name());
            changed = true;
        }
        return changed;
    }

    /**
     * Hands the case to another unit (MANAGERs and SUPERVISORs, with a reason). A case under 督办
     * stays with the lead department: handing it on would undo the escalation.
     */
    public void reassign(Unit to, String reason, String actor, Instant now) {
        require(status.isOpen() && !supervised, "REASSIGN");
        if (to.equals(unit)) {
            throw new CaseTransitionException("ALREADY_ASSIGNED");
        }
        unit = to;
        record(now, CaseEvent.Type.REASSIGNED, actor, reason);
    }

    /** 申诉复核, once per case, while it is open. The deadlines keep running (see README). */
    public void fileAppeal(AppealReason reason, String evidence, List<String> photoIds, String actor, Instant now) {
        require(status.isOpen(), "APPEAL");
        if (appeal != null) {
            throw new CaseTransitionException("ALREADY_APPEALED");
        }
        appeal = Appeal.filed(reason, evidence, photoIds, actor, now);
        record(now, CaseEvent.Type.APPEAL_FILED, actor, reason.name());
    }

    /**
     * A SUPERVISOR's decision, never the filer's. Approved: the case closes as 申诉成立 (the caller
     * invalidates the rating); rejected: the case goes on.
     */
    public void decideAppeal(boolean approve, String note, String actor, Instant now) {
        requireAppealDecidableBy(actor);
        appeal = appeal.decided(approve, actor, now, note);
        record(now, approve ? CaseEvent.Type.APPEAL_APPROVED : CaseEvent.Type.APPEAL_REJECTED, actor, note);
        if (approve) {
            close(now, CaseOutcome.APPEAL_UPHELD);
        }
    }

    /**
     * Refuses unless {@code actor} may decide the appeal now: one is pending on an open case, and
     * they did not file it. Callers check this before any side effect of an approval.
     */
    void requireAppealDecidableBy(String actor) {
        if (appeal == null || !appeal.isPending() || !status.isOpen()) {
            throw new CaseTransitionException("NO_PENDING_APPEAL");
        }
        if (appeal.filedBy().equals(actor)) {
            throw new CaseTransitionException("OWN_APPEAL");
        }
    }

    private void close(Instant now, CaseOutcome how) {
        status = CaseStatus.CLOSED;
        outcome = how;
        closedAt = now;
        dueAt = null;
        overdue = false;
        rerateBy = null;
        record(now, CaseEvent.Type.CLOSED, SYSTEM, how.name());
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw CaseTransitionException.illegal(action, status);
        }
    }

    private void record(Instant at, CaseEvent.Type type, @Nullable String actor, @Nullable String note) {
        events.add(new CaseEvent(at, type, unit, actor, note));
    }

    public String getId() { return id; }
    public String getCampaignCode() { return campaignCode; }
    public @Nullable String getSubjectId() { return subjectId; }
    public String getRegionCode() { return regionCode; }
    public @Nullable String getTownCode() { return townCode; }
    public String getResident() { return resident; }
    public int getRatingLevel() { return ratingLevel; }
    public String getLeadDepartment() { return leadDepartment; }
    public Instant getOpenedAt() { return openedAt; }
    public Unit getUnit() { return unit; }
    public CaseStatus getStatus() { return status; }
    public Instant getRoundStartedAt() { return roundStartedAt; }
    public Instant getContactDueAt() { return contactDueAt; }
    public @Nullable Contact getContact() { return contact; }
    public @Nullable Boolean getContactedOnTime() { return contactedOnTime; }
    public @Nullable Disposition getDisposition() { return disposition; }
    public @Nullable Rectification getRectification() { return rectification; }
    public @Nullable Instant getHandledAt() { return handledAt; }
    public @Nullable Boolean getHandledOnTime() { return handledOnTime; }
    public int getHandlingDays() { return handlingDays; }
    public @Nullable Instant getDueAt() { return dueAt; }
    public boolean isOverdue() { return overdue; }
    public @Nullable Instant getRerateBy() { return rerateBy; }
    public List<Rerating> getReratings() { return List.copyOf(reratings); }
    public boolean hasRerating(String idempotencyKey) { return reratingKeys.contains(idempotencyKey); }
    /** The verdict given under this Idempotency-Key, if any (the keys and the re-ratings are kept in step). */
    public @Nullable Verdict verdictUnder(String idempotencyKey) {
        int index = reratingKeys.indexOf(idempotencyKey);
        return index < 0 || index >= reratings.size() ? null : reratings.get(index).verdict();
    }
    public int getReopenings() { return reopenings; }
    public boolean isSupervised() { return supervised; }
    public Escalation getEscalation() { return escalation; }
    public @Nullable Appeal getAppeal() { return appeal; }
    public @Nullable CaseOutcome getOutcome() { return outcome; }
    public @Nullable Instant getClosedAt() { return closedAt; }
    public List<CaseEvent> getEvents() { return List.copyOf(events); }
    public long getVersion() { return version == null ? 0 : version; }
}
