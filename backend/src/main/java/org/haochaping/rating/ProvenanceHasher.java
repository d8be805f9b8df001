package org.haochaping.rating;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.haochaping.system.HaochapingProperties;
import org.haochaping.system.store.EmbeddedMongoStore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keyed, non-reversible hashes (HMAC-SHA256) of device ids and networks, so that ballot stuffing
 * from one device or network can be spotted without keeping either. The key is kept outside the
 * database ({@link ProvenanceKey}); addresses are hashed by their network ({@link NetworkPrefix}).
 */
@Component
class ProvenanceHasher {

    /** One keyed Mac per thread: it is on every rating's path, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs;

    @Autowired
    ProvenanceHasher(MongoTemplate mongo, HaochapingProperties properties, ObjectProvider<EmbeddedMongoStore> embedded) {
        this(ProvenanceKey.resolve(properties, embedded.getIfAvailable() == null, mongo));
    }

    ProvenanceHasher(byte[] keyBytes) {
        SecretKeySpec key = new SecretKeySpec(keyBytes, "HmacSHA256");
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

    /** The hash of the address's network (/24 or /48); none for what is not an address. */
    @Nullable String hashNetwork(@Nullable String address) {
        return hash(NetworkPrefix.of(address));
    }
}
