package org.haochaping.integrity;

import java.time.Instant;

import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.jspecify.annotations.Nullable;

/**
 * A rating as the detector sees it: no name, no words.
 *
 * @param residentKey a one-way key of the resident, to count distinct residents; never stored in a signal
 * @param residentFirstRatedAt when this resident first rated in the system (for "new accounts")
 */
record RatingFact(String id, String campaignCode, @Nullable String subjectId, @Nullable String townCode, int level,
        Instant ratedAt, Origin origin, Channel channel, @Nullable String deviceHash, @Nullable String ipHash,
        String residentKey, Instant residentFirstRatedAt) {

    RatingFact firstRatedAt(Instant first) {
        return new RatingFact(id, campaignCode, subjectId, townCode, level, ratedAt, origin, channel, deviceHash, ipHash,
                residentKey, first);
    }

    boolean isGood() {
        return org.haochaping.rating.Levels.isGood(level);
    }

    /** Entered by staff (代评) or by the system rather than given by the resident. */
    boolean isEnteredForResident() {
        return origin != Origin.RESIDENT;
    }

    /** Given on the resident's own device: a hall's evaluator device is shared by everybody by design. */
    boolean isOnOwnDevice() {
        return origin == Origin.RESIDENT && channel != Channel.ON_SITE_DEVICE;
    }
}
