package org.haochaping.identity.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.haochaping.identity.ResidentErased;
import org.haochaping.identity.audit.AuditLog;
import org.haochaping.identity.local.StoredAuthorization.StoredToken;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The embedded provider's authorizations in MongoDB, so a restart signs nobody out. Tokens are
 * stored and found by their SHA-256 only ({@link TokenKey}, read by {@code _id}); a token handed back
 * to Spring Authorization Server carries its real value only when it is the one just presented.
 * <p>
 * Refresh tokens form a family per sign-in: its start is kept across rotations (for the absolute
 * lifetime), and presenting a refresh token the family already rotated away means it was copied:
 * the whole family is revoked and the reuse audited.
 */
final class StoredAuthorizations implements OAuth2AuthorizationService {

    /** Carries the family's start from a loaded authorization to the refresh token generator and back. */
    static final String FAMILY_STARTED_AT = StoredAuthorizations.class.getName() + ".familyStartedAt";
    static final String REFRESH_TOKEN_REUSED = "REFRESH_TOKEN_REUSED";

    private static final Logger log = LoggerFactory.getLogger(StoredAuthorizations.class);
    /** Stands for a value that is not stored; never a real token (those are base64url or JWTs, without ':'). */
    private static final String NOT_STORED = "sha256:";
    /**
     * How many rotated refresh tokens a sign-in remembers (a few months of an app refreshing several
     * times a day); older ones are forgotten and only refused, keeping the document small.
     */
    static final int REMEMBERED_ROTATIONS = 1000;
    /** How long after a rotation the token it replaced is taken for a concurrent refresh of the same app. */
    static final Duration CONCURRENT_REFRESH_GRACE = Duration.ofSeconds(30);
    /** An authorization request waiting for consent keeps its state this long. */
    private static final Duration PENDING = Duration.ofHours(1);
    private static final Map<Class<? extends OAuth2Token>, String> KINDS = Map.of(
            OAuth2AuthorizationCode.class, OAuth2ParameterNames.CODE,
            OAuth2AccessToken.class, OAuth2TokenType.ACCESS_TOKEN.getValue(),
            OAuth2RefreshToken.class, OAuth2TokenType.REFRESH_TOKEN.getValue(),
            OidcIdToken.class, "id_token");

    private final MongoTemplate mongo;
    private final RegisteredClientRepository clients;
    private final RefreshTokenLifetime lifetime;
    private final AuditLog audit;
    private final Clock clock;
    private final AuthorizationJson json = new AuthorizationJson();

    StoredAuthorizations(MongoTemplate mongo, RegisteredClientRepository clients, RefreshTokenLifetime lifetime,
            AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.clients = clients;
        this.lifetime = lifetime;
        this.audit = audit;
        this.clock = clock;
    }

