package org.haochaping.admin.base.security;

import java.util.Map;
import java.util.function.Supplier;

import org.haochaping.identity.IdentityProperties;
import org.haochaping.identity.Issuer;
import org.haochaping.identity.local.LocalConsoleClient;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.function.SingletonSupplier;

/**
 * The console's OIDC client registration, built on first use. For the embedded provider its
 * endpoints are known (the provider is this process, so nothing is fetched), and they carry the
 * port the server took, known only once it listens; for an external provider they are discovered
 * from its issuer, so the console starts even while the provider is briefly unreachable.
 */
final class ConsoleClientRegistration implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = LocalConsoleClient.REGISTRATION_ID;
    static final String LOGIN_PAGE = "/oauth2/authorization/" + REGISTRATION_ID;

    private final Supplier<ClientRegistration> registration;

    ConsoleClientRegistration(Issuer issuer, IdentityProperties properties, ObjectProvider<LocalConsoleClient> localClient) {
        this.registration = SingletonSupplier.of(() -> issuer.isEmbedded()
                ? embedded(issuer, localClient.getObject(), properties)
                : external(issuer, properties));
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration.get() : null;
    }

    private static ClientRegistration embedded(Issuer issuer, LocalConsoleClient client, IdentityProperties properties) {
        String base = issuer.value();
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(properties.console().scopes())
                .authorizationUri(base + "/oauth2/authorize")
                .tokenUri(base + "/oauth2/token")
                .jwkSetUri(base + "/oauth2/jwks")
                .userInfoUri(base + "/userinfo")
                .userNameAttributeName("sub")
                .issuerUri(base)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", base + "/connect/logout"))
                .clientName("襄垣县统一身份认证")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }

    private static ClientRegistration external(Issuer issuer, IdentityProperties properties) {
        IdentityProperties.Console console = properties.console();
        if (console.clientSecret() == null) {
            throw new IllegalStateException("Set haochaping.identity.console.client-secret for the external identity provider");
        }
        return ClientRegistrations.fromIssuerLocation(issuer.value())
                .registrationId(REGISTRATION_ID)
                .clientId(console.clientId())
                .clientSecret(console.clientSecret())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(console.scopes())
                .userNameAttributeName("sub")
                .build();
    }
}
