package org.haochaping.badreview;

import java.util.UUID;

import org.bson.Document;
import org.haochaping.rating.RatingAnonymisation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The cases of a resident who erased their account: the units' work stays whole (steps, deadlines,
 * plans, evidence, outcome, figures), the link to the person goes. The resident becomes a random
 * pseudonym of each case alone, and the contact note (what the unit wrote down about reaching the
 * person) is emptied. The version moves on, so an official's save based on the earlier case is
 * refused as stale instead of writing the resident back. Repeatable: a retry finds what is left.
 */
@Service
public class CaseAnonymisation {

    private static final String CASES = "bad_review_cases";

    private final MongoTemplate mongo;
    private final CaseProjections projections;

    CaseAnonymisation(MongoTemplate mongo, CaseProjections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    /** Returns how many of the resident's cases it anonymised. */
    public long anonymise(String resident) {
        Query theirs = Query.query(Criteria.where("resident").is(resident));
        theirs.fields().include("_id", "contact");
        long anonymised = 0;
        for (Document c : mongo.find(theirs, Document.class, CASES)) {
            Update anonymous = new Update().set("resident", RatingAnonymisation.ERASED + UUID.randomUUID()).inc("version", 1);
            if (c.get("contact") != null) {
                anonymous.set("contact.note", "");
            }
            String id = c.getString("_id");
            anonymised += mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("resident").is(resident)),
                    anonymous, CASES).getModifiedCount();
            reproject(id);
        }
        return anonymised;
    }

    /** The queue and figure books hold the case's version: they take the new one (or the retry queue does, later). */
    private void reproject(String id) {
        try {
            projections.projectStored(id);
        } catch (RuntimeException failed) {
            projections.later(id);
        }
    }
}
