package org.haochaping.rating;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/** What a resident submits: their verdict on a subject (or the campaign as a whole) in a region. */
public record RatingRequest(
        String campaignCode,
        @Nullable String subjectId,
        String regionCode,
        int level,
        Map<String, Integer> indicatorScores,
        List<String> reasonTags,
        @Nullable String comment,
        List<String> photoIds,
        Channel channel,
        @Nullable Instant clientSubmittedAt,
        @Nullable String caseNumber) {

    public RatingRequest {
        indicatorScores = new TreeMap<>(indicatorScores);
        reasonTags = List.copyOf(reasonTags);
        photoIds = List.copyOf(photoIds);
        comment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    /** Identifies the request's content, so a retry can be told from a different request under the same key. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
