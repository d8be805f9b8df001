package org.haochaping.system.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

class EmbeddedMongoStoreTests {

    @TempDir
    Path dataDir;

    @Test
    void data_written_through_the_driver_survive_a_restart_of_the_store() {
        Path file = dataDir.resolve("store.mv.db");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(file, 0);
                MongoClient client = MongoClients.create(store.connectionString("db"))) {
            List<Document> documents = IntStream.range(0, 500)
                    .mapToObj(i -> new Document("_id", "doc-" + i).append("n", i).append("text", "好评 " + i))
                    .toList();
            client.getDatabase("db").getCollection("things").insertMany(documents);
            client.getDatabase("db").getCollection("things").updateOne(Filters.eq("_id", "doc-7"),
                    new Document("$set", new Document("text", "已修改")));
        }

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(file, 0);
                MongoClient client = MongoClients.create(store.connectionString("db"))) {
            var things = client.getDatabase("db").getCollection("things");

            assertThat(things.countDocuments()).isEqualTo(500);
            assertThat(things.find(Filters.eq("_id", "doc-7")).first()).containsEntry("text", "已修改");
            assertThat(things.find(Filters.eq("_id", "doc-499")).first()).containsEntry("n", 499);
        }
    }

    @Test
    void a_unique_index_survives_a_restart_and_still_rejects_duplicates() {
        Path file = dataDir.resolve("unique.mv.db");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(file, 0);
                MongoClient client = MongoClients.create(store.connectionString("db"))) {
            var keys = client.getDatabase("db").getCollection("keys");
            keys.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            keys.insertOne(new Document("key", "a"));
        }

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(file, 0);
                MongoClient client = MongoClients.create(store.connectionString("db"))) {
            var keys = client.getDatabase("db").getCollection("keys");
            List<String> errors = new ArrayList<>();
            try {
                keys.insertOne(new Document("key", "a"));
            } catch (com.mongodb.MongoWriteException duplicate) {
                errors.add(duplicate.getError().getCategory().name());
            }

            assertThat(errors).containsExactly("DUPLICATE_KEY");
            assertThat(keys.countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void the_store_listens_on_loopback_only() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir.resolve("loopback.mv.db"), 0)) {
            assertThat(store.port()).as("the free port it took").isBetween(1, 65_535);
            assertThat(store.connectionString("db")).startsWith("mongodb://haochaping:")
                    .contains("@127.0.0.1:" + store.port() + "/db?authSource=admin&authMechanism=SCRAM-SHA-256");
        }
    }

    /**
     * An update under optimistic locking ({@code _id} and {@code version}) and a conditional update of
     * a book ({@code _id} and the entry it expects) give the answers a scan would, without one; a query
     * on anything else still scans (the control). (A count is an aggregation there, which scans anyway.)
     */
    @Test
    void a_query_that_pins_the_id_reads_that_document_only_and_answers_as_a_scan_would() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir.resolve("lookup.mv.db"), 0);
                MongoClient client = MongoClients.create(store.connectionString("db"))) {
            var cases = client.getDatabase("db").getCollection("cases");
            cases.insertMany(IntStream.range(0, 200).mapToObj(i -> new Document("_id", "case-" + i).append("version", 0L)
                    .append("entries", new Document("a", new Document("v", 1L)))).toList());
            long scansBefore = store.fullScans();

            long saved = cases.replaceOne(Filters.and(Filters.eq("_id", "case-7"), Filters.eq("version", 0L)),
                    new Document("_id", "case-7").append("version", 1L)).getModifiedCount();
            long stale = cases.replaceOne(Filters.and(Filters.eq("_id", "case-7"), Filters.eq("version", 0L)),
                    new Document("_id", "case-7").append("version", 1L)).getModifiedCount();
            long conditional = cases.updateOne(Filters.and(Filters.eq("_id", "case-8"), Filters.eq("entries.a.v", 1L)),
                    new Document("$set", new Document("entries.a.v", 2L)).append("$inc", new Document("n", 1))).getModifiedCount();
            long notExpected = cases.updateOne(Filters.and(Filters.eq("_id", "case-8"), Filters.exists("entries.b.v")),
                    new Document("$inc", new Document("n", 1))).getModifiedCount();
            long missing = cases.updateOne(Filters.and(Filters.eq("_id", "case-none"), Filters.eq("version", 0L)),
                    new Document("$inc", new Document("n", 1))).getModifiedCount();
            Object upserted = cases.updateOne(Filters.and(Filters.eq("_id", "case-new"), Filters.exists("entries.x.v", false)),
                    new Document("$set", new Document("entries.x.v", 1L)), new com.mongodb.client.model.UpdateOptions().upsert(true))
                    .getUpsertedId();
            long found = cases.find(Filters.and(Filters.eq("_id", "case-9"), Filters.eq("version", 0L))).into(new ArrayList<>()).size();
            long scansAfterPinned = store.fullScans();
            long byVersion = cases.find(Filters.eq("version", 1L)).into(new ArrayList<>()).size();

            assertThat(List.of(saved, stale, conditional, notExpected, missing, found)).containsExactly(1L, 0L, 1L, 0L, 0L, 1L);
            assertThat(upserted).isNotNull();
            Document eight = cases.find(Filters.eq("_id", "case-8")).first();
            assertThat(eight).containsEntry("n", 1);
            assertThat(eight.get("entries", Document.class).get("a", Document.class).get("v")).isEqualTo(2L);
            assertThat(cases.find(Filters.eq("_id", "case-new")).first()).isNotNull();
            assertThat(scansAfterPinned).as("no query pinning _id scanned").isEqualTo(scansBefore);
            assertThat(byVersion).isEqualTo(1);
            assertThat(store.fullScans()).as("a query on another field scans").isGreaterThan(scansAfterPinned);
        }
    }
    /** Batches read by id ({@code _id $in}, e.g. the ratings a counting batch holds) are answered without a scan too. */
    @Test
    void a_query_on_a_list_of_ids_reads_those_documents_only_and_answers_as_a_scan_would() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir.resolve("lookup-in.mv.db"), 0);
                MongoClient client = MongoClients.create(store.connectionString("db"))) {
            var ratings = client.getDatabase("db").getCollection("ratings");
            ratings.insertMany(IntStream.range(0, 200).mapToObj(i -> new Document("_id", "r-" + i).append("level", i % 5 + 1)).toList());
            long scansBefore = store.fullScans();

            List<Object> bad = ratings.find(Filters.and(Filters.in("_id", "r-5", "r-6", "r-7", "r-none", "r-6"), Filters.lte("level", 2)))
                    .sort(new Document("_id", -1)).map(document -> document.get("_id")).into(new ArrayList<>());
            List<Object> none = ratings.find(Filters.in("_id", "r-none", "r-gone")).map(document -> document.get("_id"))
                    .into(new ArrayList<>());
            long scansAfterPinned = store.fullScans();
            List<Object> mixed = ratings.find(Filters.and(Filters.in("_id", "r-3", 7), Filters.gte("level", 1)))
                    .map(document -> document.get("_id")).into(new ArrayList<>());

            assertThat(bad).as("levels 1 and 2 among them, newest id first, each once").containsExactly("r-6", "r-5");
            assertThat(none).isEmpty();
            assertThat(scansAfterPinned).as("no query on a list of ids scanned").isEqualTo(scansBefore);
            assertThat(mixed).containsExactly("r-3");
            assertThat(store.fullScans()).as("a list with another kind of value scans, as before").isGreaterThan(scansAfterPinned);
        }
    }
}
