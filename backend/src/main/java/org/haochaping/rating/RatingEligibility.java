package org.haochaping.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.Eligibility;
import org.haochaping.campaign.Subject;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.system.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * "Can I rate this now?", asked before the resident fills the form: the same rules a submission meets
 * (campaign open, subject, region, the caller's own registered case, the home region) and whether the resident already used this period's
 * rating of it, read by the unique eligibility key. Nothing is stored.
 */
@Service
public class RatingEligibility {

    /** The answer; {@code reason} is the problem code a submission would get, {@code nextEligibleAt} when it passes. */
    public record Answer(boolean eligible, @Nullable String reason, @Nullable Instant nextEligibleAt) {
    }

    private final CampaignCatalog campaigns;
    private final SubjectCatalog subjects;
    private final RatingRules rules;
    private final RatingPrerequisites prerequisites;
    private final MongoTemplate mongo;
    private final AccessGuard guard;
    private final Clock clock;

    RatingEligibility(CampaignCatalog campaigns, SubjectCatalog subjects, org.haochaping.region.RegionTree regions,
            RatingPrerequisites prerequisites, MongoTemplate mongo, AccessGuard guard, Clock clock) {
        this.campaigns = campaigns;
        this.prerequisites = prerequisites;
        this.subjects = subjects;
        this.rules = new RatingRules(regions, clock.getZone());
        this.mongo = mongo;
        this.guard = guard;
        this.clock = clock;
    }

    public Answer check(Actor resident, String campaignCode, @Nullable String subjectId, String regionCode,
            @Nullable String caseNumber) {
        guard.require(resident.has(Role.RESIDENT), resident, "CHECK_ELIGIBILITY", "campaign:" + campaignCode);
        Campaign campaign = campaigns.getForRating(campaignCode);
        Subject subject = subjectId == null ? null : subjects.find(campaignCode, subjectId).orElse(null);
        // A good rating needs no reason: what is checked is what does not depend on the verdict.
        RatingRequest probe = new RatingRequest(campaignCode, subjectId, regionCode, Levels.MAX, Map.of(), List.of(), null,
                List.of(), Channel.APP, null, caseNumber);
        Instant now = clock.instant();
        try {
            rules.check(probe, campaign, subject, now);
            prerequisites.check(probe, campaign, resident.subject(), resident.homeRegion());
        } catch (ProblemException refused) {
            return new Answer(false, refused.code(), null);
        }
        String key = rules.eligibilityKey(probe, campaign, resident.subject(), now);
        if (!mongo.exists(Query.query(Criteria.where("eligibilityKey").is(key)), Rating.class)) {
            return new Answer(true, null, null);
        }
        Instant next = campaign.getRatingForm().eligibility() == Eligibility.ONE_PER_SUBJECT_PER_MONTH
                ? YearMonth.from(now.atZone(clock.getZone())).plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant()
                : null;
        return new Answer(false, "ALREADY_RATED", next);
    }
}
