package org.haochaping.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Actor;
import org.haochaping.identity.ForbiddenException;
import org.haochaping.identity.Role;
import org.haochaping.system.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** Photos no rating claims are deleted after the retention (24 h), by the clock the system runs on. */
@IntegrationTest
@Import(UnclaimedPhotosTests.Time.class)
class UnclaimedPhotosTests {

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired
    PhotoLibrary photos;
    @Autowired
    UnclaimedPhotos job;
    @Autowired
    MutableClock clock;

    @Test
    void unclaimed_photos_are_deleted_after_the_retention_and_claimed_ones_stay() {
        Actor resident = new Actor("keeper-" + UUID.randomUUID(), "居民", Set.of(Role.RESIDENT), null, null);
        String unclaimed = store(resident);
        String claimed = store(resident);
        photos.claim(resident.subject(), List.of(claimed), "claim-" + UUID.randomUUID(), "rating-1",
                "property-management", "140423100");

        clock.advance(Duration.ofHours(23));
        job.deleteExpired();
        assertThatCode(() -> photos.open(resident, unclaimed)).doesNotThrowAnyException();

        clock.advance(Duration.ofHours(2));
        job.deleteExpired();

        assertThatThrownBy(() -> photos.open(resident, unclaimed)).isInstanceOf(PhotoNotFoundException.class);
        assertThatCode(() -> photos.open(resident, claimed)).doesNotThrowAnyException();
    }

    @Test
    void the_service_refuses_uploads_from_auditors_whatever_the_caller() {
        Actor auditor = new Actor("auditor-" + UUID.randomUUID(), "审计员", Set.of(Role.AUDITOR), null, null);

        assertThatThrownBy(() -> store(auditor)).isInstanceOf(ForbiddenException.class);
    }

    private String store(Actor owner) {
        return photos.store(owner, new ByteArrayInputStream(TestImages.png(6, 6))).id();
    }
}
