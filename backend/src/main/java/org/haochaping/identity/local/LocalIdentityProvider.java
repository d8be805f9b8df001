package org.haochaping.identity.local;

import static org.springframework.security.config.Customizer.withDefaults;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.haochaping.identity.IdentityProperties;
import org.haochaping.identity.Issuer;
import org.haochaping.identity.audit.AuditAggregator;
import org.haochaping.identity.audit.AuditLog;
import org.haochaping.identity.audit.SignInNames;
import org.haochaping.system.HaochapingProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The embedded OpenID Connect provider (Spring Authorization Server), active only when no external
 * issuer is configured, so one command runs everything on a laptop. Its issuer is this system's
 * public base URL; its users are the demo accounts of {@link LocalAccounts}; its login page is at
 * {@code /idp/login}. The signed-in user at the provider is kept apart from the console's session
 * (its own session attribute), so the console only ever trusts what came through OIDC.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedProviderCondition.class)
class LocalIdentityProvider {

    static final String MOBILE_CLIENT = "haochaping-mobile";
    static final String MOBILE_REDIRECT = "org.haochaping.app:/oauth2redirect";
    /** RFC 8252 loopback redirect: the provider accepts it on any port. */
    static final String LOOPBACK_REDIRECT = "http://127.0.0.1/callback";
    static final String LOGIN_PAGE = "/idp/login";
    private static final String PROVIDER_SESSION_KEY = "HAOCHAPING_IDENTITY_PROVIDER_CONTEXT";

    @Bean
    RSAKey localSigningKey(HaochapingProperties properties) {
        return LocalSigningKey.loadOrCreate(properties.dataDir().resolve("oidc-signing-key.json"));
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey localSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(localSigningKey));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    @Bean
    LocalAccounts localAccounts(HaochapingProperties properties) {
        return LocalAccounts.loadOrCreate(properties.dataDir().resolve("local-accounts.txt"));
    }

    @Bean
    SignInNames signInNames(LocalAccounts accounts) {
        return new SignInNames(username -> accounts.account(username).isPresent());
    }

    @Bean
    SignInThrottleFilter signInThrottle(Clock clock, SignInNames names, AuditAggregator audit) {
        return new SignInThrottleFilter(new SignInThrottle(clock), names, audit);
    }

    /** Used only inside the provider's filter chain, never as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<SignInThrottleFilter> signInThrottleRegistration(SignInThrottleFilter filter) {
        FilterRegistrationBean<SignInThrottleFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    LocalConsoleClient localConsoleClient(IdentityProperties properties) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new LocalConsoleClient(properties.console().clientId(), HexFormat.of().formatHex(secret));
    }

    @Bean
    RegisteredClientRepository registeredClients(Issuer issuer, LocalConsoleClient console, SessionSettings sessions) {
        return new LazyRegisteredClients(() -> clients(issuer, console, sessions));
    }

    @Bean
    RefreshTokenLifetime refreshTokenLifetime(SessionSettings sessions) {
        return new RefreshTokenLifetime(sessions.refreshTokenAbsoluteLifetime());
    }

    /** Sign-ins survive a restart: Spring Authorization Server would keep them in memory. */
    @Bean
    StoredAuthorizations authorizationService(MongoTemplate mongo, RegisteredClientRepository clients,
            RefreshTokenLifetime lifetime, AuditLog audit, Clock clock) {
        return new StoredAuthorizations(mongo, clients, lifetime, audit, clock);
    }

    @Bean
    ExpiredAuthorizations expiredAuthorizations(StoredAuthorizations authorizations) {
        return new ExpiredAuthorizations(authorizations);
    }

    private static RegisteredClientRepository clients(Issuer issuer, LocalConsoleClient console, SessionSettings sessions) {
        RegisteredClient mobile = RegisteredClient.withId(UUID.nameUUIDFromBytes(MOBILE_CLIENT.getBytes()).toString())
                .clientId(MOBILE_CLIENT)
                .clientName("好差评 Android app")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(MOBILE_REDIRECT)
                .redirectUri(LOOPBACK_REDIRECT)
                .redirectUri("http://127.0.0.1")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(15))
                        .refreshTokenTimeToLive(sessions.refreshTokenIdleLifetime())
                        .reuseRefreshTokens(false)
                        .build())
                .build();
        RegisteredClient admin = RegisteredClient.withId(UUID.nameUUIDFromBytes(console.clientId().getBytes()).toString())
                .clientId(console.clientId())
                .clientSecret("{noop}" + console.clientSecret())
                .clientName("好差评管理平台")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(issuer.publicBaseUrl() + "/login/oauth2/code/" + LocalConsoleClient.REGISTRATION_ID)
                .postLogoutRedirectUri(issuer.publicBaseUrl() + "/")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15)).build())
                .build();
        return new InMemoryRegisteredClientRepository(List.of(mobile, admin));
    }

    /** No issuer here: {@link CurrentIssuerFilter} supplies it per request. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder jwtEncoder, IdentityClaims identityClaims, Clock clock,
            RefreshTokenLifetime lifetime) {
        JwtGenerator jwt = new JwtGenerator(jwtEncoder);
        jwt.setJwtCustomizer(identityClaims);
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(),
                PublicClientRefresh.refreshTokenGenerator(clock, lifetime));
    }

    @Bean
    IdentityClaims identityClaims(LocalAccounts accounts, IdentityProperties properties) {
        return new IdentityClaims(accounts, properties);
    }

    @Bean
    @Order(1)
    SecurityFilterChain identityProviderSecurity(HttpSecurity http, RegisteredClientRepository clients,
            UserDetailsService localAccounts, SignInThrottleFilter throttle, Issuer issuer,
            AuthorizationServerSettings settings) throws Exception {
        OAuth2AuthorizationServerConfigurer provider = new OAuth2AuthorizationServerConfigurer();
        RequestMatcher providerEndpoints = provider.getEndpointsMatcher();
        HttpSessionSecurityContextRepository providerSessions = new HttpSessionSecurityContextRepository();
        providerSessions.setSpringSecurityContextKey(PROVIDER_SESSION_KEY);

        http.securityMatcher(new OrRequestMatcher(providerEndpoints, request -> request.getRequestURI().startsWith("/idp/")))
                .with(provider, server -> server
                        .oidc(withDefaults())
                        .clientAuthentication(clientAuthentication -> clientAuthentication
                                .authenticationConverter(PublicClientRefresh.converter(
                                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, settings.getTokenEndpoint())))
                                .authenticationProvider(PublicClientRefresh.provider(clients))))
                .userDetailsService(localAccounts)
                .securityContext(context -> context.securityContextRepository(providerSessions))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN_PAGE, "/idp/login.css").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new CurrentIssuerFilter(issuer, settings), CsrfFilter.class)
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage(LOGIN_PAGE).securityContextRepository(providerSessions)
                        .failureHandler(throttle.failureHandler())
                        .successHandler(throttle.successHandler()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(providerEndpoints));
        return http.build();
    }
}
