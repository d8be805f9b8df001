package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Where the embedded provider's issuer points, before and after the server took its port. */
class IssuerTests {

    final MockEnvironment environment = new MockEnvironment();

    @Test
    void a_fixed_port_is_the_issuer_from_the_start() {
        environment.setProperty("server.port", "8443");

        assertThat(embedded(null).value()).isEqualTo("http://localhost:8443");
    }

    @Test
    void on_port_0_the_issuer_is_the_port_the_server_took() {
        environment.setProperty("server.port", "0");
        Issuer issuer = embedded(null);
        assertThatIllegalStateException().isThrownBy(issuer::value);

        environment.setProperty("local.server.port", "41234");

        assertThat(issuer.value()).isEqualTo("http://localhost:41234");
        assertThat(issuer.publicBaseUrl()).isEqualTo("http://localhost:41234");
    }

    @Test
    void a_configured_public_url_wins_over_any_port() {
        environment.setProperty("server.port", "0");

        assertThat(embedded(URI.create("https://hcp.xiangyuan.gov.cn/")).value()).isEqualTo("https://hcp.xiangyuan.gov.cn");
    }

    private Issuer embedded(URI publicBaseUrl) {
        return new Issuer(new IdentityProperties(null, publicBaseUrl, "haochaping-api", Duration.ofSeconds(60),
                new IdentityProperties.Claims("name", "roles", "department", "region", "home_region"),
                new IdentityProperties.Console("haochaping-admin", null, List.of("openid")), List.of()), environment);
    }
}
