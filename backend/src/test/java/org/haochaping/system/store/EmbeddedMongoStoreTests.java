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
            assertThat(store.connectionString("db")).isEqualTo("mongodb://127.0.0.1:" + store.port() + "/db");
        }
    }
}
