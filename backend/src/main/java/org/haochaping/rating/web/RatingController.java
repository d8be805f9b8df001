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
import org.haochaping.api.model.RatingSubmissionDto;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.rating.Channel;
import org.haochaping.rating.RatingRequest;
import org.haochaping.rating.RatingSubmission;
import org.haochaping.rating.ResidentRatings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;


/** Residents submit ratings, list and read their own, and add follow-ups (see api-spec). */
@RestController
class RatingController implements RatingsApi {

    private final RatingSubmission submission;
    private final ResidentRatings residentRatings;
    private final CurrentActor currentActor;
    private final RatingLimits limits;
    private final RatingMapper mapper;

    RatingController(RatingSubmission submission, ResidentRatings residentRatings, CurrentActor currentActor,
            RatingLimits limits, RatingMapper mapper) {
        this.submission = submission;
        this.residentRatings = residentRatings;
        this.currentActor = currentActor;
        this.limits = limits;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<RatingDto> submitRating(String idempotencyKey, RatingSubmissionDto body,
            @Nullable String deviceId, @Nullable String appVersion) {
        Actor resident = currentActor.get();
        limits.check(resident);
        RatingSubmission.Result result = submission.submit(resident, toRequest(body), idempotencyKey, appVersion,
                deviceId, clientAddress());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/me/ratings/" + result.rating().id()))
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .cacheControl(CacheControl.noStore())
                .body(mapper.toDto(result.rating()));
    }

    @Override
    public ResponseEntity<RatingDto> addFollowUp(String id, FollowUpSubmissionDto body) {
        RatingDto rating = mapper.toDto(residentRatings.followUp(currentActor.get(), id, body.getComment()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(rating);
    }

    @Override
    public ResponseEntity<RatingPageDto> listMyRatings(@Nullable String cursor, Integer limit) {
        ResidentRatings.Page page = residentRatings.newestFirst(currentActor.get(), cursor, limit);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RatingPageDto(mapper.toDtos(page.items())).nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<RatingDto> getMyRating(String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(mapper.toDto(residentRatings.get(currentActor.get(), id)));
    }

    /** The caller's address as the server sees it; behind a proxy, with forwarded headers applied by Boot. */
    private static String clientAddress() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest().getRemoteAddr();
    }

    /** Optional fields may be absent or null (the contract says both mean absent): no list or map, an empty one. */
    private static RatingRequest toRequest(RatingSubmissionDto body) {
        return new RatingRequest(body.getCampaignCode(), body.getSubjectId(), body.getRegionCode(), body.getLevel(),
                Objects.requireNonNullElse(body.getIndicatorScores(), Map.of()),
                List.copyOf(Objects.requireNonNullElse(body.getReasonTags(), Set.of())), body.getComment(),
                List.copyOf(Objects.requireNonNullElse(body.getPhotoIds(), Set.of())),
                body.getChannel() == null ? Channel.APP : Channel.valueOf(body.getChannel().name()),
                body.getClientSubmittedAt() == null ? null : body.getClientSubmittedAt().toInstant(),
                body.getCaseNumber());
    }
}
