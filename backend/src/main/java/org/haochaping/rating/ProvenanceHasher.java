package org.haochaping.rating;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Salted, non-reversible hashes (HMAC-SHA256) of device ids and IP addresses, so that ballot
 * stuffing from one device or network can be spotted without keeping either. The salt is made once
 * and kept in the database, so every instance hashes alike and the hashes stay comparable.
 */
@Component
class ProvenanceHasher {

    private static final String SECRETS = "system_secrets";
    private static final String SALT_ID = "provenance-salt";

    /** One keyed Mac per thread: it is on every rating's path, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs;

    ProvenanceHasher(MongoTemplate mongo) {
        SecretKeySpec key = new SecretKeySpec(HexFormat.of().parseHex(salt(mongo)), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Nullable String hash(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String salt(MongoTemplate mongo) {
        Query byId = Query.query(Criteria.where("_id").is(SALT_ID));
        Document stored = mongo.findOne(byId, Document.class, SECRETS);
        if (stored != null) {
            return stored.getString("value");
        }
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        try {
            mongo.insert(new Document("_id", SALT_ID).append("value", HexFormat.of().formatHex(salt)), SECRETS);
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            // fall through and read theirs
        }
        return mongo.findOne(byId, Document.class, SECRETS).getString("value");
    }
}
