package org.haochaping.badreview;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Reading a case's timeline as its resident is told it (the resident's view and their notifications). */
public final class ResidentTimeline {

    private ResidentTimeline() {
    }

    /**
     * The kind of the disposition recorded at {@code index} (a {@link CaseEvent.Type#DISPOSED} step):
     * the case keeps the current round's; an earlier round's was an explanation if the resident
     * re-rated without a rectification in between, and otherwise is not told apart (null).
     */
    public static @Nullable DispositionKind dispositionAt(BadReviewCase c, int index) {
        List<CaseEvent> events = c.getEvents();
        List<CaseEvent> later = events.subList(index + 1, events.size());
        if (c.getDisposition() != null && later.stream().noneMatch(e -> e.type() == CaseEvent.Type.DISPOSED)) {
            return c.getDisposition().kind();
        }
        for (CaseEvent event : later) {
            switch (event.type()) {
                case RECTIFIED -> {
                    return null;
                }
                case RERATED, CLOSED -> {
                    return DispositionKind.EXPLANATION;
                }
                default -> { }
            }
        }
        return null;
    }
}
