package org.haochaping.identity.local;

import java.time.Duration;
import java.time.Instant;

/**
 * The absolute lifetime of a refresh token family: all refresh tokens rotated from one sign-in.
 * Each rotation gets the idle lifetime again, but never beyond the family's end, so a stolen (or
 * forgotten) device cannot stay signed in forever by refreshing.
 */
record RefreshTokenLifetime(Duration absolute) {

    Instant expiresAt(Instant familyStartedAt, Instant now, Duration idle) {
        Instant idleEnd = now.plus(idle);
        Instant familyEnd = familyStartedAt.plus(absolute);
        return idleEnd.isBefore(familyEnd) ? idleEnd : familyEnd;
    }

    boolean isOver(Instant familyStartedAt, Instant now) {
        return !now.isBefore(familyStartedAt.plus(absolute));
    }
}
