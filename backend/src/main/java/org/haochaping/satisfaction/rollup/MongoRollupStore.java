package org.haochaping.satisfaction.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.bson.Document;
import org.haochaping.rating.Rating;
import org.haochaping.satisfaction.Tally;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.MongoNamespace;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.RenameCollectionOptions;

/**
 * The rollups in MongoDB. Every update is by {@code _id} and conditional on the document not having
 * taken the batch yet ({@code applied.<writer>} below the batch's number), so applying a batch twice
 * changes nothing. An upsert whose condition fails on an existing document is a duplicate key
 * error: the document had taken the batch already (or, for a participant, had no valid rating
 * left, which is then handled one by one).
 */
class MongoRollupStore implements RollupStore {

    static final String ROLLUPS = "satisfaction_rollups";
    static final String PARTICIPANTS = "satisfaction_participants";
    static final String JOURNAL = "satisfaction_rollup_journal";
    static final String WRITERS = "satisfaction_rollup_writers";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    MongoRollupStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ROLLUPS).createIndex(new Index().on("campaignCode", Sort.Direction.ASC)
                .on("dimension", Sort.Direction.ASC).named("campaign_dimension"));
        mongo.indexOps(PARTICIPANTS).createIndex(new Index().on("changedIn", Sort.Direction.ASC).named("changed_in"));
        mongo.indexOps(JOURNAL).createIndex(new Index().on("writer", Sort.Direction.ASC).on("seq", Sort.Direction.ASC)
                .named("writer_seq"));
    }

    // --- writers ---

    @Override
    public WriterSlot claimSlot(Instant now, Duration staleAfter) {
        Update live = new Update().set("state", "LIVE").set("seenAt", Date.from(now));
        Document free = mongo.findAndModify(Query.query(Criteria.where("state").is("FREE")), live,
                FindAndModifyOptions.options().returnNew(true), Document.class, WRITERS);
        if (free != null) {
            return slot(free, false);
        }
        Document stale = mongo.findAndModify(Query.query(Criteria.where("state").is("LIVE")
                        .and("seenAt").lte(Date.from(now.minus(staleAfter)))), live,
                FindAndModifyOptions.options().returnNew(true), Document.class, WRITERS);
        if (stale != null) {
            return slot(stale, true);
        }
        for (long n = mongo.estimatedCount(WRITERS) + 1; ; n++) {
            Document fresh = new Document("_id", "w" + n).append("state", "LIVE").append("seenAt", Date.from(now))
                    .append("appliedThrough", 0L).append("countedBelow", 0L);
            try {
                mongo.insert(fresh, WRITERS);
                return slot(fresh, false);
            } catch (DuplicateKeyException taken) {
                // another instance took this number at the same moment
            }
        }
    }

    @Override
    public void checkpoint(String writer, long appliedThrough, long countedBelow, Instant now) {
        mongo.updateFirst(byId(writer), new Update().set("appliedThrough", appliedThrough)
                .set("countedBelow", countedBelow).set("seenAt", Date.from(now)), WRITERS);
    }

    @Override
    public void release(String writer, long appliedThrough, long countedBelow) {
        mongo.updateFirst(byId(writer), new Update().set("state", "FREE").set("appliedThrough", appliedThrough)
                .set("countedBelow", countedBelow), WRITERS);
    }

    private static WriterSlot slot(Document document, boolean crashed) {
        return new WriterSlot(document.getString("_id"), document.get("appliedThrough", Number.class).longValue(),
                document.get("countedBelow", Number.class).longValue(), crashed);
    }

    // --- journal ---

    @Override
    public void journal(RollupBatch batch) {
        List<Document> marks = batch.contributions().stream()
                .map(contribution -> new Document("r", contribution.ratingId()).append("s", contribution.mark().seq()))
                .toList();
        try {
            mongo.insert(new Document("_id", batch.id()).append("writer", batch.writer()).append("seq", batch.seq())
                    .append("marks", marks), JOURNAL);
        } catch (DuplicateKeyException journaledBefore) {
            // an earlier attempt wrote it
        }
    }

    @Override
    public List<JournaledBatch> journaled(String writer) {
        List<JournaledBatch> batches = new ArrayList<>();
        mongo.find(Query.query(Criteria.where("writer").is(writer)).with(Sort.by("seq")), Document.class, JOURNAL)
                .forEach(entry -> {
                    Map<String, Set<Long>> marks = new HashMap<>();
                    entry.getList("marks", Document.class).forEach(mark -> marks
                            .computeIfAbsent(mark.getString("r"), id -> new HashSet<>())
                            .add(mark.get("s", Number.class).longValue()));
                    batches.add(new JournaledBatch(entry.getString("_id"), entry.get("seq", Number.class).longValue(), marks));
                });
        return batches;
    }

    @Override
    public void forget(Collection<String> batchIds) {
        mongo.remove(Query.query(Criteria.where("_id").in(batchIds)), JOURNAL);
    }

    // --- renaming ---

    /** Copies the participant to its new id, then removes the old one: a retry after a failure in between completes it. */
    @Override
    public void renameParticipant(String from, String to) {
        Document participant = mongo.findById(from, Document.class, PARTICIPANTS);
        if (participant == null) {
            return;
        }
        Document renamed = new Document(participant);
        renamed.put("_id", to);
        try {
            mongo.insert(renamed, PARTICIPANTS);
        } catch (DuplicateKeyException copiedBefore) {
            // an earlier try copied it and failed before the removal
        }
        mongo.remove(Query.query(Criteria.where("_id").is(from)), PARTICIPANTS);
    }

    // --- applying ---

    @Override
    public Map<String, Long> applyParticipants(RollupBatch batch, boolean recount) {
        Map<String, Integer> changes = batch.participantChanges();
        Map<String, Long> joinedMinusLeft = new TreeMap<>();
        if (changes.isEmpty()) {
            return joinedMinusLeft;
        }
        List<String> joining = changes.entrySet().stream().filter(change -> change.getValue() > 0)
                .map(Map.Entry::getKey).toList();
        List<String> oneByOne = new ArrayList<>(changes.keySet().stream().filter(id -> changes.get(id) < 0).toList());
        if (!joining.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PARTICIPANTS);
            joining.forEach(id -> bulk.upsert(notYetApplied(id, batch).addCriteria(Criteria.where("ratings").gt(0)),
                    participantUpdate(batch, changes.get(id)).setOnInsert("campaignCode", Contribution.campaignOf(id))));
            try {
                bulk.execute().getUpserts().forEach(upsert -> joined(joinedMinusLeft, joining.get(upsert.getIndex()), 1));
            } catch (BulkOperationException partly) {
                partly.getResult().getUpserts().forEach(upsert -> joined(joinedMinusLeft, joining.get(upsert.getIndex()), 1));
                for (BulkWriteError error : partly.getErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw partly;
                    }
                    oneByOne.add(joining.get(error.getIndex()));
                }
            }
        }
        for (String id : oneByOne) {
            Document after = mongo.findAndModify(notYetApplied(id, batch), participantUpdate(batch, changes.get(id)),
                    FindAndModifyOptions.options().returnNew(true), Document.class, PARTICIPANTS);
            if (after != null) {
                joined(joinedMinusLeft, id, membershipChange(after));
            }
        }
        return recount ? recount(batch) : joinedMinusLeft;
    }

    /**
     * What the batch did to participation, read back from the documents it marked. Exact unless
     * another instance changed the same participant between the failed attempt and this one (it
     * would overwrite the mark): a narrow window, and the start-up check repairs what it leaves.
     */
    private Map<String, Long> recount(RollupBatch batch) {
        Map<String, Long> joinedMinusLeft = new TreeMap<>();
        mongo.find(Query.query(Criteria.where("changedIn").is(batch.id())), Document.class, PARTICIPANTS)
                .forEach(document -> joined(joinedMinusLeft, document.getString("_id"), membershipChange(document)));
        return joinedMinusLeft;
    }

    /** +1 if the change that the document records made the resident a participant, -1 if it ended that. */
    private static int membershipChange(Document participant) {
        long after = participant.get("ratings", Number.class).longValue();
        long before = after - participant.get("change", Number.class).longValue();
        return before <= 0 && after > 0 ? 1 : before > 0 && after <= 0 ? -1 : 0;
    }

    private static void joined(Map<String, Long> joinedMinusLeft, String participant, int change) {
        if (change != 0) {
            joinedMinusLeft.merge(Contribution.campaignOf(participant), (long) change, Long::sum);
        }
    }

    private static Update participantUpdate(RollupBatch batch, int change) {
        return new Update().inc("ratings", change).set(appliedField(batch), batch.seq())
                .set("changedIn", batch.id()).set("change", change);
    }

    @Override
    public void applyRollups(RollupBatch batch, Map<RollupKey, Tally> increments, Map<String, Long> participantChanges) {
        Map<RollupKey, Tally> all = new HashMap<>(increments);
        participantChanges.keySet().forEach(campaign -> all.putIfAbsent(RollupKey.total(campaign), Tally.EMPTY));
        if (all.isEmpty()) {
            return;
        }
        List<RollupKey> keys = List.copyOf(all.keySet());
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ROLLUPS);
        keys.forEach(key -> bulk.upsert(notYetApplied(key.id(), batch), rollupUpdate(batch, key, all.get(key), participantChanges)));
        try {
            bulk.execute();
        } catch (BulkOperationException partly) {
            for (BulkWriteError error : partly.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw partly;
                }
                RollupKey key = keys.get(error.getIndex());
                if (!hasApplied(key.id(), batch)) {
                    // created by another writer at the same moment: now it exists, so update it
                    mongo.upsert(notYetApplied(key.id(), batch), rollupUpdate(batch, key, all.get(key), participantChanges), ROLLUPS);
                }
            }
        }
    }

    private static Update rollupUpdate(RollupBatch batch, RollupKey key, Tally tally, Map<String, Long> participantChanges) {
        Update update = new Update()
                .setOnInsert("campaignCode", key.campaignCode())
                .setOnInsert("dimension", key.dimension().name())
                .setOnInsert("value", key.value())
                .set(appliedField(batch), batch.seq());
        tally.forEachField(update::inc);
        Long participants = participantChanges.get(key.campaignCode());
        if (key.dimension() == RollupKey.Dimension.TOTAL && participants != null) {
            update.inc("participants", participants);
        }
        return update;
    }

    private boolean hasApplied(String id, RollupBatch batch) {
        Document document = mongo.findById(id, Document.class, ROLLUPS);
        Document applied = document == null ? null : document.get("applied", Document.class);
        Number seq = applied == null ? null : applied.get(batch.writer(), Number.class);
        return seq != null && seq.longValue() >= batch.seq();
    }

    private static Query notYetApplied(String id, RollupBatch batch) {
        return Query.query(Criteria.where("_id").is(id).and(appliedField(batch)).not().gte(batch.seq()));
    }

    private static String appliedField(RollupBatch batch) {
        return "applied." + batch.writer();
    }

    // --- ratings ---

    @Override
    public List<Rating> ratings(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : mongo.find(Query.query(Criteria.where("_id").in(ids)), Rating.class);
    }

    @Override
    public List<Rating> markedFrom(String writer, long fromSeq) {
        return mongo.find(inBatches(Query.query(new Criteria().orOperator(
                Criteria.where("countMark.writer").is(writer).and("countMark.seq").gte(fromSeq),
                Criteria.where("invalidationMark.writer").is(writer).and("invalidationMark.seq").gte(fromSeq)))), Rating.class);
    }

    // --- rebuild and start-up checks ---

    /** A rebuild is exact only while no other instance writes: it pauses this instance's writer alone. */
    void requireNoOtherLiveWriter(String self) {
        long others = otherLiveWriters(self);
        if (others > 0) {
            throw new RebuildRefusedException(others);
        }
    }

    long otherLiveWriters(String self) {
        return mongo.count(Query.query(Criteria.where("state").is("LIVE").and("_id").ne(self)), WRITERS);
    }

    /** Every stored rollup by id. */
    Map<String, Tally> allRollups() {
        Map<String, Tally> all = new HashMap<>();
        mongo.find(inBatches(new Query()), Document.class, ROLLUPS).forEach(document -> all.put(document.getString("_id"), toTally(document)));
        return all;
    }

    /** The campaign totals' participant counters. */
    Map<String, Long> participantCounters() {
        Map<String, Long> counters = new HashMap<>();
        mongo.find(Query.query(Criteria.where("dimension").is(RollupKey.Dimension.TOTAL.name())), Document.class, ROLLUPS)
                .forEach(total -> counters.put(total.getString("campaignCode"),
                        total.get("participants", 0L) instanceof Number n ? n.longValue() : 0L));
        return counters;
    }

    /** Valid ratings per participant document, as stored. */
    Map<String, Long> participantRatings() {
        Map<String, Long> ratings = new HashMap<>();
        mongo.find(inBatches(new Query()), Document.class, PARTICIPANTS).forEach(participant -> ratings.put(participant.getString("_id"),
                participant.get("ratings", Number.class) == null ? 0 : participant.get("ratings", Number.class).longValue()));
        return ratings;
    }

    /** In how many places the stored rollups and participants differ from the truth (zero counters = absent). */
    int drift(Map<RollupKey, Tally> rollups, Map<String, Long> participants) {
        Map<String, Tally> stored = allRollups();
        Map<String, Tally> truth = new HashMap<>();
        rollups.forEach((key, tally) -> truth.put(key.id(), tally));
        Set<String> ids = new HashSet<>(stored.keySet());
        ids.addAll(truth.keySet());
        int drifted = (int) ids.stream()
                .filter(id -> !nonZero(stored.getOrDefault(id, Tally.EMPTY)).equals(nonZero(truth.getOrDefault(id, Tally.EMPTY))))
                .count();
        Map<String, Long> storedRatings = participantRatings();
        storedRatings.values().removeIf(count -> count == 0);
        drifted += storedRatings.equals(participants) ? 0 : 1;
        Map<String, Long> counters = participantCounters();
        counters.values().removeIf(count -> count == 0);
        drifted += counters.equals(perCampaign(participants)) ? 0 : 1;
        return drifted;
    }

    /**
     * Writes the truth into fresh collections and swaps them in, each with one rename. The embedded
     * store renames over a collection by dropping it first, so the renames run through
     * {@code unseen}, which keeps readers out meanwhile (they would read nothing in between).
     */
    void replaceAll(Map<RollupKey, Tally> rollups, Map<String, Long> participants, String writer, long appliedThrough,
            Consumer<Runnable> unseen) {
        Document applied = appliedMarkers(writer, appliedThrough);
        Map<String, Long> counted = perCampaign(participants);
        List<Document> rollupDocuments = new ArrayList<>();
        rollups.forEach((key, tally) -> {
            Document document = new Document("_id", key.id()).append("campaignCode", key.campaignCode())
                    .append("dimension", key.dimension().name()).append("value", key.value()).append("applied", applied);
            tally.forEachField((path, value) -> {
                int dot = path.indexOf('.');
                ((Document) document.computeIfAbsent(path.substring(0, dot), group -> new Document()))
                        .append(path.substring(dot + 1), value);
            });
            if (key.dimension() == RollupKey.Dimension.TOTAL) {
                document.append("participants", counted.getOrDefault(key.campaignCode(), 0L));
            }
            rollupDocuments.add(document);
        });
        List<Document> participantDocuments = new ArrayList<>();
        participants.forEach((id, ratings) -> participantDocuments.add(new Document("_id", id)
                .append("campaignCode", Contribution.campaignOf(id)).append("ratings", ratings).append("applied", applied)));
        String freshParticipants = fresh(PARTICIPANTS, participantDocuments);
        String freshRollups = fresh(ROLLUPS, rollupDocuments);
        unseen.accept(() -> {
            renameOver(freshParticipants, PARTICIPANTS);
            renameOver(freshRollups, ROLLUPS);
        });
    }

    /**
     * A fresh name each time: the embedded store keeps a renamed collection's data under its old
     * name, so a reused name would start with the previous rebuild's documents. Leftovers of an
     * interrupted rebuild are dropped first.
     */
    private String fresh(String collection, List<Document> documents) {
        String prefix = collection + "_rebuild_";
        mongo.getCollectionNames().stream().filter(name -> name.startsWith(prefix)).forEach(mongo::dropCollection);
        String fresh = prefix + UUID.randomUUID().toString().replace("-", "");
        mongo.createCollection(fresh);
        for (int from = 0; from < documents.size(); from += 1000) {
            mongo.insert(documents.subList(from, Math.min(from + 1000, documents.size())), fresh);
        }
        return fresh;
    }

    private void renameOver(String fresh, String collection) {
        mongo.getCollection(fresh).renameCollection(new MongoNamespace(mongo.getDb().getName(), collection),
                new RenameCollectionOptions().dropTarget(true));
    }

    /** Every writer's last applied batch, so that no batch applied before the rebuild is applied again after it. */
    private Document appliedMarkers(String writer, long appliedThrough) {
        Document markers = new Document();
        mongo.findAll(Document.class, WRITERS).forEach(slot -> markers.append(slot.getString("_id"),
                slot.get("appliedThrough", Number.class).longValue()));
        markers.append(writer, appliedThrough);
        return markers;
    }

    static Map<String, Long> perCampaign(Map<String, Long> participants) {
        Map<String, Long> perCampaign = new HashMap<>();
        participants.forEach((id, ratings) -> {
            if (ratings > 0) {
                perCampaign.merge(Contribution.campaignOf(id), 1L, Long::sum);
            }
        });
        return perCampaign;
    }

    static Map<String, Long> nonZero(Tally tally) {
        Map<String, Long> fields = new HashMap<>();
        tally.forEachField((field, value) -> {
            if (value != 0) {
                fields.put(field, value);
            }
        });
        return fields;
    }

    // --- reads ---

    Map<RollupKey, Tally> findAll(Collection<RollupKey> keys) {
        Map<String, RollupKey> byId = new HashMap<>();
        keys.forEach(key -> byId.put(key.id(), key));
        Map<RollupKey, Tally> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(byId.keySet())), Document.class, ROLLUPS)
                .forEach(document -> found.put(byId.get(document.getString("_id")), toTally(document)));
        return found;
    }

    long participants(String campaignCode) {
        Document total = mongo.findById(RollupKey.total(campaignCode).id(), Document.class, ROLLUPS);
        Number participants = total == null ? null : total.get("participants", Number.class);
        return participants == null ? 0 : participants.longValue();
    }

    static Tally toTally(Document document) {
        return new Tally(counters(document, "levels"), counters(document, "residentLevels"),
                counters(document, "goodTags"), counters(document, "badTags"),
                counters(document, "indicatorSums"), counters(document, "indicatorCounts"));
    }

    private static Map<String, Long> counters(Document document, String field) {
        @Nullable Document counters = document.get(field, Document.class);
        Map<String, Long> values = new HashMap<>();
        if (counters != null) {
            counters.forEach((key, value) -> values.put(key, ((Number) value).longValue()));
        }
        return values;
    }

    /** Without a batch size the embedded store answers a query at once, and past 48 MB the driver refuses the answer. */
    static Query inBatches(Query query) {
        return query.cursorBatchSize(2_000);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
