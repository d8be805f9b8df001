package org.haochaping.integrity;

import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;

import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.RatingInvalidation;
import org.haochaping.rating.RatingNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The officials' review of the signals (异常评价): SUPERVISORs and AUDITORs see them, SUPERVISORs act.
 * Excluding a signal's ratings takes two SUPERVISORs, one proposing and another confirming, and goes
 * through {@link RatingInvalidation} like an upheld appeal: each rating kept, marked and subtracted from the
 * figures once, also when a confirmation is retried. Every step is audited.
 */
@Service
public class SignalReview {

    /** The newest signals a list shows. */
    static final int LIMIT = 500;

    private final MongoTemplate mongo;
    private final RatingInvalidation invalidation;
    private final AccessGuard guard;
    private final Clock clock;

    SignalReview(MongoTemplate mongo, RatingInvalidation invalidation, AccessGuard guard, Clock clock) {
        this.mongo = mongo;
        this.invalidation = invalidation;
        this.guard = guard;
        this.clock = clock;
    }

    /** The newest signals first, all or of one status. */
    public List<Signal> list(Actor actor, @Nullable SignalStatus status) {
        guard.require(actor.has(Role.SUPERVISOR) || actor.has(Role.AUDITOR), actor, "LIST_SIGNALS", "integrity");
        Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "detectedAt")).limit(LIMIT), Signal.class);
    }

    public Signal markSuspicious(Actor actor, String signalId) {
        return act(actor, signalId, "SIGNAL_MARKED_SUSPICIOUS", (signal, who) -> signal.markSuspicious(who, clock.instant()));
    }

    /** 排除: the signal is innocent; its ratings stay counted. */
    public Signal dismiss(Actor actor, String signalId) {
        return act(actor, signalId, "SIGNAL_DISMISSED", (signal, who) -> signal.dismiss(who, clock.instant()));
    }

    public Signal proposeExclusion(Actor actor, String signalId) {
        return act(actor, signalId, "SIGNAL_EXCLUSION_PROPOSED", (signal, who) -> signal.proposeExclusion(who, clock.instant()));
    }

    /**
     * A second SUPERVISOR confirms the exclusion: every rating of the evidence is invalidated, once. A retry
     * after a failure part-way invalidates the rest; one after success finds the signal excluded and changes nothing.
     */
    public Signal confirmExclusion(Actor actor, String signalId) {
        String target = "signal:" + signalId;
        guard.require(actor.has(Role.SUPERVISOR), actor, "CONFIRM_SIGNAL_EXCLUSION", target);
        Signal signal = find(signalId);
        if (signal.getStatus() == SignalStatus.EXCLUDED) {
            return signal; // a retried confirmation: already done, nothing subtracted again
        }
        if (signal.getStatus() != SignalStatus.EXCLUSION_PROPOSED) {
            guard.recordRefused(actor, "CONFIRM_SIGNAL_EXCLUSION", target, signal.getStatus().name());
            throw SignalTransitionException.illegal("CONFIRM_EXCLUSION", signal.getStatus());
        }
        guard.require(!signal.isProposedBy(actor.subject()), actor, "CONFIRM_OWN_SIGNAL_EXCLUSION", target);
        int excluded = 0;
        for (String ratingId : signal.getEvidence().ratingIds()) {
            try {
                if (invalidation.invalidate(actor, ratingId)) {
                    excluded++;
                }
            } catch (RatingNotFoundException gone) {
                // nothing left to subtract
            }
        }
        int newlyExcluded = excluded;
        try {
            return save(actor, signalId, "SIGNAL_EXCLUSION_CONFIRMED",
                    (current, who) -> current.confirmExclusion(who, clock.instant(), newlyExcluded));
        } catch (OptimisticLockingFailureException | SignalTransitionException concurrent) {
            Signal now = find(signalId);
            if (now.getStatus() == SignalStatus.EXCLUDED) {
                return now; // another SUPERVISOR's confirmation won; the ratings were invalidated once between us
            }
            throw concurrent;
        }
    }

    private Signal act(Actor actor, String signalId, String action, BiConsumer<Signal, String> step) {
        guard.require(actor.has(Role.SUPERVISOR), actor, action, "signal:" + signalId);
        return save(actor, signalId, action, step);
    }

    private Signal save(Actor actor, String signalId, String action, BiConsumer<Signal, String> step) {
        Signal signal = find(signalId);
        try {
            step.accept(signal, actor.subject());
        } catch (SignalTransitionException refused) {
            guard.recordRefused(actor, action, "signal:" + signalId, signal.getStatus().name());
            throw refused;
        }
        Signal saved = mongo.save(signal); // the version refuses a concurrent change (409 from the error handler)
        guard.recordChange(actor, action, "signal:" + signalId);
        return saved;
    }

    private Signal find(String signalId) {
        Signal signal = mongo.findById(signalId, Signal.class);
        if (signal == null) {
            throw new SignalNotFoundException();
        }
        return signal;
    }
}
