package org.haochaping.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the whole system under {@code haochaping.*}.
 *
 * @param dataDir where local state lives: the embedded store's file and, later, generated keys
 * @param timeZone the county's time zone: campaign periods, deadlines and days are counted in it
 * @param embeddedStore the embedded MongoDB-compatible store, used when no {@code spring.mongodb.uri} is set
 */
@ConfigurationProperties("haochaping")
public record HaochapingProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue EmbeddedStore embeddedStore) {

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

    public Path embeddedStoreFile() {
        return dataDir.resolve(embeddedStore.fileName());
    }
}
