package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bson.Document;
import org.haochaping.HaochapingApplication;
import org.haochaping.system.store.EmbeddedMongoStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The whole system started on a data directory an older version left (default modes, the hash key in
 * the database): after start the directory is 700 and its files 600, no secret is left in the
 * database, the hashes are the ones the old key made, and they stay the same across a restart; the
 * store refuses a client without its credentials.
 */
class PrivateStateRestartTests {

    @Test
    void an_old_data_directory_is_made_private_the_key_leaves_the_database_and_hashes_survive_a_restart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "private-state-");
        Path storeFile = dataDir.resolve("haochaping.mv.db");
        try (EmbeddedMongoStore old = EmbeddedMongoStore.start(storeFile, 0);
                MongoClient client = MongoClients.create(old.connectionString("haochaping"))) {
            client.getDatabase("haochaping").getCollection(ProvenanceKey.LEGACY_COLLECTION)
                    .insertOne(new Document("_id", ProvenanceKey.LEGACY_ID).append("value", ProvenanceKeyTests.LEGACY_HEX));
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        String oldDeviceHash = ProvenanceKeyTests.hmac(HexFormat.of().parseHex(ProvenanceKeyTests.LEGACY_HEX), "device-1");

        String networkHash;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            ProvenanceHasher hasher = first.getBean(ProvenanceHasher.class);
            assertThat(hasher.hash("device-1")).as("old and new hashes stay comparable").isEqualTo(oldDeviceHash);
            networkHash = hasher.hashNetwork("198.51.100.7");
            assertThat(hasher.hashNetwork("198.51.100.200")).as("one /24, one hash").isEqualTo(networkHash);
            MongoTemplate mongo = first.getBean(MongoTemplate.class);
            assertThat(mongo.getCollection(ProvenanceKey.LEGACY_COLLECTION).countDocuments()).as("no secret in the database")
                    .isZero();
            assertThat(modes(dataDir)).as("the data directory and its files").allSatisfy((name, mode) ->
                    assertThat(mode).as(name).isEqualTo(name.equals(".") ? "rwx------" : "rw-------"))
                    .containsKeys(".", "haochaping.mv.db", "embedded-store.credentials", ProvenanceKey.FILE_NAME,
                            "local-accounts.txt", "oidc-signing-key.json");
            int port = first.getBean(EmbeddedMongoStore.class).port();
            try (MongoClient intruder = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS)).build())) {
                assertThatThrownBy(() -> intruder.getDatabase("haochaping").getCollection("audit_log")
                        .insertOne(new Document("action", "FORGED"))).isInstanceOf(MongoCommandException.class);
            }
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            ProvenanceHasher hasher = second.getBean(ProvenanceHasher.class);
            assertThat(hasher.hash("device-1")).isEqualTo(oldDeviceHash);
            assertThat(hasher.hashNetwork("198.51.100.7")).isEqualTo(networkHash);
        }
    }

    private static Map<String, String> modes(Path dataDir) throws Exception {
        Map<String, String> modes = new TreeMap<>();
        modes.put(".", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                modes.put(file.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        return modes;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(HaochapingApplication.class).web(WebApplicationType.NONE)
                .run("--haochaping.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                        "--haochaping.report.monthly-catch-up=false");
    }
}
