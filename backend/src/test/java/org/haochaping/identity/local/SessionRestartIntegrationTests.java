package org.haochaping.identity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.haochaping.HaochapingApplication;
import org.haochaping.LocalServer;
import org.haochaping.identity.local.PkceLogin.Pkce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A restart of the system leaves a signed-in app signed in: the whole system on a real port
 * (the same one twice, it is the issuer) and the same data directory, as an operator restarts it.
 */
class SessionRestartIntegrationTests {

    @TempDir
    Path dataDir;
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void after_a_restart_the_apps_refresh_token_still_refreshes_and_the_new_access_token_calls_the_api() throws Exception {
        int port = freePort();
        String base = "http://localhost:" + port;
        String refreshToken;
        try (ConfigurableApplicationContext first = start(port)) {
            HttpResponse<String> signedIn = new PkceLogin(base).signIn("resident1", LocalServer.password(dataDir, "resident1"),
                    Pkce.create());
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
            refreshToken = json.readTree(signedIn.body()).get("refresh_token").asString();
        }

        try (ConfigurableApplicationContext second = start(port)) {
            PkceLogin app = new PkceLogin(base);
            HttpResponse<String> refreshed = app.token(Map.of("grant_type", "refresh_token", "client_id", PkceLogin.CLIENT,
                    "refresh_token", refreshToken));
            assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
            JsonNode tokens = json.readTree(refreshed.body());
            HttpResponse<String> me = app.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                    .header("Authorization", "Bearer " + tokens.get("access_token").asString()).build());

            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"subject\":\"resident1\"", "\"roles\":[\"RESIDENT\"]");
            assertThat(tokens.get("refresh_token").asString()).isNotEqualTo(refreshToken);
        }
    }

    private ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(HaochapingApplication.class)
                .run("--haochaping.data-dir=" + dataDir, "--server.port=" + port, "--spring.main.banner-mode=off",
                        "--haochaping.report.monthly-catch-up=false");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
