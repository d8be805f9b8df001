package org.haochaping.badreview;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haochaping.identity.Actor;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewHandling;
import org.haochaping.rating.ReviewProgress;
import org.haochaping.rating.ReviewProgress.Fix;
import org.haochaping.rating.ReviewProgress.Outcome;
import org.haochaping.rating.ReviewProgress.Stage;
import org.haochaping.rating.ReviewProgress.Step;
import org.haochaping.rating.ReviewProgress.StepType;
import org.haochaping.rating.ReviewStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A resident's case as they see it ({@link ReviewHandling}): the steps {@link CaseEvent.Type#shownToResident},
 * the unit (never an official), the plan or explanation the unit gave them, the photos of the fix;
 * not the contact note, reassignments, deadlines, escalations, appeals under review or decision notes.
 */
@Component
class ResidentCases implements ReviewHandling {

    private final BadReviewCases cases;
    private final BadReviewHandling handling;
    private final UnitNames units;
    private final Clock clock;

    ResidentCases(BadReviewCases cases, BadReviewHandling handling, UnitNames units, Clock clock) {
        this.cases = cases;
        this.handling = handling;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public Optional<ReviewProgress> progressOf(Actor resident, Rating rating) {
        if (!rating.isBad() || !rating.resident().equals(resident.subject())) {
            return Optional.empty();
        }
        return handling.ofMyRating(resident, rating.id()).map(this::progress);
    }

    @Override
    public Map<String, ReviewStatus> statusesOf(Actor resident, List<Rating> ratings) {
        List<String> bad = ratings.stream().filter(r -> r.isBad() && r.resident().equals(resident.subject()))
                .map(Rating::id).toList();
        Map<String, ReviewStatus> statuses = new HashMap<>();
        if (!bad.isEmpty()) {
            for (BadReviewCase c : cases.findAllById(bad)) {
                if (c.getResident().equals(resident.subject())) {
                    statuses.put(c.getId(), stage(c).reviewStatus());
                }
            }
        }
        return statuses;
    }

    @Override
    public ReviewProgress.Rerated rerate(Actor resident, Rating rating, Verdict verdict, String idempotencyKey) {
        if (!rating.isBad() || handling.ofMyRating(resident, rating.id()).isEmpty()) {
            throw new CaseTransitionException("NOT_AWAITING_RERATING");
        }
        BadReviewHandling.Rerated rerated = handling.rerateIdempotently(resident, rating.id(),
                org.haochaping.badreview.Verdict.valueOf(verdict.name()), idempotencyKey);
        return new ReviewProgress.Rerated(progress(rerated.caseNow()), rerated.replayed());
    }

    ReviewProgress progress(BadReviewCase c) {
        Instant now = clock.instant();
        Stage stage = stage(c);
        List<Step> steps = new ArrayList<>();
        List<CaseEvent> events = c.getEvents();
        for (int i = 0; i < events.size(); i++) {
            CaseEvent event = events.get(i);
            if (event.type().shownToResident()) {
                steps.add(step(c, events, i));
            }
        }
        return new ReviewProgress(stage, outcome(c.getOutcome()), units.of(c.getUnit()),
                c.getDisposition() == null ? null : Fix.valueOf(c.getDisposition().kind().name()),
                c.getStatus() == CaseStatus.RECTIFYING ? c.getDueAt() : null, steps,
                c.getRectification() == null ? List.of() : c.getRectification().photoIds(), c.getRerateBy(),
                c.getStatus() == CaseStatus.AWAITING_RERATING && c.getRerateBy() != null && now.isBefore(c.getRerateBy()));
    }

    static Stage stage(BadReviewCase c) {
        return switch (c.getStatus()) {
            case AWAITING_CONTACT -> Stage.AWAITING_CONTACT;
            case AWAITING_DISPOSITION -> Stage.CONTACTED;
            case RECTIFYING -> Stage.RECTIFYING;
            case AWAITING_RERATING -> Stage.AWAITING_RERATING;
            case CLOSED -> Stage.CLOSED;
        };
    }

    private Step step(BadReviewCase c, List<CaseEvent> events, int index) {
        CaseEvent event = events.get(index);
        StepType type = StepType.valueOf(event.type().name());
        return switch (type) {
            case DISPOSED -> new Step(event.at(), type, nameOf(ResidentTimeline.dispositionAt(c, index)), units.of(event.unit()),
                    event.note());
            case RERATED -> new Step(event.at(), type, event.note(), units.of(event.unit()), null);
            case CLOSED -> new Step(event.at(), type, event.note() == null ? null : outcome(CaseOutcome.valueOf(event.note())).name(),
                    units.of(event.unit()), null);
            // The decision note of an upheld appeal is the supervisors'; the resident is told the outcome only.
            default -> new Step(event.at(), type, null, units.of(event.unit()), null);
        };
    }

    private static @Nullable String nameOf(@Nullable DispositionKind kind) {
        return kind == null ? null : kind.name();
    }

    private static @Nullable Outcome outcome(@Nullable CaseOutcome outcome) {
        if (outcome == null) {
            return null;
        }
        return outcome == CaseOutcome.APPEAL_UPHELD ? Outcome.EXCLUDED_AFTER_REVIEW : Outcome.valueOf(outcome.name());
    }
}
