package org.haochaping.badreview;

import org.haochaping.identity.Actor;
import org.haochaping.rating.Rating;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The 差评 behind a case (its level, reasons, comment and photos), for the officials who may see
 * the case: the case page shows it beside the timeline. The rating's id is the case's id.
 */
@Service
public class CaseRatings {

    private final BadReviewHandling handling;
    private final MongoTemplate mongo;

    CaseRatings(BadReviewHandling handling, MongoTemplate mongo) {
        this.handling = handling;
        this.mongo = mongo;
    }

    /** The rating of a case in the official's scope (others are refused and audited, as for the case). */
    public Rating of(Actor official, String caseId) {
        handling.get(official, caseId);
        Rating rating = mongo.findById(caseId, Rating.class);
        if (rating == null) {
            throw new CaseNotFoundException();
        }
        return rating;
    }
}
