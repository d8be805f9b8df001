package org.haochaping.badreview;

import org.jspecify.annotations.Nullable;

/**
 * The texts officials write on a case: required where the step needs one (a blank text is a 422
 * problem naming what is missing) and bounded, whether they come through the API or the console.
 */
final class CaseTexts {

    /** Evidence, plans and explanations. */
    static final int LONG = 1000;
    /** Reasons and notes. */
    static final int SHORT = 500;

    private CaseTexts() {
    }

    /** The text without surrounding blanks; blank is {@code missingCode}, longer than {@code max} is TEXT_TOO_LONG. */
    static String required(@Nullable String text, String missingCode, int max) {
        if (text == null || text.isBlank()) {
            throw new CaseInputException(missingCode);
        }
        return bounded(text, max);
    }

    /** An optional text: blank is empty. */
    static String optional(@Nullable String text, int max) {
        return text == null || text.isBlank() ? "" : bounded(text, max);
    }

    private static String bounded(String text, int max) {
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new CaseInputException("TEXT_TOO_LONG", max);
        }
        return stripped;
    }
}
