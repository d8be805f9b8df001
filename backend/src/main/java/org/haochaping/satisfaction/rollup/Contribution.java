package org.haochaping.satisfaction.rollup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.haochaping.rating.CountMark;
import org.haochaping.rating.Rating;
import org.haochaping.satisfaction.Tally;

/**
 * What one stored change of a rating does to the figures: a new rating adds its tally to each of
 * its rollups and one rating to its resident's participation; an invalidation ({@code sign} -1)
 * takes the same away.
 *
 * @param participant the campaign × resident pair, the resident only as a hash
 */
record Contribution(String ratingId, CountMark mark, int sign, List<RollupKey> keys, Tally tally,
        String campaignCode, String participant) {

    /** The change of {@code rating} that {@code mark} was given to: its insert or its invalidation. */
    static Contribution of(Rating rating, CountMark mark, ZoneId zone) {
        int sign = mark.equals(rating.invalidationMark()) ? -1 : 1;
        return new Contribution(rating.id(), mark, sign, RollupKey.of(rating, zone), Tally.counting(rating).times(sign),
                rating.campaignCode(), participant(rating.campaignCode(), rating.resident()));
    }

    /** Whether the stored rating carries {@code mark}, i.e. the change it was given to was stored. */
    static boolean isStoredIn(Rating rating, CountMark mark) {
        return mark.equals(rating.countMark()) || mark.equals(rating.invalidationMark());
    }

    /** The participant document's id: the campaign and 96 bits of SHA-256 of the resident. */
    static String participant(String campaignCode, String resident) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(resident.getBytes(StandardCharsets.UTF_8));
            return campaignCode + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String campaignOf(String participant) {
        return participant.substring(0, participant.indexOf('|'));
    }
}
