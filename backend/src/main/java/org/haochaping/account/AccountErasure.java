package org.haochaping.account;

import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.haochaping.badreview.CaseAnonymisation;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.ResidentErased;
import org.haochaping.identity.Role;
import org.haochaping.identity.audit.AuditLog;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.notification.ResidentNotifications;
import org.haochaping.rating.RatingAnonymisation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * 注销账号 (PIPL art. 47): erases a resident's account in two steps, a code asked for
 * ({@link #requestCode}) and the erasure carrying it ({@link #erase}), so that neither a slip nor a
 * replayed request erases anything. Then, each step repeatable, so that a retry finishes what an
 * interrupted try began: the cases lose their link to the person, the photos are deleted, the
 * notifications too, and the ratings are anonymised (still counted, exactly as before). The audit
 * log records the erasure by its receipt, never by the subject, and {@link ResidentErased} tells
 * other features (sessions) to let go of the account.
 */
@Service
public class AccountErasure {

    /** The erasure's audit action; the actor is {@value #AUDIT_ACTOR}, the target {@code erasure:<receiptId>}. */
    public static final String AUDIT_ACTION = "ACCOUNT_ERASED";
    public static final String AUDIT_ACTOR = "erased-resident";

    /** A code for the resident to confirm with. */
    public record Confirmation(String code, Instant expiresAt) {
    }

    /** What the erasure did. */
    public record Receipt(String id, Instant erasedAt, long ratingsAnonymised, long casesAnonymised, long photosDeleted,
            long notificationsDeleted) {
    }

    private final ErasureConfirmations confirmations;
    private final CaseAnonymisation cases;
    private final PhotoLibrary photos;
    private final ResidentNotifications notifications;
    private final RatingAnonymisation ratings;
    private final AuditLog auditLog;
    private final AccessGuard guard;
    private final ApplicationEventPublisher events;

    AccountErasure(ErasureConfirmations confirmations, CaseAnonymisation cases, PhotoLibrary photos,
            ResidentNotifications notifications, RatingAnonymisation ratings, AuditLog auditLog, AccessGuard guard,
            ApplicationEventPublisher events) {
        this.confirmations = confirmations;
        this.cases = cases;
        this.photos = photos;
        this.notifications = notifications;
        this.ratings = ratings;
        this.auditLog = auditLog;
        this.guard = guard;
        this.events = events;
    }

    /** Step one: a code, valid for a few minutes, that replaces any earlier one. Residents only. */
    public Confirmation requestCode(Actor resident) {
        guard.require(resident.has(Role.RESIDENT), resident, "REQUEST_ACCOUNT_ERASURE", "me");
        ErasureConfirmations.Issued issued = confirmations.issue(resident.subject());
        return new Confirmation(issued.code(), issued.expiresAt());
    }

    /**
     * Step two: erases the caller's account if {@code code} confirms it (else a 4xx problem, and
     * nothing erased). A retry with the same code gets the same receipt.
     */
    public Receipt erase(Actor resident, @Nullable String code) {
        guard.require(resident.has(Role.RESIDENT), resident, "ERASE_ACCOUNT", "me");
        String subject = resident.subject();
        ErasureConfirmations.Accepted accepted = confirmations.accept(subject, code);
        if (accepted.receipt() != null) {
            events.publishEvent(new ResidentErased(subject));
            return accepted.receipt();
        }
        String secret = accepted.secret();
        // Cases first: they are found by the subject, which the ratings' anonymisation would no longer tell.
        confirmations.count(accepted.id(), "cases", cases.anonymise(subject));
        confirmations.count(accepted.id(), "photos", photos.deleteAllOf(subject));
        confirmations.count(accepted.id(), "notifications", notifications.forget(subject));
        confirmations.count(accepted.id(), "ratings", ratings.anonymise(subject, campaign -> pseudonym(secret, campaign)));
        ErasureConfirmations.Finished finished = confirmations.finish(accepted.id());
        if (finished.byThisCall()) {
            Receipt receipt = finished.receipt();
            auditLog.record(AUDIT_ACTOR, Set.of(Role.RESIDENT.name()), AUDIT_ACTION, "erasure:" + receipt.id(),
                    "ratings=%d cases=%d photos=%d notifications=%d".formatted(receipt.ratingsAnonymised(),
                            receipt.casesAnonymised(), receipt.photosDeleted(), receipt.notificationsDeleted()));
        }
        events.publishEvent(new ResidentErased(subject));
        return finished.receipt();
    }

    /** The erased resident's pseudonym in one campaign: the same on a retry, unrelated across campaigns and people. */
    static String pseudonym(@Nullable String secret, String campaignCode) {
        if (secret == null) {
            throw new IllegalStateException("An erasure in progress has its secret");
        }
        byte[] digest = java.util.HexFormat.of().parseHex(ErasureConfirmations.sha256Hex(secret + "|" + campaignCode));
        return RatingAnonymisation.ERASED + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
    }
}
