package org.haochaping.identity.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

import org.haochaping.system.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The embedded provider's RSA signing key: generated at first start, kept in the data directory
 * (mode 600) so that tokens stay valid across restarts, never in the repository.
 */
final class LocalSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LocalSigningKey.class);

    private LocalSigningKey() {
    }

    static RSAKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return parse(PrivateFiles.read(file));
        }
        RSAKey key = generate();
        PrivateFiles.write(file, new JWKSet(key).toString(false));
        log.info("Generated the embedded identity provider's signing key in {}", file.toAbsolutePath().normalize());
        return key;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return JWKSet.parse(json).getKeys().getFirst().toRSAKey();
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key file is damaged; delete it to generate a new key", e);
        }
    }
}
