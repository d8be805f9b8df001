package org.haochaping.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.Subject;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.ForbiddenException;
import org.haochaping.identity.Role;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.region.Region;
import org.haochaping.region.RegionTree;
import org.haochaping.system.store.WriteDurability;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Where a rating is submitted. A rating is checked against its campaign's rules, stored with one
 * insert whose unique keys enforce both eligibility and idempotency (so concurrent retries and
 * double taps store it once), made durable, and only then acknowledged.
 */
@Service
public class RatingSubmission {

    /** The stored rating, and whether this call was a retry of an earlier one. */
    public record Result(Rating rating, boolean replayed) {
    }

    private final Ratings ratings;
    private final CampaignCatalog campaigns;
    private final SubjectCatalog subjects;
    private final RegionTree regions;
    private final PhotoLibrary photos;
    private final ProvenanceHasher hasher;
    private final WriteDurability durability;
    private final ApplicationEventPublisher events;
    private final RatingRules rules;
    private final Clock clock;

    RatingSubmission(Ratings ratings, CampaignCatalog campaigns, SubjectCatalog subjects, RegionTree regions,
            PhotoLibrary photos, ProvenanceHasher hasher, WriteDurability durability, ApplicationEventPublisher events,
            Clock clock) {
        this.ratings = ratings;
        this.campaigns = campaigns;
        this.subjects = subjects;
        this.regions = regions;
        this.photos = photos;
        this.hasher = hasher;
        this.durability = durability;
        this.events = events;
        this.clock = clock;
        this.rules = new RatingRules(regions, clock.getZone());
    }

    /**
     * A resident's own rating through the app.
     *
     * @param deviceId and {@code ip} are hashed, never stored as such
     */
    public Result submit(Actor resident, RatingRequest request, String idempotencyKey, @Nullable String appVersion,
            @Nullable String deviceId, @Nullable String ip) {
        if (!resident.has(Role.RESIDENT)) {
            throw new ForbiddenException();
        }
        Provenance provenance = new Provenance(Origin.RESIDENT, appVersion, hasher.hash(deviceId), hasher.hash(ip));
        return submit(resident.subject(), request, idempotencyKey, provenance,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Any rating, at any time: also for generated demo data, which goes through the same rules.
     * Times are kept to the millisecond, as the store keeps them, so a retry returns the same rating.
     */
    Result submit(String resident, RatingRequest request, String idempotencyKey, Provenance provenance, Instant now) {
        Campaign campaign = campaigns.getForRating(request.campaignCode());
        Subject subject = request.subjectId() == null ? null
                : subjects.find(campaign.getCode(), request.subjectId()).orElse(null);
        rules.check(request, campaign, subject, now);
        String claimKey = resident + ":" + idempotencyKey;
        if (!photos.areClaimable(resident, request.photoIds(), claimKey)) {
            throw new RatingRejectedException("UNKNOWN_PHOTO");
        }
        Instant ratedAt = request.clientSubmittedAt() != null ? request.clientSubmittedAt() : now;
        Rating rating = new Rating(newId(), campaign.getCode(), request.subjectId(), request.regionCode(),
                regions.townOf(request.regionCode()).map(Region::code).orElse(null), request.level(),
                request.indicatorScores(), request.reasonTags(), request.comment(), request.photoIds(), request.channel(),
                request.caseNumber(), now, request.clientSubmittedAt(), ratedAt, resident,
                ReviewStatus.initialFor(request.level()), List.of(), provenance,
                rules.eligibilityKey(request, campaign, resident, ratedAt), claimKey, request.fingerprint(), false);
        try {
            ratings.insert(rating);
        } catch (DuplicateKeyException duplicate) {
            return replayOrRefuse(claimKey, request);
        }
        photos.claim(resident, request.photoIds(), claimKey, rating.id(), rating.campaignCode(), rating.regionCode());
        durability.awaitDurable();
        events.publishEvent(new RatingSubmitted(rating));
        return new Result(rating, false);
    }

    /** The insert hit a unique key: a retry of this very request, a reused key, or a second rating. */
    private Result replayOrRefuse(String idempotencyKey, RatingRequest request) {
        Rating earlier = ratings.findByIdempotencyKey(idempotencyKey).orElse(null);
        if (earlier == null) {
            throw new RatingConflictException("ALREADY_RATED");
        }
        if (!earlier.fingerprint().equals(request.fingerprint())) {
            throw new RatingRejectedException("IDEMPOTENCY_KEY_REUSED");
        }
        durability.awaitDurable();
        return new Result(earlier, true);
    }

    /** 128 random bits, URL-safe: not guessable, and not telling anything about the rater. */
    private static String newId() {
        UUID random = UUID.randomUUID();
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (random.getMostSignificantBits() >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (random.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
