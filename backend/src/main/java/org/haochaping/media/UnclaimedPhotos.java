package org.haochaping.media;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Uploads that no rating claims would otherwise stay forever: a resident who gives up, or anyone
 * uploading without rating, must not fill the store. Hourly, photos unclaimed for
 * {@code haochaping.media.unclaimed-retention} (24 h) are deleted; time is the injected clock's.
 */
@Component
class UnclaimedPhotos {

    private static final Logger log = LoggerFactory.getLogger(UnclaimedPhotos.class);

    private final PhotoLibrary photos;
    private final Duration retention;

    UnclaimedPhotos(PhotoLibrary photos, @Value("${haochaping.media.unclaimed-retention:24h}") Duration retention) {
        this.photos = photos;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${haochaping.media.unclaimed-cleanup-interval:1h}")
    void deleteExpired() {
        int deleted = photos.deleteUnclaimed(retention);
        if (deleted > 0) {
            log.info("Deleted {} photos no rating claimed within {}", deleted, retention);
        }
    }
}
