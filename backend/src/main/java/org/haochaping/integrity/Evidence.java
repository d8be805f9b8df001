package org.haochaping.integrity;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why a signal fired, in numbers an official can check: never a resident's identity.
 *
 * @param count the ratings (or, for {@link SignalKind#GOOD_AFTER_CONTACT}, the 好评 after calls) in the window
 * @param residents how many distinct residents gave them
 * @param baselineCount ratings of the same subject or town in the baseline before the window (bursts only)
 * @param baselineFrom where that baseline starts (it ends where the window starts)
 * @param expected the count the baseline's rate expects in a window this long
 * @param pValue the chance of at least {@code count} under that rate (Poisson), bursts only
 * @param share the share of the window's ratings that made it fire (new residents, staff-entered)
 * @param ratingIds the ratings involved: those an exclusion would exclude
 * @param caseIds the 差评 cases whose calls preceded the 好评 ({@link SignalKind#GOOD_AFTER_CONTACT} only)
 */
public record Evidence(Instant windowStart, Instant windowEnd, int count, int residents, @Nullable Integer baselineCount,
        @Nullable Instant baselineFrom, @Nullable Double expected, @Nullable Double pValue, @Nullable Double share,
        List<String> ratingIds, List<String> caseIds) {

    public Evidence {
        ratingIds = List.copyOf(ratingIds);
        caseIds = List.copyOf(caseIds);
    }
}
