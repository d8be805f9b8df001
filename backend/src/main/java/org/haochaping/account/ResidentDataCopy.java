package org.haochaping.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.CaseRecords;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.identity.audit.ActorAuditEntries;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.notification.ResidentNotifications;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ResidentRatings;
import org.haochaping.rating.ReviewHandling;
import org.haochaping.rating.ReviewStatus;
import org.haochaping.residence.HomeRegions;
import org.haochaping.servicecase.ServiceCaseRegistry;
import org.springframework.stereotype.Service;

/**
 * 个人信息查阅、复制 (PIPL art. 45): a resident's copy of everything keyed by their subject, read
 * feature by feature through cursors (ratings and their cases in batches of {@value #BATCH}), and
 * only ever the caller's own: every read is by the caller's subject, never by a parameter.
 */
@Service
public class ResidentDataCopy {

    static final int BATCH = 100;

    private final ResidentRatings ratings;
    private final ReviewHandling reviews;
    private final CaseRecords cases;
    private final PhotoLibrary photos;
    private final ResidentNotifications notifications;
    private final ActorAuditEntries auditLog;
    private final HomeRegions homeRegions;
    private final ServiceCaseRegistry serviceCases;
    private final AccessGuard guard;
    private final Clock clock;

    ResidentDataCopy(ResidentRatings ratings, ReviewHandling reviews, CaseRecords cases, PhotoLibrary photos, ResidentNotifications notifications,
            ActorAuditEntries auditLog, HomeRegions homeRegions, ServiceCaseRegistry serviceCases, AccessGuard guard,
            Clock clock) {
        this.homeRegions = homeRegions;
        this.serviceCases = serviceCases;
        this.ratings = ratings;
        this.reviews = reviews;
        this.cases = cases;
        this.photos = photos;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.guard = guard;
        this.clock = clock;
    }

    public ResidentData copyFor(Actor resident) {
        guard.require(resident.has(Role.RESIDENT), resident, "READ_OWN_DATA", "me/data");
        List<ResidentData.RatedItem> rated = new ArrayList<>();
        List<Rating> batch = new ArrayList<>(BATCH);
        ratings.forEachOf(resident, rating -> {
            batch.add(rating);
            if (batch.size() == BATCH) {
                addWithCases(resident, batch, rated);
            }
        });
        addWithCases(resident, batch, rated);
        List<PhotoLibrary.UploadedPhoto> uploaded = new ArrayList<>();
        photos.forEachUploadedBy(resident, uploaded::add);
        List<AuditEntry> audited = new ArrayList<>();
        auditLog.forEachBy(resident.subject(), audited::add);
        return new ResidentData(clock.instant(), resident, homeRegions.chosenBy(resident.subject()).orElse(null),
                serviceCases.casesOf(resident.subject()), List.copyOf(rated), List.copyOf(uploaded),
                notifications.all(resident), List.copyOf(audited));
    }

    /** The batch's ratings with their cases (one read by id for the batch); empties the batch. */
    private void addWithCases(Actor resident, List<Rating> batch, List<ResidentData.RatedItem> rated) {
        Map<String, BadReviewCase> theirCases = cases.byRatingIds(batch.stream().filter(Rating::isBad).map(Rating::id).toList());
        Map<String, ReviewStatus> statuses = reviews.statusesOf(resident, batch);
        for (Rating rating : batch) {
            BadReviewCase c = theirCases.get(rating.id());
            rated.add(new ResidentData.RatedItem(rating, statuses.getOrDefault(rating.id(), rating.status()),
                    c != null && c.getResident().equals(resident.subject()) ? c : null));
        }
        batch.clear();
    }
}
