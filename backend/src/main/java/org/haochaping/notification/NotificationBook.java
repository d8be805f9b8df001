package org.haochaping.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every resident's notifications in one document of {@code notifications}, read and written by
 * {@code _id} (a hash of the resident's subject), never queried by recipient: the newest
 * {@value #KEEP} items, an exact unread counter and a revision. Adding pushes the missing items
 * ({@code $push $each $position 0 $slice}) and moves the counter ({@code $inc}) in one update that
 * holds only if the document is still the revision read, so concurrent writers retry instead of
 * losing an item or miscounting; an item already there (same id) is not added again.
 */
@Component
class NotificationBook {

    static final String COLLECTION = "notifications";
    static final int KEEP = 200;
    private static final int ATTEMPTS = 20;

    /** A resident's notifications as stored (stored order: as pushed, newest pushed first). */
    record Stored(List<Notification> items, long unread, long revision) {
    }

    private final MongoTemplate mongo;

    NotificationBook(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The document key of a resident: no subject in clear in ids, logs or indexes. */
    static String keyOf(String residentSubject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("resident:" + residentSubject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Nullable Stored read(String key) {
        Document document = mongo.findById(key, Document.class, COLLECTION);
        return document == null ? null : parse(document);
    }

    /** Deletes a resident's document; returns how many notifications it held. */
    long delete(String key) {
        Document removed = mongo.findAndRemove(Query.query(Criteria.where("_id").is(key)), Document.class, COLLECTION);
        return removed == null ? 0 : removed.getList("items", Document.class, List.of()).size();
    }

    /** The unread counter alone (a badge's read). */
    long unread(String key) {
        Query query = Query.query(Criteria.where("_id").is(key));
        query.fields().include("unread");
        Document document = mongo.findOne(query, Document.class, COLLECTION);
        return document == null ? 0 : document.get("unread", Number.class).longValue();
    }

    /**
     * Adds the notifications not there yet; returns how many it added. Once the list is full, one
     * older than every item kept is not added (it was dropped, or would be dropped at once).
     */
    int add(String key, List<Notification> candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document document = mongo.findById(key, Document.class, COLLECTION);
            if (document == null) {
                List<Notification> fresh = candidates.stream().sorted(Notification.NEWEST_FIRST).distinct().limit(KEEP).toList();
                try {
                    mongo.insert(new Document("_id", key).append("items", fresh.stream().map(NotificationBook::toDocument).toList())
                            .append("unread", fresh.stream().filter(n -> !n.read()).count()).append("rev", 1L), COLLECTION);
                    return fresh.size();
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            Stored stored = parse(document);
            Set<String> present = stored.items().stream().map(Notification::id).collect(Collectors.toSet());
            @Nullable Instant oldestKept = stored.items().size() < KEEP ? null
                    : stored.items().stream().map(Notification::at).min(Instant::compareTo).orElse(null);
            List<Notification> missing = candidates.stream()
                    .filter(n -> !present.contains(n.id()) && (oldestKept == null || n.at().isAfter(oldestKept)))
                    .sorted(Notification.NEWEST_FIRST).distinct().limit(KEEP).toList();
            if (missing.isEmpty()) {
                return 0;
            }
            // $position 0 puts them first and $slice keeps the first KEEP: the last stored ones drop.
            int overflow = Math.max(0, stored.items().size() + missing.size() - KEEP);
            long droppedUnread = stored.items().subList(stored.items().size() - overflow, stored.items().size()).stream()
                    .filter(n -> !n.read()).count();
            Update update = new Update();
            update.push("items").atPosition(0).slice(KEEP).each(missing.stream().map(NotificationBook::toDocument).toArray());
            update.inc("unread", missing.stream().filter(n -> !n.read()).count() - droppedUnread).inc("rev", 1L);
            if (mongo.updateFirst(atRevision(key, stored), update, COLLECTION).getMatchedCount() > 0) {
                return missing.size();
            }
        }
        throw new IllegalStateException("Could not add notifications to " + key);
    }

    /** Applies {@code change} to every item and stores the result with its exact unread count; returns that count. */
    long change(String key, UnaryOperator<Notification> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Stored stored = read(key);
            if (stored == null) {
                return 0;
            }
            List<Notification> changed = stored.items().stream().map(change).toList();
            long unread = changed.stream().filter(n -> !n.read()).count();
            if (changed.equals(stored.items()) && unread == stored.unread()) {
                return unread;
            }
            Update update = new Update().set("items", changed.stream().map(NotificationBook::toDocument).toList())
                    .set("unread", unread).inc("rev", 1L);
            if (mongo.updateFirst(atRevision(key, stored), update, COLLECTION).getMatchedCount() > 0) {
                return unread;
            }
        }
        throw new IllegalStateException("Could not change the notifications of " + key);
    }

    private static Query atRevision(String key, Stored stored) {
        return Query.query(Criteria.where("_id").is(key).and("rev").is(stored.revision()));
    }

    private static Stored parse(Document document) {
        List<Notification> items = new ArrayList<>();
        for (Document item : document.getList("items", Document.class, List.of())) {
            items.add(new Notification(item.getString("id"), item.getDate("at").toInstant(),
                    Notification.Type.valueOf(item.getString("type")), item.getString("rating"),
                    item.getString("campaign"), item.getString("unit"), item.getString("variant"), item.getString("text"),
                    item.getBoolean("read", false)));
        }
        return new Stored(List.copyOf(items), document.get("unread", Number.class).longValue(),
                document.get("rev", Number.class).longValue());
    }

    private static Document toDocument(Notification n) {
        Document item = new Document("id", n.id()).append("at", Date.from(n.at())).append("type", n.type().name())
                .append("rating", n.ratingId()).append("campaign", n.campaignCode()).append("unit", n.unitKey())
                .append("read", n.read());
        if (n.variant() != null) {
            item.append("variant", n.variant());
        }
        if (n.text() != null) {
            item.append("text", n.text());
        }
        return item;
    }
}
