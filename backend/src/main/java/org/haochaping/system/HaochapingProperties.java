package org.haochaping.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the whole system under {@code haochaping.*}.
 *
 * @param dataDir where local state lives: the embedded store's file and, later, generated keys
 * @param timeZone the county's time zone: campaign periods, deadlines and days are counted in it
 * @param embeddedStore the embedded MongoDB-compatible store, used when no {@code spring.mongodb.uri} is set
 * @param privacy how long and under which key personal traces are kept
 */
@ConfigurationProperties("haochaping")
public record HaochapingProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue EmbeddedStore embeddedStore,
        @DefaultValue Privacy privacy) {

    /**
     * @param port TCP port on 127.0.0.1; 0 picks a free one (the log names it, for mongosh)
     * @param fileName the H2 MVStore file inside {@code dataDir}
     * @param commitTimeout how long a request waits for its write to be committed before it gets a 503
     */
    public record EmbeddedStore(
            @DefaultValue("0") int port,
            @DefaultValue("haochaping.mv.db") String fileName,
            @DefaultValue("10s") Duration commitTimeout) {
    }

    /**
     * @param provenanceKey the HMAC key of the device and network hashes, as hex (at least 32 bytes, e.g.
     *        {@code openssl rand -hex 32}); the same on every instance. Unset: read from {@code provenanceKeyFile}
     * @param provenanceKeyFile a file holding that key as hex; unset: {@code provenance.key} in {@code dataDir},
     *        generated at first start. Instances on one shared MongoDB must set this or {@code provenanceKey}
     * @param provenanceRetention how long a rating keeps its device and network hashes
     * @param provenancePurgeInterval how often hashes past their retention are deleted
     * @param provenancePurgeBatch how many ratings one delete touches
     */
    public record Privacy(
            @Nullable String provenanceKey,
            @Nullable Path provenanceKeyFile,
            @DefaultValue("180d") Duration provenanceRetention,
            @DefaultValue("1h") Duration provenancePurgeInterval,
            @DefaultValue("500") int provenancePurgeBatch) {
    }

    public Path embeddedStoreFile() {
        return dataDir.resolve(embeddedStore.fileName());
    }
}
