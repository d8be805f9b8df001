package org.haochaping.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/**
 * Access tokens for tests, signed with the embedded provider's own key (as the provider would
 * issue them) or with a stranger's key (a forgery). Claims can be bent to test each rejection.
 */

public class Tokens {

    private final JwtEncoder providerKey;
    private final Issuer issuer;
    private final IdentityProperties properties;

    public Tokens(JwtEncoder providerKey, Issuer issuer, IdentityProperties properties) {
        this.providerKey = providerKey;
        this.issuer = issuer;
        this.properties = properties;
    }

    public String resident(String subject) {
        return forRole(subject, Role.RESIDENT, null);
    }

    /** A resident whose home region the identity provider vouches for (claim {@code home_region}). */
    public String residentLivingIn(String subject, String homeRegion) {
        return token(claims -> claims.subject(subject).claim("roles", List.of(Role.RESIDENT.name())).claim("name", subject)
                .claim("home_region", homeRegion));
    }

    public String forRole(String subject, Role role, String department) {
        return token(claims -> {
            claims.subject(subject).claim("roles", List.of(role.name())).claim("name", subject);
            if (department != null) {
                claims.claim("department", department);
            }
        });
    }

    /** A token as the provider issues it, then changed by {@code adjust}. */
    public String token(Consumer<JwtClaimsSet.Builder> adjust) {
        return sign(providerKey, adjust);
    }

    /** The same token, signed by a key the provider never had. */
    public String forged(Consumer<JwtClaimsSet.Builder> adjust) {
        return sign(strangerKey(), adjust);
    }

    private String sign(JwtEncoder encoder, Consumer<JwtClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer.value())
                .audience(List.of(properties.audience()))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(Duration.ofMinutes(5)))
                .id(UUID.randomUUID().toString())
                .claims(all -> all.putAll(Map.of("scope", List.of("openid"))));
        adjust.accept(claims);
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    private static JwtEncoder strangerKey() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
