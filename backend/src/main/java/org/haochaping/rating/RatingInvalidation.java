package org.haochaping.rating;

import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Excludes a rating from every figure (an upheld appeal, 申诉复核): it is kept and marked, and the
 * figures subtract it exactly once, through the same counting as its submission. SUPERVISORs only
 * until the appeal workflow decides who may.
 */
@Service
public class RatingInvalidation {

    private final MongoTemplate mongo;
    private final RatingCounting counting;
    private final AccessGuard guard;

    RatingInvalidation(MongoTemplate mongo, RatingCounting counting, AccessGuard guard) {
        this.mongo = mongo;
        this.counting = counting;
        this.guard = guard;
    }

    /** Returns whether this call invalidated it (false: it was invalidated before). */
    public boolean invalidate(Actor actor, String ratingId) {
        guard.require(actor.has(Role.SUPERVISOR), actor, "INVALIDATE_RATING", "rating:" + ratingId);
        CountMark mark = counting.markNext(ratingId);
        Rating invalidated;
        try {
            invalidated = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(ratingId).and("invalidated").is(false)),
                    new Update().set("invalidated", true).set("invalidationMark", mark),
                    FindAndModifyOptions.options().returnNew(true), Rating.class);
        } catch (RuntimeException | Error failed) {
            counting.uncertain(ratingId, mark);
            throw failed;
        }
        if (invalidated == null) {
            counting.abandoned(mark);
            if (!mongo.exists(Query.query(Criteria.where("_id").is(ratingId)), Rating.class)) {
                throw new RatingNotFoundException();
            }
            return false;
        }
        counting.stored(invalidated, mark);
        guard.recordChange(actor, "RATING_INVALIDATED", "rating:" + ratingId);
        return true;
    }
}
