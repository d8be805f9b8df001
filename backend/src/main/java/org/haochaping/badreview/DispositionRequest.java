package org.haochaping.badreview;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What an official decides after 回访核实: a plan (and optionally a due date) for 限期整改, an
 * explanation for 解释说明; 立行立改 needs neither.
 */
public record DispositionRequest(DispositionKind kind, @Nullable String plan, @Nullable String explanation,
        @Nullable LocalDate dueDate) {

    void check() {
        if (kind == DispositionKind.SCHEDULED && isBlank(plan)) {
            throw new CaseInputException("PLAN_REQUIRED");
        }
        if (kind == DispositionKind.EXPLANATION && isBlank(explanation)) {
            throw new CaseInputException("EXPLANATION_REQUIRED");
        }
        if (kind != DispositionKind.SCHEDULED && dueDate != null) {
            throw new CaseInputException("DUE_DATE_ONLY_FOR_SCHEDULED");
        }
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
