package org.haochaping.identity.local;

import java.io.IOException;

import org.haochaping.identity.Issuer;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the provider's endpoints (discovery, tokens, logout) the {@link Issuer} as it is at request
 * time. The provider's own context filter fixes the issuer while the filter chain is built, before
 * a server on {@code server.port=0} knows its port; this filter runs after it and replaces it.
 */
final class CurrentIssuerFilter extends OncePerRequestFilter {

    private final Issuer issuer;
    private final AuthorizationServerSettings settings;

    CurrentIssuerFilter(Issuer issuer, AuthorizationServerSettings settings) {
        this.issuer = issuer;
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AuthorizationServerContextHolder.setContext(new Context(issuer.value(), settings));
        try {
            chain.doFilter(request, response);
        } finally {
            AuthorizationServerContextHolder.resetContext();
        }
    }

    private record Context(String issuer, AuthorizationServerSettings settings) implements AuthorizationServerContext {

        @Override
        public String getIssuer() {
            return issuer;
        }

        @Override
        public AuthorizationServerSettings getAuthorizationServerSettings() {
            return settings;
        }
    }
}
