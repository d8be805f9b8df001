package org.haochaping.identity.local;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Finds an authorization by a token, by {@code _id} only (the embedded store indexes nothing
 * else): the id is the SHA-256 of the token value, never the value.
 *
 * @param kind the {@code OAuth2TokenType} value the token was issued as
 */
@Document("oauth2_token_keys")
record TokenKey(String id, String authorizationId, String kind) {
}
