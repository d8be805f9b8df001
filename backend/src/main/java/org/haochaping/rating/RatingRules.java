package org.haochaping.rating;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.Eligibility;
import org.haochaping.campaign.RatingForm;
import org.haochaping.campaign.Subject;
import org.haochaping.region.RegionTree;
import org.jspecify.annotations.Nullable;

/**
 * The rules a rating must follow, per the campaign's rating form and the national 好差评 rules:
 * what may be rated where, which reasons and indicators, a reason for every 差评, and how often
 * (eligibility). Pure: everything it needs is handed in.
 */
public final class RatingRules {

    /** Ratings queued offline are accepted for a week; clocks a few minutes fast are tolerated. */
    static final Duration OFFLINE_QUEUE_LIMIT = Duration.ofDays(7);
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final RegionTree regions;
    private final ZoneId zone;

    public RatingRules(RegionTree regions, ZoneId zone) {
        this.regions = regions;
        this.zone = zone;
    }

    /** Throws a {@link RatingRejectedException} or {@link RatingConflictException} naming the first rule broken. */
    public void check(RatingRequest request, Campaign campaign, @Nullable Subject subject, Instant now) {
        if (!campaign.isOpenForRating()) {
            throw new RatingConflictException("CAMPAIGN_NOT_OPEN", campaign.getCode());
        }
        RatingForm form = campaign.getRatingForm();
        require(Levels.isValid(request.level()), "INVALID_LEVEL");
        require(regions.exists(request.regionCode()), "UNKNOWN_REGION", request.regionCode());
        checkSubject(request, form, subject);
        checkReasons(request, form);
        checkIndicators(request.indicatorScores(), form);
        require(form.eligibility() != Eligibility.ONE_PER_CASE || request.caseNumber() != null, "CASE_NUMBER_REQUIRED");
        require(request.comment() == null || request.comment().length() <= 500, "COMMENT_TOO_LONG");
        require(request.photoIds().size() <= 3, "TOO_MANY_PHOTOS");
        Instant ratedAt = request.clientSubmittedAt();
        require(ratedAt == null || !ratedAt.isAfter(now.plus(CLOCK_TOLERANCE))
                && !ratedAt.isBefore(now.minus(OFFLINE_QUEUE_LIMIT)), "INVALID_RATED_AT");
    }

    /**
     * What the campaign allows once: resident × subject (× month), or the case number (一事一评, whose
     * only rater is its applicant). A campaign-wide rating counts for the resident's one home region,
     * so its key leaves out the region the request names: one per resident and period, wherever.
     */
    public String eligibilityKey(RatingRequest request, Campaign campaign, String resident, Instant ratedAt) {
        String campaignPart = "c:" + campaign.getCode();
        String subjectPart = request.subjectId() != null ? "s:" + request.subjectId() : "campaign-wide";
        return switch (campaign.getRatingForm().eligibility()) {
            case ONE_PER_CASE -> campaignPart + "|case:" + request.caseNumber();
            case ONE_PER_SUBJECT_PER_CAMPAIGN -> campaignPart + "|" + subjectPart + "|r:" + resident;
            case ONE_PER_SUBJECT_PER_MONTH -> campaignPart + "|" + subjectPart + "|r:" + resident
                    + "|m:" + YearMonth.from(ratedAt.atZone(zone));
        };
    }

    /**
     * An eligibility key with its resident part replaced and the rest kept, so the period's
     * uniqueness holds as before; a key without a resident (一事一评: the case) is returned as it is.
     */
    public static String eligibilityKeyReplacing(String key, String resident, String replacement) {
        String part = "|r:" + resident;
        int at = key.indexOf(part);
        while (at >= 0) {
            int end = at + part.length();
            if (end == key.length() || key.startsWith("|m:", end)) {
                return key.substring(0, at) + "|r:" + replacement + key.substring(end);
            }
            at = key.indexOf(part, at + 1);
        }
        return key;
    }

    private void checkSubject(RatingRequest request, RatingForm form, @Nullable Subject subject) {
        if (request.subjectId() == null) {
            require(form.campaignWide(), "SUBJECT_REQUIRED");
            return;
        }
        require(subject != null, "UNKNOWN_SUBJECT", request.subjectId());
        require(regions.isWithin(request.regionCode(), subject.regionCode()), "REGION_MISMATCH",
                request.regionCode(), subject.regionCode());
    }

    private static void checkReasons(RatingRequest request, RatingForm form) {
        boolean bad = Levels.isBad(request.level());
        for (String tag : request.reasonTags()) {
            require(bad ? form.isBadReason(tag) : form.isGoodReason(tag), "UNKNOWN_REASON_TAG", tag);
        }
        require(!bad || !request.reasonTags().isEmpty(), "REASON_REQUIRED");
    }

    private static void checkIndicators(Map<String, Integer> scores, RatingForm form) {
        scores.forEach((indicator, score) -> {
            require(form.hasIndicator(indicator), "UNKNOWN_INDICATOR", indicator);
            require(score != null && Levels.isValid(score), "INVALID_INDICATOR_SCORE", indicator);
        });
    }

    private static void require(boolean rule, String code, Object... details) {
        if (!rule) {
            throw new RatingRejectedException(code, details);
        }
    }
}
