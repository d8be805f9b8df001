package org.haochaping.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Accounts signed out everywhere: an erased account's access tokens issued before its erasure are
 * refused, so an app flushing its offline queue with a token that is still valid cannot store new
 * data under the erased subject. Kept for the longest an access token lives ({@code
 * haochaping.identity.sign-out-horizon}), by a hash of the subject, then forgotten.
 */
@Component
public class SignedOutAccounts {

    static final String COLLECTION = "signed_out_accounts";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration horizon;

    SignedOutAccounts(MongoTemplate mongo, Clock clock,
            @Value("${haochaping.identity.sign-out-horizon:1h}") Duration horizon) {
        this.mongo = mongo;
        this.clock = clock;
        this.horizon = horizon;
    }

    /** The first erasure counts (a retry publishes it again): tokens of a new sign-in after it stay good. */
    @EventListener
    void signOut(ResidentErased erased) {
        Instant now = clock.instant();
        mongo.upsert(Query.query(Criteria.where("_id").is(key(erased.subject()))),
                new Update().setOnInsert("at", now).setOnInsert("expiresAt", now.plus(horizon)), COLLECTION);
    }

    /**
     * Whether a token of {@code subject} issued at {@code issuedAt} was issued before the account was
     * signed out. Token times are whole seconds: a token of the second of the sign-out counts as before it.
     */
    public boolean isSignedOut(String subject, @Nullable Instant issuedAt) {
        Document signedOut = mongo.findById(key(subject), Document.class, COLLECTION);
        if (signedOut == null || !signedOut.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return false;
        }
        return issuedAt == null || !issuedAt.isAfter(signedOut.getDate("at").toInstant());
    }

    @Scheduled(fixedDelayString = "${haochaping.identity.sign-out-horizon:1h}")
    void forgetExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), COLLECTION);
    }

    private static String key(String subject) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("signed-out:" + subject).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
