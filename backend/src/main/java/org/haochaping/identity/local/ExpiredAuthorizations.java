package org.haochaping.identity.local;

import org.springframework.scheduling.annotation.Scheduled;

/** Deletes the stored authorizations whose tokens have all expired, so sign-ins do not pile up. */
final class ExpiredAuthorizations {

    private final StoredAuthorizations authorizations;

    ExpiredAuthorizations(StoredAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @Scheduled(fixedDelayString = "${haochaping.identity.authorization-cleanup-interval:1h}",
            initialDelayString = "${haochaping.identity.authorization-cleanup-interval:1h}")
    void deleteExpired() {
        authorizations.deleteExpired();
    }
}
