package org.haochaping.rating;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A resident's ratings after they erased their account: kept for the figures, with nothing left
 * that leads to the person. The rater becomes a pseudonym (one per campaign, so that the
 * campaign's count of participants stays exact: N ratings of one person stay one participant);
 * the eligibility key follows; the comment, follow-ups, photos, the request's fingerprint and the
 * device and network hashes go. Level, reasons, region, channel, origin and the count marks stay,
 * so every figure, and any later invalidation, stays exact. Repeatable: a retry finds what is left.
 */
@Service
public class RatingAnonymisation {

    /** The mark of an erased resident's pseudonym, in ratings and cases. */
    public static final String ERASED = "erased:";
    static final String ERASED_FINGERPRINT = "erased";

    private final MongoTemplate mongo;
    private final RatingCounting counting;

    RatingAnonymisation(MongoTemplate mongo, RatingCounting counting) {
        this.mongo = mongo;
        this.counting = counting;
    }

    public static boolean isErased(String resident) {
        return resident.startsWith(ERASED);
    }

    /**
     * Replaces {@code resident} in each of their ratings by {@code pseudonymOf(campaignCode)}, which must
     * start with {@link #ERASED} and give the same answer for the same campaign on a retry. Returns how
     * many ratings it anonymised.
     */
    public long anonymise(String resident, UnaryOperator<String> pseudonymOf) {
        long anonymised = 0;
        for (Map.Entry<String, List<Document>> campaign : ratingsByCampaign(resident).entrySet()) {
            String pseudonym = pseudonymOf.apply(campaign.getKey());
            if (!isErased(pseudonym)) {
                throw new IllegalArgumentException("A pseudonym is marked as erased");
            }
            anonymised += counting.replaceResident(campaign.getKey(), resident, pseudonym,
                    () -> rewrite(resident, pseudonym, campaign.getValue()));
        }
        return anonymised;
    }

    /** The ids and eligibility keys of the resident's ratings, by campaign. */
    private Map<String, List<Document>> ratingsByCampaign(String resident) {
        Query query = Query.query(Criteria.where("resident").is(resident)).with(Sort.by("_id"));
        query.fields().include("_id", "campaignCode", "eligibilityKey");
        Map<String, List<Document>> byCampaign = new LinkedHashMap<>();
        for (Document rating : mongo.find(query, Document.class, "ratings")) {
            byCampaign.computeIfAbsent(rating.getString("campaignCode"), k -> new java.util.ArrayList<>()).add(rating);
        }
        return byCampaign;
    }

    private long rewrite(String resident, String pseudonym, List<Document> ratings) {
        long rewritten = 0;
        for (Document rating : ratings) {
            Update anonymous = new Update()
                    .set("resident", pseudonym)
                    .set("eligibilityKey", RatingRules.eligibilityKeyReplacing(rating.getString("eligibilityKey"), resident, pseudonym))
                    .set("fingerprint", ERASED_FINGERPRINT)
                    .set("photoIds", List.of())
                    .set("followUps", List.of())
                    .unset("comment")
                    .unset("provenance.deviceHash")
                    .unset("provenance.ipHash");
            rewritten += mongo.updateFirst(Query.query(Criteria.where("_id").is(rating.get("_id")).and("resident").is(resident)),
                    anonymous, Rating.class).getModifiedCount();
        }
        return rewritten;
    }
}
