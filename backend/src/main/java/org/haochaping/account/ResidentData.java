package org.haochaping.account;

import java.time.Instant;
import java.util.List;

import org.haochaping.badreview.BadReviewCase;
import org.haochaping.identity.Actor;
import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.media.PhotoLibrary.UploadedPhoto;
import org.haochaping.notification.Notification;
import org.haochaping.rating.Rating;
import org.jspecify.annotations.Nullable;

/** Everything the system holds about one resident, as stored, at {@code generatedAt}. */
public record ResidentData(Instant generatedAt, Actor identity, List<RatedItem> ratings, List<UploadedPhoto> photos,
        List<Notification> notifications, List<AuditEntry> auditEntries) {

    /** A rating and, for a 差评, its case. */
    public record RatedItem(Rating rating, @Nullable BadReviewCase badReviewCase) {
    }
}
