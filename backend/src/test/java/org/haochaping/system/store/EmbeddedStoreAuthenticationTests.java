package org.haochaping.system.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The embedded store answers only clients that prove its generated credentials (SCRAM-SHA-256): a
 * local user without them can neither read nor rewrite anything, the audit log included; and its
 * directory and files are the owner's alone.
 */
class EmbeddedStoreAuthenticationTests {

    @TempDir
    Path dataDir;

    @Test
    void a_client_without_credentials_can_neither_read_nor_write() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir.resolve("store.mv.db"), 0)) {
            try (MongoClient owner = MongoClients.create(store.connectionString("haochaping"))) {
                owner.getDatabase("haochaping").getCollection("audit_log").insertOne(new Document("_id", "a1").append("action", "X"));
            }
            try (MongoClient intruder = client("mongodb://127.0.0.1:" + store.port())) {
                var auditLog = intruder.getDatabase("haochaping").getCollection("audit_log");
                assertUnauthorized(() -> auditLog.find().first());
                assertUnauthorized(() -> auditLog.insertOne(new Document("_id", "forged")));
                assertUnauthorized(() -> auditLog.deleteMany(new Document()));
                assertUnauthorized(() -> auditLog.updateOne(new Document("_id", "a1"), new Document("$set", new Document("action", "Y"))));
                assertUnauthorized(() -> intruder.listDatabaseNames().first());
                assertUnauthorized(() -> intruder.getDatabase("haochaping").drop());
                assertThat(intruder.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok"))
                        .as("the handshake and monitoring stay open").isEqualTo(1.0);
            }
            try (MongoClient owner = MongoClients.create(store.connectionString("haochaping"))) {
                assertThat(owner.getDatabase("haochaping").getCollection("audit_log").find().into(new java.util.ArrayList<>()))
                        .containsExactly(new Document("_id", "a1").append("action", "X"));
            }
        }
    }

    @Test
    void a_wrong_password_or_user_is_refused_and_the_right_credentials_work() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir.resolve("store.mv.db"), 0)) {
            String base = "@127.0.0.1:" + store.port() + "/db?authSource=admin&authMechanism=SCRAM-SHA-256";
            try (MongoClient wrong = client("mongodb://haochaping:guessed" + base)) {
                assertThatThrownBy(() -> wrong.getDatabase("db").getCollection("c").find().first())
                        .isInstanceOf(MongoSecurityException.class);
            }
            try (MongoClient nobody = client("mongodb://admin:admin" + base)) {
                assertThatThrownBy(() -> nobody.getDatabase("db").getCollection("c").find().first())
                        .isInstanceOf(MongoSecurityException.class);
            }
            try (MongoClient sha1 = client(store.connectionString("db").replace("SCRAM-SHA-256", "SCRAM-SHA-1"))) {
                assertThatThrownBy(() -> sha1.getDatabase("db").getCollection("c").find().first())
                        .as("only SCRAM-SHA-256").isInstanceOf(MongoSecurityException.class);
            }
            try (MongoClient right = client(store.connectionString("db"))) {
                right.getDatabase("db").getCollection("c").insertOne(new Document("_id", 1));
                assertThat(right.getDatabase("db").getCollection("c").countDocuments()).isOne();
            }
            String withoutMechanism = store.connectionString("db").replace("&authMechanism=SCRAM-SHA-256", "");
            try (MongoClient negotiating = client(withoutMechanism)) {
                assertThat(negotiating.getDatabase("db").getCollection("c").countDocuments())
                        .as("a client that negotiates the mechanism (as mongosh does) gets SCRAM-SHA-256").isOne();
            }
        }
    }

    @Test
    void the_credentials_are_generated_once_and_kept_in_a_private_file() throws Exception {
        String first;
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir.resolve("store.mv.db"), 0)) {
            first = store.connectionString("db");
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir.resolve("store.mv.db"), 0)) {
            assertThat(store.connectionString("db").replaceAll(":\\d+/", ":/")).isEqualTo(first.replaceAll(":\\d+/", ":/"));
            assertThat(EmbeddedMongoStore.connectionString(dataDir.resolve("store.mv.db"), store.port(), "db"))
                    .isEqualTo(store.connectionString("db"));
        }
        assertThat(mode(dataDir.resolve(StoreCredentials.FILE_NAME))).isEqualTo("rw-------");
        assertThat(Files.readString(dataDir.resolve(StoreCredentials.FILE_NAME))).contains("username=haochaping")
                .containsPattern("password=[A-Za-z0-9_-]{43}");
    }

    @Test
    void a_data_directory_made_with_default_modes_is_tightened_at_start() throws Exception {
        Path old = dataDir.resolve("old");
        Files.createDirectories(old);
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path accounts = Files.writeString(old.resolve("local-accounts.txt"), "resident1 secret RESIDENT\n");
        Files.setPosixFilePermissions(accounts, PosixFilePermissions.fromString("rw-r--r--"));

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(old.resolve("haochaping.mv.db"), 0)) {
            assertThat(mode(old)).isEqualTo("rwx------");
            assertThat(mode(accounts)).isEqualTo("rw-------");
            assertThat(mode(old.resolve("haochaping.mv.db"))).isEqualTo("rw-------");
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS)).build());
    }

    private static void assertUnauthorized(Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOf(MongoCommandException.class)
                .satisfies(e -> assertThat(((MongoCommandException) e).getErrorCode()).isEqualTo(13));
    }
}
