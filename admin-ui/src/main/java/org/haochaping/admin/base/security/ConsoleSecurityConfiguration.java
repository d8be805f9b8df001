package org.haochaping.admin.base.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.haochaping.identity.ActorClaims;
import org.haochaping.identity.IdentityProperties;
import org.haochaping.identity.Issuer;
import org.haochaping.identity.Role;
import org.haochaping.identity.local.LocalConsoleClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * The console signs officials in through OpenID Connect (the embedded provider by default) and
 * admits only official roles; residents who sign in are shown a refusal page. Views add their
 * own {@code @RolesAllowed}, and the services check role and data scope once more.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(Issuer issuer, IdentityProperties properties,
            ObjectProvider<LocalConsoleClient> localClient) {
        return new ConsoleClientRegistration(issuer, properties, localClient);
    }

    /** Roles come from the ID token's claims, mapped the same way as the API's access tokens. */
    @Bean
    GrantedAuthoritiesMapper consoleAuthorities(ActorClaims claims) {
        return (Collection<? extends GrantedAuthority> authorities) -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            authorities.stream()
                    .filter(OidcUserAuthority.class::isInstance)
                    .map(OidcUserAuthority.class::cast)
                    .forEach(oidc -> mapped.addAll(claims.authorities(oidc.getIdToken().getClaims())));
            return mapped;
        };
    }

    @Bean
    @Order(10)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .oauth2LoginPage(ConsoleClientRegistration.LOGIN_PAGE, "{baseUrl}/")
                .anyRequest(request -> request.hasAnyRole(Role.officialNames())));
        http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new ConsoleRefusalPage()));
        http.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
