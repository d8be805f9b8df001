package org.haochaping.identity;

import java.net.URI;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where tokens come from: the configured external provider, or the embedded one at this
 * system's public base URL. Tokens, cookies and redirects all depend on it being the URL people
 * actually use, so {@code localhost} and {@code 127.0.0.1} are not interchangeable.
 */
@Component
public class Issuer {

    private final IdentityProperties properties;
    private final URI publicBaseUrl;

    Issuer(IdentityProperties properties, Environment environment) {
        this.properties = properties;
        this.publicBaseUrl = properties.publicBaseUrl() != null
                ? properties.publicBaseUrl()
                : URI.create("http://localhost:" + environment.getProperty("server.port", "8080"));
    }

    public URI uri() {
        URI external = properties.issuerUri();
        return external != null ? external : publicBaseUrl;
    }

    public String value() {
        return withoutTrailingSlash(uri().toString());
    }

    public boolean isEmbedded() {
        return properties.usesEmbeddedProvider();
    }

    /** This system's own base URL, as residents and officials reach it. */
    public String publicBaseUrl() {
        return withoutTrailingSlash(publicBaseUrl.toString());
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
