package org.haochaping.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One thing a resident is told about their 差评. Its words are made when it is read, in the
 * reader's language, from its type, variant, unit and text.
 *
 * @param id {@code <epoch millis of the step>.<case id>.<index of the step in the case's timeline>}:
 *        the same step always gives the same id, so a repeated event adds nothing
 * @param unitKey the unit that took the step ({@code department:<code>}, {@code town:<region>})
 * @param variant what kind of step, where that changes the words (a disposition's kind, an outcome)
 * @param text what the unit wrote for the resident to read (a plan, an explanation)
 */
public record Notification(String id, Instant at, Type type, String ratingId, String campaignCode, String unitKey,
        @Nullable String variant, @Nullable String text, boolean read) {

    /** The steps residents are told about. */
    public enum Type { CONTACTED, DISPOSED, RECTIFIED, REOPENED, SUPERVISED, APPEAL_APPROVED, CLOSED }

    /** Newest first; the id breaks ties (and holds the time, so it orders like the time). */
    static final java.util.Comparator<Notification> NEWEST_FIRST = java.util.Comparator
            .comparing(Notification::at).thenComparing(Notification::id).reversed();

    /** Whether this one is {@code other} or older than it (for "read up to"). */
    boolean isAtOrBefore(Instant otherAt, String otherId) {
        int byTime = at.compareTo(otherAt);
        return byTime < 0 || byTime == 0 && id.compareTo(otherId) <= 0;
    }

    Notification markedRead() {
        return read ? this : new Notification(id, at, type, ratingId, campaignCode, unitKey, variant, text, true);
    }

    /** The time a notification id holds, or null if it is no notification id. */
    static @Nullable Instant timeOf(String id) {
        int dot = id.indexOf('.');
        try {
            return dot <= 0 ? null : Instant.ofEpochMilli(Long.parseLong(id.substring(0, dot)));
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }
}
