package org.haochaping.identity.local;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Refresh tokens for the mobile app, a public client (RFC 8252: no secret; PKCE protects the
 * code). Spring Authorization Server issues refresh tokens to confidential clients only; these
 * three pieces let a public client that is registered for the refresh_token grant get and use them,
 * at the token endpoint only: without a secret it must not introspect or revoke others' tokens.
 * Refresh tokens rotate on every use (a rotated one coming back revokes its whole sign-in, see
 * {@link StoredAuthorizations}) and never outlive their sign-in's absolute lifetime.
 */
final class PublicClientRefresh {

    private PublicClientRefresh() {
    }

    /**
     * Issues refresh tokens to every client registered for the refresh_token grant, each living the
     * client's idle lifetime but never beyond the end of its family (the sign-in it was rotated from).
     */
    static OAuth2TokenGenerator<OAuth2RefreshToken> refreshTokenGenerator(Clock clock, RefreshTokenLifetime lifetime) {
        StringKeyGenerator keys = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
        return (OAuth2TokenContext context) -> {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                    || !context.getRegisteredClient().getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            Instant issuedAt = clock.instant();
            Instant familyStartedAt = context.getAuthorization() != null
                    && context.getAuthorization().getAttribute(StoredAuthorizations.FAMILY_STARTED_AT) instanceof Instant started
                    ? started : issuedAt;
            Instant expiresAt = lifetime.expiresAt(familyStartedAt, issuedAt,
                    context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
            return new OAuth2RefreshToken(keys.generateKey(), issuedAt, expiresAt);
        };
    }

    /**
     * Reads {@code grant_type=refresh_token&client_id=...} without a secret as a public client's
     * request, at the token endpoint only. Anywhere else (introspection, revocation) a bare
     * {@code client_id} is refused as {@code invalid_client} (401): a public client proves nothing there.
     */
    static AuthenticationConverter converter(RequestMatcher tokenEndpoint) {
        return (HttpServletRequest request) -> {
            String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
            if (clientId == null || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
                    || request.getHeader("Authorization") != null) {
                return null;
            }
            if (!tokenEndpoint.matches(request)) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
            }
            if (!AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
                return null;
            }
            return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null,
                    Map.of(OAuth2ParameterNames.GRANT_TYPE, AuthorizationGrantType.REFRESH_TOKEN.getValue()));
        };
    }

    /** Accepts that request from a registered public client allowed to refresh. */
    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public @Nullable Authentication authenticate(Authentication authentication) {
                OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
                if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
                        || !AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(request.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))) {
                    return null;
                }
                RegisteredClient client = clients.findByClientId(String.valueOf(request.getPrincipal()));
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
