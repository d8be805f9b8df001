package org.haochaping.rating;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A resident's 好差评 verdict. Immutable once submitted: a follow-up comment (追评) is appended and
 * the review status is moved by the bad-review workflow, nothing else ever changes.
 *
 * @param resident the rater's subject at the identity provider; never shown to officials' reports by name
 * @param townCode the town of {@code regionCode}, for statistics by town (null at county level)
 * @param ratedAt when the resident rated: {@code clientSubmittedAt} for ratings queued offline, else {@code submittedAt}
 * @param id derived from the resident and their {@code Idempotency-Key}: a retry of the same rating
 *        lands on the same {@code _id}, so idempotency costs no index of its own
 * @param eligibilityKey unique: what the campaign allows once (resident × subject × period, or case)
 * @param fingerprint of the request, to tell a retry from another request under the same key
 * @param invalidated set when an appeal (申诉复核) excludes the rating; it is kept, never deleted
 * @param countMark which counter counts the rating into the figures (see {@link RatingCounting})
 * @param invalidationMark likewise for its invalidation, which the figures subtract
 */
@Document("ratings")
@CompoundIndex(name = "resident_newest", def = "{'resident': 1, 'submittedAt': -1, '_id': -1}")
@CompoundIndex(name = "campaign_rated", def = "{'campaignCode': 1, 'ratedAt': 1}")
@CompoundIndex(name = "count_mark", def = "{'countMark.writer': 1, 'countMark.seq': 1}")
@CompoundIndex(name = "invalidation_mark", def = "{'invalidationMark.writer': 1, 'invalidationMark.seq': 1}")
// The provenance retention finds the ratings past it by submission time.
@CompoundIndex(name = "submitted", def = "{'submittedAt': 1}")
public record Rating(
        @Id String id,
        String campaignCode,
        @Nullable String subjectId,
        String regionCode,
        @Nullable String townCode,
        int level,
        Map<String, Integer> indicatorScores,
        List<String> reasonTags,
        @Nullable String comment,
        List<String> photoIds,
        Channel channel,
        @Nullable String caseNumber,
        Instant submittedAt,
        @Nullable Instant clientSubmittedAt,
        Instant ratedAt,
        String resident,
        ReviewStatus status,
        List<FollowUp> followUps,
        Provenance provenance,
        @Indexed(unique = true) String eligibilityKey,
        String fingerprint,
        boolean invalidated,
        @Nullable CountMark countMark,
        @Nullable CountMark invalidationMark) {

    public boolean isBad() {
        return Levels.isBad(level);
    }
}
