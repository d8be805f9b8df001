package org.haochaping.account;

import java.time.Instant;
import java.util.List;

import org.haochaping.badreview.BadReviewCase;
import org.haochaping.identity.Actor;
import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.media.PhotoLibrary.UploadedPhoto;
import org.haochaping.notification.Notification;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewStatus;
import org.haochaping.residence.HomeRegion;
import org.haochaping.servicecase.ServiceCase;
import org.jspecify.annotations.Nullable;

/** Everything the system holds about one resident, as stored, at {@code generatedAt}. */
public record ResidentData(Instant generatedAt, Actor identity, @Nullable HomeRegion homeRegion,
        List<ServiceCase> serviceCases, List<RatedItem> ratings, List<UploadedPhoto> photos,
        List<Notification> notifications, List<AuditEntry> auditEntries) {

    /** A rating, its status as the resident sees it (a 差评's from its case) and, for a 差评, its case. */
    public record RatedItem(Rating rating, ReviewStatus status, @Nullable BadReviewCase badReviewCase) {
    }
}
