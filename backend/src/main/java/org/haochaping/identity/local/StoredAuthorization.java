package org.haochaping.identity.local;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * An authorization of the embedded provider as stored: its tokens by their SHA-256 only (a dump of
 * the database holds no token anyone could present), their times and metadata, and the keys of the
 * refresh tokens it rotated away, so presenting one of those again is recognised as reuse.
 *
 * @param attributes the authorization's attributes (principal, authorization request) as JSON
 * @param familyStartedAt when the first refresh token of this sign-in was issued; {@code null} before that
 * @param expiresAt when nothing in it can be used any more and it may be deleted
 */
@Document("oauth2_authorizations")
record StoredAuthorization(
        @Id String id,
        String registeredClientId,
        String principalName,
        String grantType,
        Set<String> scopes,
        String attributes,
        @Nullable String stateKey,
        List<StoredToken> tokens,
        @Nullable Instant familyStartedAt,
        List<String> retiredRefreshKeys,
        @Indexed Instant expiresAt) {

    /**
     * @param kind the {@link OAuth2TokenType} value ({@code code}, {@code access_token}, ...)
     * @param key the SHA-256 of the token value
     * @param metadata the token's metadata (claims, invalidated) as JSON
     */
    record StoredToken(String kind, String key, @Nullable Instant issuedAt, @Nullable Instant expiresAt,
            String metadata, Set<String> scopes) {
    }

    @Nullable String currentKey(String kind) {
        return tokens.stream().filter(token -> token.kind().equals(kind)).map(StoredToken::key).findFirst().orElse(null);
    }

    /** When the current token of this kind was issued. */
    @Nullable Instant issuedAt(String kind) {
        return tokens.stream().filter(token -> token.kind().equals(kind)).map(StoredToken::issuedAt).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The keys under which this authorization is found: its tokens, its state, and rotated refresh tokens. */
    Stream<String> allKeys() {
        return Stream.of(tokens.stream().map(StoredToken::key), Stream.ofNullable(stateKey), retiredRefreshKeys.stream())
                .flatMap(keys -> keys);
    }
}
