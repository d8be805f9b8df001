package org.haochaping.identity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.haochaping.HaochapingApplication;
import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.identity.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Android app's sign-in, end to end over real HTTP against the running system: authorization
 * code with PKCE (S256) at the embedded provider, the Chinese sign-in page, tokens, refresh
 * tokens that rotate, and the API accepting the access token.
 */
@SpringBootTest(classes = HaochapingApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
class MobileLoginFlowTests {

    static final int PORT = freePort();
    static final Path DATA = Path.of("target", "test-data", "mobile-login-" + UUID.randomUUID());
    static final String BASE = "http://localhost:" + PORT;
    static final String REDIRECT = "http://127.0.0.1:49152/callback";

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("haochaping.data-dir", DATA::toString);
    }

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Autowired
    AuditLog auditLog;

    @Test
    void a_resident_signs_in_with_pkce_and_calls_the_api() throws Exception {
        Pkce pkce = Pkce.create();

        JsonNode tokens = signIn("resident1", pkce);
        HttpResponse<String> me = get("/api/v1/me", tokens.get("access_token").asString());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"subject\":\"resident1\"", "\"roles\":[\"RESIDENT\"]");
        assertThat(tokens.get("id_token").asString()).isNotBlank();
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(auditLog.newest(20)).anySatisfy(entry -> assertThat(entry)
                .extracting(AuditEntry::actor, AuditEntry::action).containsExactly("resident1", "LOGIN"));
    }

    @Test
    void refresh_tokens_keep_the_app_signed_in_and_rotate() throws Exception {
        JsonNode first = signIn("resident2", Pkce.create());
        String refreshToken = first.get("refresh_token").asString();

        HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token", "client_id", "haochaping-mobile",
                "refresh_token", refreshToken));
        HttpResponse<String> replayed = token(Map.of("grant_type", "refresh_token", "client_id", "haochaping-mobile",
                "refresh_token", refreshToken));

        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode second = json.readTree(refreshed.body());
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(refreshToken);
        assertThat(get("/api/v1/me", second.get("access_token").asString()).body()).contains("resident2");
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("invalid_grant");
    }

    @Test
    void an_authorization_request_without_pkce_is_refused() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/authorize?response_type=code"
                + "&client_id=haochaping-mobile&scope=openid&redirect_uri=" + encode(REDIRECT) + "&state=s1")).build());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).startsWith(REDIRECT).contains("error=invalid_request").doesNotContain("code=");
    }

    @Test
    void the_plain_pkce_method_is_refused() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/authorize?response_type=code"
                + "&client_id=haochaping-mobile&scope=openid&redirect_uri=" + encode(REDIRECT)
                + "&state=s2&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq&code_challenge_method=plain")).build());

        assertThat(location(response)).contains("error=invalid_request").doesNotContain("code=");
    }

    @Test
    void a_code_is_useless_without_the_matching_verifier() throws Exception {
        String code = authorizationCode("resident3", Pkce.create());

        HttpResponse<String> stolen = token(Map.of("grant_type", "authorization_code", "client_id", "haochaping-mobile",
                "code", code, "redirect_uri", REDIRECT, "code_verifier", Pkce.create().verifier()));

        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(stolen.body()).contains("invalid_grant");
    }

    @Test
    void a_wrong_password_goes_back_to_the_chinese_sign_in_page_and_is_audited() throws Exception {
        String loginPage = openAuthorization(Pkce.create());
        assertThat(loginPage).contains("lang=\"zh-CN\"", "用户名", "密码", "登录");

        HttpResponse<String> failed = postLogin("resident4", "wrong-password", csrf(loginPage));

        assertThat(location(failed)).endsWith("/idp/login?error");
        assertThat(send(HttpRequest.newBuilder(URI.create(BASE + "/idp/login?error")).build()).body()).contains("用户名或密码错误");
        assertThat(auditLog.newest(20)).anySatisfy(entry -> assertThat(entry)
                .extracting(AuditEntry::actor, AuditEntry::action).containsExactly("resident4", "LOGIN_FAILED"));
    }

    @Test
    void demo_passwords_are_in_a_private_file() throws Exception {
        Path accounts = DATA.resolve("local-accounts.txt");

        assertThat(Files.getPosixFilePermissions(accounts)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(Files.readAllLines(accounts)).anyMatch(line -> line.matches("resident1 \\S{16} RESIDENT"))
                .anyMatch(line -> line.matches("manager \\S{16} MANAGER"))
                .hasSize(26);
        assertThat(Files.getPosixFilePermissions(DATA.resolve("oidc-signing-key.json"))).hasSize(2);
    }

    private JsonNode signIn(String username, Pkce pkce) throws Exception {
        String code = authorizationCode(username, pkce);
        HttpResponse<String> response = token(Map.of("grant_type", "authorization_code", "client_id", "haochaping-mobile",
                "code", code, "redirect_uri", REDIRECT, "code_verifier", pkce.verifier()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String authorizationCode(String username, Pkce pkce) throws Exception {
        String loginPage = openAuthorization(pkce);
        HttpResponse<String> loggedIn = postLogin(username, password(username), csrf(loginPage));
        HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(location(loggedIn))).build());
        String callback = location(back);
        assertThat(callback).startsWith(REDIRECT).contains("state=" + pkce.state());
        return query(callback).get("code");
    }

    private String openAuthorization(Pkce pkce) throws Exception {
        HttpResponse<String> authorize = send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/authorize?response_type=code"
                + "&client_id=haochaping-mobile&scope=openid%20profile&redirect_uri=" + encode(REDIRECT)
                + "&state=" + pkce.state() + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256")).build());
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).isEqualTo(BASE + "/idp/login");
        return send(HttpRequest.newBuilder(URI.create(location(authorize))).build()).body();
    }

    private HttpResponse<String> postLogin(String username, String password, String csrf) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(BASE + "/idp/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf))))
                .build());
    }

    private HttpResponse<String> token(Map<String, String> parameters) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build());
    }

    private HttpResponse<String> get(String path, String accessToken) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", "Bearer " + accessToken).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String password(String username) throws IOException {
        return Files.readAllLines(DATA.resolve("local-accounts.txt")).stream()
                .map(line -> line.split(" "))
                .filter(parts -> parts[0].equals(username))
                .map(parts -> parts[1])
                .findFirst().orElseThrow();
    }

    private static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("CSRF field on the sign-in page").isTrue();
        return matcher.group(1);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + response));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PKCE verifier, its S256 challenge, and a state, as the app makes them. */
    record Pkce(String verifier, String challenge, String state) {
        static Pkce create() throws Exception {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest),
                    UUID.randomUUID().toString().substring(0, 8));
        }
    }
}
