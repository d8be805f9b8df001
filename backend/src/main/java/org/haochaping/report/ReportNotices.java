package org.haochaping.report;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The managers' inbox of reports: when a department's monthly reports are ready, its MANAGERs are told.
 * One document per department holding the newest {@value #KEEP} notices; a notice is added once, however
 * often the schedule retries (the update only matches while the notice is absent).
 */
@Component
public class ReportNotices {

    static final String COLLECTION = "report_notices";
    static final int KEEP = 50;

    /** A report ready for the department: the job to open, its title, when. */
    public record Notice(String jobId, String title, Instant at) {
    }

    private final MongoTemplate mongo;

    ReportNotices(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void tell(String department, Notice notice) {
        Query absent = Query.query(Criteria.where("_id").is(key(department)).and("items.jobId").ne(notice.jobId()));
        Update push = new Update().push("items").atPosition(0).slice(KEEP)
                .each(new Document("jobId", notice.jobId()).append("title", notice.title()).append("at", java.util.Date.from(notice.at())));
        try {
            mongo.upsert(absent, push, COLLECTION);
        } catch (DuplicateKeyException alreadyTold) {
            // The document exists and already holds this notice: the upsert's insert collided with it.
        }
    }

    /** The newest notices for a MANAGER's department; nothing for other roles. */
    public List<Notice> newestFor(Actor actor) {
        if (!actor.has(Role.MANAGER) || actor.department() == null) {
            return List.of();
        }
        Document inbox = mongo.findById(key(actor.department()), Document.class, COLLECTION);
        if (inbox == null) {
            return List.of();
        }
        return inbox.getList("items", Document.class).stream()
                .map(item -> new Notice(item.getString("jobId"), item.getString("title"), item.getDate("at").toInstant()))
                .toList();
    }

    private static String key(String department) {
        return "department:" + department;
    }
}
