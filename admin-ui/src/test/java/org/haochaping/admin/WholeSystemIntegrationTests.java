package org.haochaping.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.haochaping.HaochapingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one process serves the REST API, health and the console side by side, over real HTTP. */
@SpringBootTest(classes = HaochapingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "haochaping.data-dir=target/test-data/${random.uuid}")
class WholeSystemIntegrationTests {

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

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

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"").doesNotContain("<html");
    }

    @Test
    void readiness_includes_mongodb() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void the_console_is_served_at_the_root() throws Exception {
        HttpResponse<String> response = get("/", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<html lang=\"zh-CN\"", "襄垣县好差评管理平台");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
