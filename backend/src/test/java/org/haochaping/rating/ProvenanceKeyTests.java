package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.haochaping.InMemoryMongo;
import org.haochaping.system.HaochapingProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The provenance key lives outside the database of the hashes: configured, or in a key file of the
 * data directory (600) generated at first start; the key an older version kept in the database is
 * moved into the file and deleted there, so old and new hashes stay comparable; instances on a
 * shared MongoDB refuse to start without a configured key rather than hash each with its own.
 */
class ProvenanceKeyTests {

    static final String LEGACY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path dataDir;
    InMemoryMongo store;
    MongoTemplate mongo;

    @BeforeEach
    void start() {
        store = new InMemoryMongo();
        mongo = store.template();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void a_key_is_generated_once_into_a_private_file_and_never_into_the_database() throws Exception {
        byte[] first = ProvenanceKey.resolve(properties(null, null), false, mongo);
        byte[] second = ProvenanceKey.resolve(properties(null, null), false, mongo);

        Path file = dataDir.resolve(ProvenanceKey.FILE_NAME);
        assertThat(second).hasSize(32).isEqualTo(first);
        assertThat(HexFormat.of().parseHex(Files.readString(file).strip())).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(mongo.getCollection(ProvenanceKey.LEGACY_COLLECTION).countDocuments()).isZero();
    }

    @Test
    void the_key_an_older_version_kept_in_the_database_moves_to_the_file_so_old_hashes_still_match() throws Exception {
        storeLegacyKey();
        String oldHash = hmac(HexFormat.of().parseHex(LEGACY_HEX), "device-1");

        byte[] key = ProvenanceKey.resolve(properties(null, null), false, mongo);

        assertThat(new ProvenanceHasher(key).hash("device-1")).isEqualTo(oldHash);
        assertThat(Files.readString(dataDir.resolve(ProvenanceKey.FILE_NAME)).strip()).isEqualTo(LEGACY_HEX);
        assertThat(mongo.getCollection(ProvenanceKey.LEGACY_COLLECTION).countDocuments()).as("no secret left in the database")
                .isZero();
    }

    @Test
    void a_configured_key_is_used_and_the_same_one_in_the_database_is_deleted() {
        storeLegacyKey();
        byte[] key = ProvenanceKey.resolve(properties(LEGACY_HEX, null), true, mongo);

        assertThat(HexFormat.of().formatHex(key)).isEqualTo(LEGACY_HEX);
        assertThat(mongo.getCollection(ProvenanceKey.LEGACY_COLLECTION).countDocuments()).isZero();
        assertThat(dataDir.resolve(ProvenanceKey.FILE_NAME)).as("a configured key is not copied to disk").doesNotExist();
    }

    @Test
    void a_configured_key_that_differs_from_the_database_one_refuses_to_start_and_keeps_it() {
        storeLegacyKey();
        assertThatThrownBy(() -> ProvenanceKey.resolve(properties("ff".repeat(32), null), false, mongo))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("differs").hasMessageNotContaining(LEGACY_HEX);
        assertThat(mongo.getCollection(ProvenanceKey.LEGACY_COLLECTION).countDocuments()).isOne();
    }

    @Test
    void on_a_shared_mongodb_without_a_configured_key_the_system_does_not_start() {
        assertThatThrownBy(() -> ProvenanceKey.resolve(properties(null, null), true, mongo))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("haochaping.privacy.provenance-key");
        storeLegacyKey();
        assertThatThrownBy(() -> ProvenanceKey.resolve(properties(null, null), true, mongo))
                .hasMessageContaining("still holds the key of an older version").hasMessageNotContaining(LEGACY_HEX);
        assertThat(dataDir.resolve(ProvenanceKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void instances_on_a_shared_mongodb_share_a_configured_key_file() {
        Path shared = dataDir.resolve("shared").resolve("provenance.key");
        byte[] first = ProvenanceKey.resolve(properties(null, shared), true, mongo);
        byte[] second = ProvenanceKey.resolve(properties(null, shared), true, mongo);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void a_malformed_or_short_key_is_refused_without_being_echoed() {
        assertThatThrownBy(() -> ProvenanceKey.resolve(properties("not-hex-secret", null), false, mongo))
                .hasMessageContaining("not hexadecimal").hasMessageNotContaining("not-hex-secret");
        assertThatThrownBy(() -> ProvenanceKey.resolve(properties("abcd", null), false, mongo))
                .hasMessageContaining("shorter than 32 bytes");
    }

    private void storeLegacyKey() {
        mongo.insert(new Document("_id", ProvenanceKey.LEGACY_ID).append("value", LEGACY_HEX), ProvenanceKey.LEGACY_COLLECTION);
    }

    private HaochapingProperties properties(@Nullable String key, @Nullable Path keyFile) {
        return new HaochapingProperties(dataDir, ZoneId.of("Asia/Shanghai"),
                new HaochapingProperties.EmbeddedStore(0, "haochaping.mv.db", Duration.ofSeconds(10)),
                new HaochapingProperties.Privacy(key, keyFile, Duration.ofDays(180), Duration.ofHours(1), 500));
    }

    static String hmac(byte[] key, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
