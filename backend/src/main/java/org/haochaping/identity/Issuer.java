package org.haochaping.identity;

import java.net.URI;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where tokens come from: the configured external provider, or the embedded one at this
 * system's public base URL. Tokens, cookies and redirects all depend on it being the URL people
 * actually use, so {@code localhost} and {@code 127.0.0.1} are not interchangeable.
 * <p>
 * With {@code server.port=0} the server takes any free port, so the default base URL is known only
 * once it listens: read the issuer when a request or a token needs it, never while beans are built.
 */
@Component
public class Issuer {

    /** Boot publishes the port the web server took under this name once it listens. */
    private static final String TAKEN_PORT = "local.server.port";

    private final IdentityProperties properties;
    private final Environment environment;

    Issuer(IdentityProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public URI uri() {
        URI external = properties.issuerUri();
        return external != null ? external : publicBaseUri();
    }

    public String value() {
        return withoutTrailingSlash(uri().toString());
    }

    public boolean isEmbedded() {
        return properties.usesEmbeddedProvider();
    }

    /** This system's own base URL, as residents and officials reach it. */
    public String publicBaseUrl() {
        return withoutTrailingSlash(publicBaseUri().toString());
    }

    private URI publicBaseUri() {
        URI configured = properties.publicBaseUrl();
        return configured != null ? configured : URI.create("http://localhost:" + port());
    }

    private String port() {
        String configured = environment.getProperty("server.port", "8080");
        if (!configured.equals("0")) {
            return configured;
        }
        String taken = environment.getProperty(TAKEN_PORT);
        if (taken == null) {
            throw new IllegalStateException("server.port=0: the public base URL is unknown until the server listens");
        }
        return taken;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