    /** An erased account is signed out everywhere: its sign-ins go, and with them every refresh token. */
    @EventListener
    void signOut(ResidentErased erased) {
        mongo.find(Query.query(Criteria.where("principalName").is(erased.subject())), StoredAuthorization.class)
                .forEach(this::remove);
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        StoredAuthorization previous = mongo.findById(authorization.getId(), StoredAuthorization.class);
        StoredAuthorization stored = toStored(authorization, previous);
        mongo.save(stored);
        if (previous != null) {
            Set<String> kept = stored.allKeys().collect(Collectors.toSet());
            deleteKeys(previous.allKeys().filter(key -> !kept.contains(key)).toList());
        }
        stored.tokens().forEach(token -> mongo.save(new TokenKey(token.key(), stored.id(), token.kind())));
        if (stored.stateKey() != null) {
            mongo.save(new TokenKey(stored.stateKey(), stored.id(), OAuth2ParameterNames.STATE));
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        StoredAuthorization stored = mongo.findById(authorization.getId(), StoredAuthorization.class);
        if (stored != null) {
            remove(stored);
        }
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        StoredAuthorization stored = mongo.findById(id, StoredAuthorization.class);
        return stored == null ? null : toAuthorization(stored, null, null);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        String key = key(token);
        TokenKey found = mongo.findById(key, TokenKey.class);
        if (found == null || tokenType != null && !tokenType.getValue().equals(found.kind())) {
            return null;
        }
        StoredAuthorization stored = mongo.findById(found.authorizationId(), StoredAuthorization.class);
        if (stored == null) {
            return null;
        }
        if (stored.retiredRefreshKeys().contains(key)) {
            if (!isConcurrentRefresh(stored, key)) {
                revokeFamily(stored);
            }
            return null;
        }
        if (isRefreshToken(found) && stored.familyStartedAt() != null && lifetime.isOver(stored.familyStartedAt(), clock.instant())) {
            return null;
        }
        return toAuthorization(stored, key, token);
    }

    /** Deletes the authorizations nothing in can be used any more; returns how many. */
    int deleteExpired() {
        List<StoredAuthorization> expired = mongo.find(Query.query(Criteria.where("expiresAt").lt(clock.instant())),
                StoredAuthorization.class);
        expired.forEach(this::remove);
        return expired.size();
    }

    private static boolean isRefreshToken(TokenKey key) {
        return OAuth2TokenType.REFRESH_TOKEN.getValue().equals(key.kind());
    }

    /**
     * The token rotated away last, presented again within moments of its rotation: an app whose two
     * requests refreshed at once (both saw a 401), not a thief. That request is refused; the sign-in stays.
     */
    private boolean isConcurrentRefresh(StoredAuthorization stored, String key) {
        List<String> retired = stored.retiredRefreshKeys();
        Instant rotatedAt = stored.issuedAt(OAuth2TokenType.REFRESH_TOKEN.getValue());
        return key.equals(retired.getLast()) && rotatedAt != null
                && !clock.instant().isAfter(rotatedAt.plus(CONCURRENT_REFRESH_GRACE));
    }

    /** A rotated refresh token came back: someone holds a copy. Nobody keeps this sign-in, the app signs in again. */
    private void revokeFamily(StoredAuthorization stored) {
        remove(stored);
        log.warn("A refresh token that had been rotated was presented again; its sign-in (client {}) is revoked",
                stored.registeredClientId());
        audit.record(stored.principalName(), Set.of(), REFRESH_TOKEN_REUSED, "client:" + clientId(stored),
                "the sign-in's refresh and access tokens are revoked");
    }

    private String clientId(StoredAuthorization stored) {
        RegisteredClient client = clients.findById(stored.registeredClientId());
        return client == null ? stored.registeredClientId() : client.getClientId();
    }

    private void remove(StoredAuthorization stored) {
        mongo.remove(Query.query(Criteria.where("_id").is(stored.id())), StoredAuthorization.class);
        deleteKeys(stored.allKeys().toList());
    }

    private void deleteKeys(List<String> keys) {
        if (!keys.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(keys)), TokenKey.class);
        }
    }

    private StoredAuthorization toStored(OAuth2Authorization authorization, @Nullable StoredAuthorization previous) {
        List<StoredToken> tokens = new ArrayList<>();
        KINDS.forEach((type, kind) -> {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
            if (token != null) {
                tokens.add(new StoredToken(kind, keyOf(token.getToken().getTokenValue()), token.getToken().getIssuedAt(),
                        token.getToken().getExpiresAt(), json.write(token.getMetadata()),
                        token.getToken() instanceof OAuth2AccessToken access ? access.getScopes() : Set.of()));
            }
        });
        Map<String, Object> attributes = new HashMap<>(authorization.getAttributes());
        Instant familyStartedAt = familyStartedAt(attributes.remove(FAMILY_STARTED_AT), authorization.getRefreshToken());
        attributes.computeIfPresent(Principal.class.getName(), (name, principal) -> withoutDetails(principal));
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        return new StoredAuthorization(authorization.getId(), authorization.getRegisteredClientId(),
                authorization.getPrincipalName(), authorization.getAuthorizationGrantType().getValue(),
                Set.copyOf(authorization.getAuthorizedScopes()), json.write(attributes), state == null ? null : keyOf(state),
                tokens, familyStartedAt, retiredRefreshKeys(previous, tokens), expiresAt(tokens));
    }

    /**
     * The previous family members, and the previous refresh token if this save rotated it; the keys
     * of forgotten ones are deleted with the other stale keys in {@link #save}.
     */
    private static List<String> retiredRefreshKeys(@Nullable StoredAuthorization previous, List<StoredToken> tokens) {
        if (previous == null) {
            return List.of();
        }
        Set<String> retired = new LinkedHashSet<>(previous.retiredRefreshKeys());
        String previousKey = previous.currentKey(OAuth2TokenType.REFRESH_TOKEN.getValue());
        boolean rotated = tokens.stream().noneMatch(token -> token.key().equals(previousKey));
        if (previousKey != null && rotated) {
            retired.add(previousKey);
        }
        List<String> newestLast = List.copyOf(retired);
        return List.copyOf(newestLast.subList(Math.max(0, newestLast.size() - REMEMBERED_ROTATIONS), newestLast.size()));
    }

    private static @Nullable Instant familyStartedAt(@Nullable Object carried, OAuth2Authorization.@Nullable Token<OAuth2RefreshToken> refresh) {
        if (carried instanceof Instant startedAt) {
            return startedAt;
        }
        return refresh == null ? null : refresh.getToken().getIssuedAt();
    }

    private Instant expiresAt(List<StoredToken> tokens) {
        return tokens.stream().map(StoredToken::expiresAt).filter(Objects::nonNull).max(Instant::compareTo)
                .orElseGet(() -> clock.instant().plus(PENDING));
    }

    /** The sign-in's web details hold the resident's IP address: not kept for months in the database. */
    private static Object withoutDetails(Object principal) {
        if (principal instanceof UsernamePasswordAuthenticationToken signedIn && signedIn.getDetails() != null) {
            return UsernamePasswordAuthenticationToken.authenticated(signedIn.getPrincipal(), null, signedIn.getAuthorities());
        }
        return principal;
    }

    private @Nullable OAuth2Authorization toAuthorization(StoredAuthorization stored, @Nullable String presentedKey,
            @Nullable String presentedValue) {
        RegisteredClient client = clients.findById(stored.registeredClientId());
        if (client == null) {
            return null;
        }
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(stored.id())
                .principalName(stored.principalName())
                .authorizationGrantType(new AuthorizationGrantType(stored.grantType()))
                .authorizedScopes(stored.scopes())
                .attributes(attributes -> attributes.putAll(json.read(stored.attributes())));
        if (stored.familyStartedAt() != null) {
            builder.attribute(FAMILY_STARTED_AT, stored.familyStartedAt());
        }
        for (StoredToken token : stored.tokens()) {
            String value = token.key().equals(presentedKey) ? presentedValue : NOT_STORED + token.key();
            Map<String, Object> metadata = json.read(token.metadata());
            builder.token(token(token, Objects.requireNonNull(value), metadata), into -> into.putAll(metadata));
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static OAuth2Token token(StoredToken token, String value, Map<String, Object> metadata) {
        return switch (token.kind()) {
            case OAuth2ParameterNames.CODE -> new OAuth2AuthorizationCode(value, token.issuedAt(), token.expiresAt());
            case "access_token" -> new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, token.issuedAt(),
                    token.expiresAt(), token.scopes());
            case "refresh_token" -> new OAuth2RefreshToken(value, token.issuedAt(), token.expiresAt());
            case "id_token" -> new OidcIdToken(value, token.issuedAt(), token.expiresAt(),
                    (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME));
            default -> throw new IllegalStateException("unknown token kind " + token.kind());
        };
    }

    /** A value handed back unstored is its key already; anything else is hashed. */
    private static String keyOf(String value) {
        return value.startsWith(NOT_STORED) ? value.substring(NOT_STORED.length()) : key(value);
    }

    static String key(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
