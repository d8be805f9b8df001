package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The queue book on a MongoDB-compatible server, without Spring: an audience's cases spread over its
 * documents by case id, every open case read back once, and the newest entry of a case winning
 * across its unit's and its campaign's documents, a tombstone included.
 */
class CaseQueueBookTests {

    private static final CaseTerms TERMS = CaseTerms.of(WorkingDays.weekendsOnly(ZoneId.of("Asia/Shanghai")),
            CaseDeadlines.DEFAULT);
    private static final Instant OPENED = Instant.parse("2026-11-23T02:00:00Z");
    private static final Unit TOWN = Unit.town("140423100");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private CaseQueueBook book;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "test");
        book = new CaseQueueBook(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void an_audience_is_spread_over_its_documents_and_read_back_whole() {
        List<BadReviewCase> cases = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            cases.add(opened("case-" + i));
            book.record(cases.getLast(), OPENED);
        }

        List<Document> documents = mongo.findAll(Document.class, CaseQueueBook.COLLECTION);
        Map<String, Set<String>> byDocument = documents.stream().collect(Collectors.toMap(d -> d.getString("_id"),
                d -> d.get("entries", Document.class).keySet()));

        assertThat(byDocument).hasSize(2 * CaseQueueBook.BUCKETS);
        cases.forEach(c -> assertThat(byDocument.get(CaseQueueBook.documentOf("campaign:property-management", c.getId())))
                .contains(c.getId()));
        assertThat(book.open(List.of("campaign:property-management", "unit:town:140423100")))
                .extracting(QueueEntry::caseId).containsExactlyInAnyOrderElementsOf(cases.stream().map(BadReviewCase::getId).toList());
        assertThat(book.audiences()).containsExactlyInAnyOrder("campaign:property-management", "unit:town:140423100");
    }

    @Test
    void a_newer_tombstone_in_one_document_hides_an_older_open_entry_in_another() {
        BadReviewCase c = opened("case-closed-late");
        book.record(c, OPENED); // open, version 0, in the unit's and the campaign's documents
        // the campaign's document then takes a newer tombstone, and the unit's does not (its write was lost)
        new VersionedEntries(mongo, CaseQueueBook.COLLECTION).put(
                CaseQueueBook.documentOf("campaign:property-management", c.getId()), c.getId(), 1,
                new Document("open", false).append("gone", java.util.Date.from(OPENED)), old -> Map.of());

        assertThat(book.open(List.of("unit:town:140423100"))).extracting(QueueEntry::caseId).containsExactly(c.getId());
        assertThat(book.open(List.of("campaign:property-management", "unit:town:140423100"))).isEmpty();
    }

    @Test
    void entries_written_before_the_documents_were_spread_are_still_read() {
        BadReviewCase c = opened("case-from-before");
        mongo.getCollection(CaseQueueBook.COLLECTION).insertOne(new Document("_id", "unit:town:140423100")
                .append("entries", new Document(c.getId(), QueueEntry.of(c).toDocument().append("v", 0L))));

        assertThat(book.open(List.of("unit:town:140423100"))).extracting(QueueEntry::caseId).containsExactly(c.getId());
        assertThat(book.audiences()).containsExactly("unit:town:140423100");
    }

    private static BadReviewCase opened(String id) {
        Rating rating = new Rating(id, "property-management", null, "140423100", "140423100", 1, Map.of(), List.of(),
                null, List.of(), Channel.APP, null, OPENED, null, OPENED, "resident-" + id, ReviewStatus.initialFor(1),
                List.of(), new Provenance(Origin.RESIDENT, null, null, null), id, id, false, null, null);
        return BadReviewCase.open(rating, TOWN, "housing-construction", TERMS);
    }
}
