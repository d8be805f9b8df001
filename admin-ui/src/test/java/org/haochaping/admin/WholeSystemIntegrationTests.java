package org.haochaping.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.haochaping.admin.base.ConsoleTestBase;
import org.junit.jupiter.api.Test;

/** The one process serves the REST API, health, the identity provider and the console, over real HTTP. */
class WholeSystemIntegrationTests extends ConsoleTestBase {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_api_answers_beside_the_console() throws Exception {
        HttpResponse<String> response = get("/api/v1/campaigns", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"code\":\"property-management\"", "规范居民小区物业管理攻坚行动");
    }

    @Test
    void unknown_api_paths_are_problems_not_console_pages() throws Exception {
        HttpResponse<String> response = get("/api/v1/unknown", "text/html");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"").doesNotContain("<html");
    }

    @Test
    void readiness_includes_mongodb() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void the_console_asks_a_signed_out_visitor_to_sign_in() throws Exception {
        HttpResponse<String> response = get("/", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(base() + "/oauth2/authorization/haochaping");
    }

    @Test
    void the_documented_script_signs_resident1_in_by_pkce_and_calls_me() throws Exception {
        Process script = new ProcessBuilder("bash", Path.of("..", "backend", "scripts", "pkce-login.sh").toString(),
                "resident1", base(), DATA.toString()).redirectErrorStream(false).start();
        String token = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String errors = new String(script.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(script.waitFor()).as(errors).isZero();
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"subject\":\"resident1\"", "RESIDENT");
    }

    @Test
    void the_provider_publishes_its_discovery_document_at_the_public_url() throws Exception {
        HttpResponse<String> response = get("/.well-known/openid-configuration", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"issuer\":\"" + base() + "\"", "\"code_challenge_methods_supported\":[\"S256\"]");
    }

    @Test
    void responses_carry_security_headers() throws Exception {
        HttpResponse<String> response = get("/api/v1/campaigns", "application/json");

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", accept)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
