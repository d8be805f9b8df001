package org.haochaping.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.Subject;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.AccessGuard;
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
 * insert whose {@code _id} (derived from the Idempotency-Key) and unique eligibility key enforce
 * both idempotency and eligibility (so concurrent retries and double taps store it once), made
 * durable, and only then acknowledged.
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
    private final RatingCounting counting;
    private final RatingRules rules;
    private final RatingPrerequisites prerequisites;
    private final AccessGuard guard;
    private final Clock clock;

    RatingSubmission(Ratings ratings, CampaignCatalog campaigns, SubjectCatalog subjects, RegionTree regions,
            PhotoLibrary photos, ProvenanceHasher hasher, WriteDurability durability, ApplicationEventPublisher events,
            RatingCounting counting, RatingPrerequisites prerequisites, AccessGuard guard, Clock clock) {
        this.counting = counting;
        this.prerequisites = prerequisites;
        this.guard = guard;
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
        guard.require(resident.has(Role.RESIDENT), resident, "SUBMIT_RATING", "campaign:" + request.campaignCode());
        Provenance provenance = new Provenance(Origin.RESIDENT, appVersion, hasher.hash(deviceId), hasher.hashNetwork(ip));
        return submit(resident.subject(), resident.homeRegion(), request, idempotencyKey, provenance,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Any rating, at any time: also for generated demo data, which goes through the same rules.
     * Times are kept to the millisecond, as the store keeps them, so a retry returns the same rating.
     */
    Result submit(String resident, RatingRequest request, String idempotencyKey, Provenance provenance, Instant now) {
        return submit(resident, null, request, idempotencyKey, provenance, now);
    }

    /** @param vouchedHome the home region the identity provider vouches for, if any */
    private Result submit(String resident, @Nullable String vouchedHome, RatingRequest request, String idempotencyKey,
            Provenance provenance, Instant now) {
        Campaign campaign = campaigns.getForRating(request.campaignCode());
        Subject subject = request.subjectId() == null ? null
                : subjects.find(campaign.getCode(), request.subjectId()).orElse(null);
        rules.check(request, campaign, subject, now);
        prerequisites.check(request, campaign, resident, vouchedHome);
        String claimKey = resident + ":" + idempotencyKey;
        if (!photos.areClaimable(resident, request.photoIds(), claimKey)) {
            throw new RatingRejectedException("UNKNOWN_PHOTO");
        }
        Instant ratedAt = request.clientSubmittedAt() != null ? request.clientSubmittedAt() : now;
        String id = idFor(claimKey);
        String town = regions.townOf(request.regionCode()).map(Region::code).orElse(null);
        String eligibilityKey = rules.eligibilityKey(request, campaign, resident, ratedAt);
        CountMark mark = counting.markNext(id);
        Rating rating = new Rating(id, campaign.getCode(), request.subjectId(), request.regionCode(), town,
                request.level(), request.indicatorScores(), request.reasonTags(), request.comment(), request.photoIds(),
                request.channel(), request.caseNumber(), now, request.clientSubmittedAt(), ratedAt, resident,
                ReviewStatus.initialFor(request.level()), List.of(), provenance, eligibilityKey, request.fingerprint(),
                false, mark, null);
        try {
            ratings.insert(rating);
        } catch (DuplicateKeyException duplicate) {
            counting.abandoned(mark);
            return replayOrRefuse(rating.id(), request, resident, claimKey);
        } catch (RuntimeException | Error failed) {
            counting.uncertain(rating.id(), mark); // the store may have taken it before failing
            throw failed;
        }
        counting.stored(rating, mark);
        completeAndAwaitDurable(rating, resident, claimKey);
        events.publishEvent(new RatingSubmitted(rating));
        return new Result(rating, false);
    }

    /**
     * What follows the insert, also on a retry: if it failed the first time, the rating is stored
     * and counted all the same, and the retry finishes it (claiming photos is idempotent).
     */
    private void completeAndAwaitDurable(Rating rating, String resident, String claimKey) {
        photos.claim(resident, rating.photoIds(), claimKey, rating.id(), rating.campaignCode(), rating.regionCode());
        durability.awaitDurable();
    }

    /** The insert hit a unique key: a retry of this very request, a reused key, or a second rating. */
    private Result replayOrRefuse(String id, RatingRequest request, String resident, String claimKey) {
        Rating earlier = ratings.findById(id).orElse(null);
        if (earlier == null) {
            throw new RatingConflictException("ALREADY_RATED");
        }
        if (!earlier.fingerprint().equals(request.fingerprint())) {
            throw new RatingRejectedException("IDEMPOTENCY_KEY_REUSED");
        }
        completeAndAwaitDurable(earlier, resident, claimKey);
        return new Result(earlier, true);
    }

    /**
     * The rating's id: 128 bits of SHA-256 over the resident and their Idempotency-Key, URL-safe.
     * The same retry gets the same id; the id tells nothing about who rated.
     */
    static String idFor(String residentAndKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(residentAndKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
