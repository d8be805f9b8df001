package org.haochaping.rating;

import java.time.Instant;
import java.util.List;

import org.haochaping.system.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * How a 差评 is being handled, as its rater may see it (told by {@link ReviewHandling}): where it
 * stands, the unit that handles it (never an official), the steps so far with what the unit wrote
 * for the resident (a plan, an explanation), the photos of the fix, and whether it can be re-rated now.
 *
 * @param fixDueAt while rectifying, when the fix is due
 * @param rerateBy until when the resident may re-rate
 */
public record ReviewProgress(Stage stage, @Nullable Outcome outcome, LocalizedText unitName, @Nullable Fix disposition,
        @Nullable Instant fixDueAt, List<Step> steps, List<String> evidencePhotoIds, @Nullable Instant rerateBy,
        boolean canRerate) {

    public ReviewProgress {
        steps = List.copyOf(steps);
        evidencePhotoIds = List.copyOf(evidencePhotoIds);
    }

    /** Where the case stands, in the resident's terms. */
    public enum Stage {
        AWAITING_CONTACT, CONTACTED, RECTIFYING, AWAITING_RERATING, CLOSED;

        /** The rating's status in lists (one word per stage of the old placeholder). */
        public ReviewStatus reviewStatus() {
            return switch (this) {
                case AWAITING_CONTACT -> ReviewStatus.AWAITING_CONTACT;
                case CONTACTED, RECTIFYING -> ReviewStatus.BEING_HANDLED;
                case AWAITING_RERATING -> ReviewStatus.FIXED_AWAITING_RERATING;
                case CLOSED -> ReviewStatus.CLOSED;
            };
        }
    }

    /** How a closed case ended; an upheld appeal excluded the rating from every figure. */
    public enum Outcome { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED, NOT_RERATED, EXCLUDED_AFTER_REVIEW }

    /** What the unit decided: fix at once, fix by a date, or explain. */
    public enum Fix { IMMEDIATE, SCHEDULED, EXPLANATION }

    /** The steps a resident is shown (not reassignments, deadlines, escalations or appeals under review). */
    public enum StepType { OPENED, CONTACTED, DISPOSED, RECTIFIED, RERATED, REOPENED, SUPERVISED, APPEAL_APPROVED, CLOSED }

    /**
     * One step.
     *
     * @param variant what kind of step it was, where that changes its words: the disposition's
     *        {@link Fix}, the verdict of a re-rating, the {@link Outcome} of the closing
     * @param text what the unit wrote for the resident to read
     */
    public record Step(Instant at, StepType type, @Nullable String variant, LocalizedText unitName, @Nullable String text) {
    }

    /** A re-rating's result, and whether it was the retry of one already taken. */
    public record Rerated(ReviewProgress progress, boolean replayed) {
    }
}
