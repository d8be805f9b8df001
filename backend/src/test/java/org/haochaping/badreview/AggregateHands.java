package org.haochaping.badreview;

import java.time.Instant;
import java.util.List;

import org.haochaping.identity.Actor;
import org.jspecify.annotations.Nullable;

/**
 * A walk's steps on the aggregate itself, in memory: the same state machine the services drive, without
 * the store, the access checks and the audit (for the bulk load of the case benchmark and the walk's tests).
 */
final class AggregateHands implements DemoCaseWalk.Hands {

    private final CaseTerms terms;

    AggregateHands(CaseTerms terms) {
        this.terms = terms;
    }

    @Override
    public BadReviewCase contact(BadReviewCase c, Actor actor, Contact contact, Instant at) {
        c.recordContact(contact, actor.subject(), at, terms);
        return c;
    }

    @Override
    public BadReviewCase dispose(BadReviewCase c, Actor actor, DispositionRequest disposition, Instant at) {
        c.dispose(disposition, actor.subject(), at, terms);
        return c;
    }

    @Override
    public BadReviewCase rectify(BadReviewCase c, Actor actor, String evidence, Instant at) {
        c.completeRectification(new Rectification(evidence, List.of(), at), actor.subject(), terms);
        return c;
    }

    @Override
    public BadReviewCase fileAppeal(BadReviewCase c, Actor actor, AppealReason reason, String evidence, Instant at) {
        c.fileAppeal(reason, evidence, List.of(), actor.subject(), at);
        return c;
    }

    @Override
    public BadReviewCase decideAppeal(BadReviewCase c, Actor supervisor, boolean approve, String note, Instant at) {
        c.decideAppeal(approve, note, supervisor.subject(), at);
        return c;
    }

    @Override
    public BadReviewCase rerate(BadReviewCase c, Actor resident, Verdict verdict, String idempotencyKey, Instant at) {
        c.rerate(verdict, idempotencyKey, at, terms);
        return c;
    }

    @Override
    public @Nullable BadReviewCase watch(BadReviewCase c, Instant at) {
        return c.expireRerating(at) || c.checkDeadline(at, terms) ? c : null;
    }

    @Override
    public CaseTerms terms(BadReviewCase c) {
        return terms;
    }

    @Override
    public CaseDeadlines deadlines(BadReviewCase c) {
        return CaseDeadlines.DEFAULT;
    }
}
