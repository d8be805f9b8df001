package org.haochaping.badreview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The open cases, kept per audience: the unit that handles them ({@code unit:<unit key>}) and the
 * campaign ({@code campaign:<code>}, for its lead department and the county). A queue is then a
 * read of a few documents by {@code _id}. Each audience is spread over {@link #BUCKETS} documents by
 * case id ({@code campaign:property-management#7}), so that a write, which copies its document in the
 * store, copies a small one however many cases the audience has. A closed or reassigned case leaves
 * a tombstone (its version, not open) so that a late, older write cannot bring it back; tombstones are
 * pruned.
 */
@Component
class CaseQueueBook {

    static final String COLLECTION = "bad_review_queue";
    /** Documents per audience; a case's entries always go to the same one. */
    static final int BUCKETS = 16;
    /** Longer than any write can be late. */
    private static final Duration TOMBSTONE_LIFETIME = Duration.ofHours(1);

    private final MongoTemplate mongo;
    private final VersionedEntries entries;

    CaseQueueBook(MongoTemplate mongo) {
        this.mongo = mongo;
        this.entries = new VersionedEntries(mongo, COLLECTION);
    }

    static String unitAudience(Unit unit) {
        return "unit:" + unit.key();
    }

    static String campaignAudience(String campaignCode) {
        return "campaign:" + campaignCode;
    }

    /** The document of the audience that holds the case's entry. */
    /** The audience a document belongs to: its id without the bucket ({@code campaign:x#7} → {@code campaign:x}). */
    static String audienceOf(String documentId) {
        int bucket = documentId.lastIndexOf('#');
        return bucket < 0 ? documentId : documentId.substring(0, bucket);
    }

    static String documentOf(String audience, String caseId) {
        return audience + "#" + Math.floorMod(caseId.hashCode(), BUCKETS);
    }

    void record(BadReviewCase c, Instant now) {
        record(c, now, entries);
    }

    /** The case's entries, through {@code writer} (the store, or memory for a bulk load). */
    static void record(BadReviewCase c, Instant now, EntryWriter writer) {
        Document tombstone = new Document("open", false).append("gone", Date.from(now));
        Document entry = c.getStatus().isOpen() ? QueueEntry.of(c).toDocument() : tombstone;
        String id = c.getId();
        writer.put(documentOf(campaignAudience(c.getCampaignCode()), id), id, c.getVersion(), entry, old -> Map.of());
        writer.put(documentOf(unitAudience(c.getUnit()), id), id, c.getVersion(), entry, old -> Map.of());
        for (Unit earlier : earlierUnits(c)) {
            writer.put(documentOf(unitAudience(earlier), id), id, c.getVersion(), tombstone, old -> Map.of());
        }
    }

    /**
     * The open cases of these audiences, each once. A case found in several documents (its unit's and
     * its campaign's) is as its newest entry says, a tombstone included.
     */
    List<QueueEntry> open(Collection<String> audiences) {
        List<String> documents = audiences.stream().flatMap(audience -> Stream.concat(Stream.of(audience), // as written before buckets
                IntStream.range(0, BUCKETS).mapToObj(bucket -> audience + "#" + bucket))).toList();
        Map<String, Document> newest = new LinkedHashMap<>();
        for (Document audience : mongo.find(Query.query(Criteria.where("_id").in(documents)), Document.class, COLLECTION)) {
            Document all = audience.get("entries", Document.class);
            if (all != null) {
                all.forEach((caseId, entry) -> newest.merge(caseId, (Document) entry,
                        (a, b) -> version(a) >= version(b) ? a : b));
            }
        }
        List<QueueEntry> open = new ArrayList<>();
        newest.forEach((caseId, entry) -> {
            QueueEntry parsed = QueueEntry.fromDocument(caseId, entry);
            if (parsed != null) {
                open.add(parsed);
            }
        });
        return open;
    }

    /** Every audience that has a document (the deadline watch goes through all open cases). */
    List<String> audiences() {
        Query query = new Query();
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id"))
                .map(CaseQueueBook::audienceOf).distinct().toList();
    }

    private static long version(Document entry) {
        return entry.get("v", Number.class).longValue();
    }

    /** Drops tombstones older than any late write. */
    void prune(Instant now) {
        Instant before = now.minus(TOMBSTONE_LIFETIME);
        for (Document audience : mongo.findAll(Document.class, COLLECTION)) {
            Document all = audience.get("entries", Document.class);
            if (all == null) {
                continue;
            }
            all.forEach((caseId, value) -> {
                Document entry = (Document) value;
                Date gone = entry.getDate("gone");
                if (!entry.getBoolean("open", false) && gone != null && gone.toInstant().isBefore(before)) {
                    entries.removeIf(audience.getString("_id"), caseId, entry.get("v", Number.class).longValue());
                }
            });
        }
    }

    private static Set<Unit> earlierUnits(BadReviewCase c) {
        Set<Unit> units = new LinkedHashSet<>();
        c.getEvents().forEach(event -> units.add(event.unit()));
        units.remove(c.getUnit());
        return units;
    }
}
