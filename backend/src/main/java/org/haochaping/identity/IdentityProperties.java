package org.haochaping.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings under {@code haochaping.identity}.
 *
 * @param issuerUri the county's OpenID Connect provider; unset = the embedded provider
 * @param publicBaseUrl the URL residents and officials use to reach this system; the embedded
 *        provider's issuer. Unset = {@code http://localhost:<server.port>}, with the port the server
 *        took on {@code server.port=0}
 * @param audience the {@code aud} every access token must carry
 * @param clockSkew tolerance for {@code exp}/{@code nbf}
 * @param claims which token claims carry name, roles, department and region
 * @param console the console's OIDC client at the provider
 * @param corsAllowedOrigins origins allowed to call the API from a browser; empty = CORS closed
 */
@ConfigurationProperties("haochaping.identity")
public record IdentityProperties(
        @Nullable URI issuerUri,
        @Nullable URI publicBaseUrl,
        @DefaultValue("haochaping-api") String audience,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue Claims claims,
        @DefaultValue Console console,
        @DefaultValue List<String> corsAllowedOrigins) {

    public boolean usesEmbeddedProvider() {
        return issuerUri == null;
    }

    /**
     * @param roles a list (or space-separated string) of role names; prefixes like {@code ROLE_} are tolerated.
     *        A dotted path reads a nested claim scoped to this system's client, e.g. Keycloak's
     *        {@code resource_access.haochaping-api.roles}, so roles another application (or the realm)
     *        grants are not read
     * @param homeRegion a resident's home region (a region code) as the county's provider knows it;
     *        when present and known it wins over the region chosen in the app
     */
    public record Claims(
            @DefaultValue("name") String name,
            @DefaultValue("roles") String roles,
            @DefaultValue("department") String department,
            @DefaultValue("region") String region,
            @DefaultValue("home_region") String homeRegion) {
    }

    /** With the embedded provider the secret is generated at start and the settings are ignored. */
    public record Console(
            @DefaultValue("haochaping-admin") String clientId,
            @Nullable String clientSecret,
            @DefaultValue({"openid", "profile"}) List<String> scopes) {
    }
}
