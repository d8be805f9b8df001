package org.haochaping.badreview;

/** A case took a step (the event's type); notifications follow it. The case is as stored after the step. */
public record CaseChanged(BadReviewCase caseNow, CaseEvent.Type step) {
}
