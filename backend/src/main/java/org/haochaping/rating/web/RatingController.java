package org.haochaping.rating.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.haochaping.api.RatingsApi;
import org.haochaping.api.model.FollowUpSubmissionDto;
import org.haochaping.api.model.RatingDto;
import org.haochaping.api.model.RatingPageDto;
import org.haochaping.api.model.RatingReratingDto;
import org.haochaping.api.model.ReviewStatusDto;
import org.haochaping.api.model.RatingSubmissionDto;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.rating.Channel;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.rating.ChannelOfClient;
import org.haochaping.rating.RatingEligibility;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingRequest;
import org.haochaping.rating.RatingSubmission;
import org.haochaping.rating.ResidentRatings;
import org.haochaping.rating.ReviewHandling;
import org.haochaping.rating.ReviewProgress;
import org.haochaping.rating.ReviewStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;


/**
 * Residents submit ratings, list and read their own, add follow-ups, and follow and re-rate the
 * handling of their 差评 (see api-spec). A 差评's status and handling come from its case.
 */
@RestController
class RatingController implements RatingsApi {

    private final RatingSubmission submission;
    private final ResidentRatings residentRatings;
    private final ReviewHandling reviews;
    private final CurrentActor currentActor;
    private final RatingLimits limits;
    private final RatingMapper mapper;
    private final HandlingTexts texts;
    private final ChannelOfClient channels;
    private final RatingEligibility eligibility;
    private final CampaignCatalog campaigns;

    RatingController(RatingSubmission submission, ResidentRatings residentRatings, ReviewHandling reviews,
            CurrentActor currentActor, RatingLimits limits, RatingMapper mapper, HandlingTexts texts, ChannelOfClient channels,
            RatingEligibility eligibility, CampaignCatalog campaigns) {
        this.campaigns = campaigns;
        this.channels = channels;
        this.eligibility = eligibility;
        this.submission = submission;
        this.residentRatings = residentRatings;
        this.reviews = reviews;
        this.currentActor = currentActor;
        this.limits = limits;
        this.mapper = mapper;
        this.texts = texts;
    }

    @Override
    public ResponseEntity<RatingDto> submitRating(String idempotencyKey, RatingSubmissionDto body,
            @Nullable String deviceId, @Nullable String appVersion) {
        Actor resident = currentActor.get();
        limits.check(resident);
        requireCurrentForm(body);
        Channel channel = channels.of(currentActor.client().orElse(null));
        RatingSubmission.Result result = submission.submit(resident, toRequest(body, channel), idempotencyKey, appVersion,
                deviceId, clientAddress());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/me/ratings/" + result.rating().id()))
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .cacheControl(CacheControl.noStore())
                .body(mapper.toDto(result.rating()));
    }

    @Override
    public ResponseEntity<org.haochaping.api.model.RatingEligibilityAnswerDto> checkRatingEligibility(String code,
            String regionCode, @Nullable String subjectId, @Nullable String caseNumber) {
        RatingEligibility.Answer answer = eligibility.check(currentActor.get(), code, subjectId, regionCode, caseNumber);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new org.haochaping.api.model.RatingEligibilityAnswerDto(
                answer.eligible()).reason(answer.reason())
                .nextEligibleAt(answer.nextEligibleAt() == null ? null : answer.nextEligibleAt().atOffset(java.time.ZoneOffset.UTC)));
    }

    @Override
    public ResponseEntity<RatingDto> addFollowUp(String id, String idempotencyKey, FollowUpSubmissionDto body) {
        Actor resident = currentActor.get();
        ResidentRatings.FollowedUp followedUp = residentRatings.followUp(resident, id, body.getComment(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .header("Idempotent-Replayed", String.valueOf(followedUp.replayed()))
                .body(withStatuses(resident, List.of(followedUp.rating())).getFirst());
    }

    @Override
    public ResponseEntity<RatingPageDto> listMyRatings(@Nullable String cursor, Integer limit) {
        Actor resident = currentActor.get();
        ResidentRatings.Page page = residentRatings.newestFirst(resident, cursor, limit);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RatingPageDto(withStatuses(resident, page.items())).nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<RatingDto> getMyRating(String id) {
        Actor resident = currentActor.get();
        Rating rating = residentRatings.get(resident, id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(withHandling(rating, reviews.progressOf(resident, rating).orElse(null)));
    }

    /** Only the rater: for anyone else the rating does not exist (404), whatever their role. */
    @Override
    public ResponseEntity<RatingDto> rerateRating(String id, String idempotencyKey, RatingReratingDto body) {
        Actor resident = currentActor.get();
        Rating rating = residentRatings.get(resident, id);
        ReviewProgress.Rerated rerated = reviews.rerate(resident, rating,
                ReviewHandling.Verdict.valueOf(body.getVerdict().name()), idempotencyKey);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header("Idempotent-Replayed", String.valueOf(rerated.replayed()))
                .body(withHandling(rating, rerated.progress()));
    }

    private RatingDto withHandling(Rating rating, @Nullable ReviewProgress progress) {
        RatingDto dto = mapper.toDto(rating);
        if (progress != null) {
            dto.status(ReviewStatusDto.fromValue(progress.stage().reviewStatus().name()))
                    .handling(mapper.toHandling(progress, texts));
        }
        return dto;
    }

    /** The ratings with their cases' statuses (one read for the page). */
    private List<RatingDto> withStatuses(Actor resident, List<Rating> ratings) {
        Map<String, ReviewStatus> statuses = reviews.statusesOf(resident, ratings);
        return ratings.stream().map(rating -> {
            RatingDto dto = mapper.toDto(rating);
            ReviewStatus status = statuses.get(rating.id());
            return status == null ? dto : dto.status(ReviewStatusDto.fromValue(status.name()));
        }).toList();
    }

    /** A rating filled against an older revision of the campaign's form is refused with the current form. */
    private void requireCurrentForm(RatingSubmissionDto body) {
        Campaign campaign = campaigns.getForRating(body.getCampaignCode());
        if (body.getFormVersion() != campaign.getFormVersion()) {
            throw new FormChangedException(mapper.toForm(campaign.getRatingForm(), campaign.getFormVersion()), body.getFormVersion());
        }
    }

    /** The caller's address as the server sees it; behind a proxy, with forwarded headers applied by Boot. */
    private static String clientAddress() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest().getRemoteAddr();
    }

    /**
     * Optional fields may be absent or null (the contract says both mean absent): no list or map, an empty one.
     * The channel is the server's to decide, from the client the token was issued to.
     */
    private static RatingRequest toRequest(RatingSubmissionDto body, Channel channel) {
        return new RatingRequest(body.getCampaignCode(), body.getSubjectId(), body.getRegionCode(), body.getLevel(),
                Objects.requireNonNullElse(body.getIndicatorScores(), Map.of()),
                List.copyOf(Objects.requireNonNullElse(body.getReasonTags(), Set.of())), body.getComment(),
                List.copyOf(Objects.requireNonNullElse(body.getPhotoIds(), Set.of())),
                channel,
                body.getClientSubmittedAt() == null ? null : body.getClientSubmittedAt().toInstant(),
                body.getCaseNumber());
    }
}
