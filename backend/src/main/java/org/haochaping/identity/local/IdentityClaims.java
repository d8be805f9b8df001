package org.haochaping.identity.local;

import org.haochaping.identity.CurrentActor;
import java.util.List;

import org.haochaping.identity.IdentityProperties;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the account's name, role, department and region into access and ID tokens, under the same
 * claim names the system reads them from, and the API's audience into access tokens.
 */
final class IdentityClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final LocalAccounts accounts;
    private final IdentityProperties properties;

    IdentityClaims(LocalAccounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        IdentityProperties.Claims names = properties.claims();
        accounts.account(context.getPrincipal().getName()).ifPresent(account -> {
            context.getClaims().claim(names.name(), account.displayName());
            context.getClaims().claim(names.roles(), List.of(account.role().name()));
            if (account.department() != null) {
                context.getClaims().claim(names.department(), account.department());
            }
            if (account.region() != null) {
                context.getClaims().claim(names.region(), account.region());
            }
        });
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().audience(List.of(properties.audience()));
            // The client the token was issued to (OIDC's authorized party): the API decides a rating's channel by it.
            context.getClaims().claim(CurrentActor.AUTHORIZED_PARTY, context.getRegisteredClient().getClientId());
        }
    }
}
