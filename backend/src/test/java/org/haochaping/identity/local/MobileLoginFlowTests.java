package org.haochaping.identity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haochaping.identity.local.PkceLogin.csrf;
import static org.haochaping.identity.local.PkceLogin.encode;
import static org.haochaping.identity.local.PkceLogin.location;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.HaochapingApplication;
import org.haochaping.LocalServer;
import org.haochaping.identity.local.PkceLogin.Pkce;
import org.haochaping.identity.audit.AuditLog;
import org.haochaping.identity.audit.AuditMark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Android app's sign-in, end to end over real HTTP against the running system: authorization
 * code with PKCE (S256) at the embedded provider, the Chinese sign-in page, tokens, refresh
 * tokens that rotate, and the API accepting the access token.
 */
@SpringBootTest(classes = HaochapingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class MobileLoginFlowTests {

    static final Path DATA = Path.of("target", "test-data", "mobile-login-" + UUID.randomUUID());
    static final String REDIRECT = PkceLogin.REDIRECT;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("haochaping.data-dir", DATA::toString);
    }

    final JsonMapper json = JsonMapper.builder().build();
    @LocalServerPort
    int port;
    @Autowired
    AuditLog auditLog;
    PkceLogin login;

    @BeforeEach
    void connect() {
        login = new PkceLogin(base());
    }

    @Test
    void a_resident_signs_in_with_pkce_and_calls_the_api() throws Exception {
        AuditMark mark = AuditMark.now(auditLog);
        Pkce pkce = Pkce.create();

        JsonNode tokens = signIn("resident1", pkce);
        HttpResponse<String> me = get("/api/v1/me", tokens.get("access_token").asString());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"subject\":\"resident1\"", "\"roles\":[\"RESIDENT\"]");
        assertThat(tokens.get("id_token").asString()).isNotBlank();
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(mark.actionsBy("resident1")).containsExactly("LOGIN");
    }

    @Test
    void the_issuer_is_the_port_the_server_took() throws Exception {
        HttpResponse<String> discovery = login.send(HttpRequest.newBuilder(URI.create(base() + "/.well-known/openid-configuration")).build());

        assertThat(json.readTree(discovery.body()).get("issuer").asString()).isEqualTo(base());
    }

    @Test
    void refresh_tokens_keep_the_app_signed_in_and_rotate() throws Exception {
        JsonNode first = signIn("resident2", Pkce.create());
        String refreshToken = first.get("refresh_token").asString();

        HttpResponse<String> refreshed = login.token(Map.of("grant_type", "refresh_token", "client_id", "haochaping-mobile",
                "refresh_token", refreshToken));
        HttpResponse<String> replayed = login.token(Map.of("grant_type", "refresh_token", "client_id", "haochaping-mobile",
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
        HttpResponse<String> response = login.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/authorize?response_type=code"
                + "&client_id=haochaping-mobile&scope=openid&redirect_uri=" + encode(REDIRECT) + "&state=s1")).build());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).startsWith(REDIRECT).contains("error=invalid_request").doesNotContain("code=");
    }

    @Test
    void the_plain_pkce_method_is_refused() throws Exception {
        HttpResponse<String> response = login.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/authorize?response_type=code"
                + "&client_id=haochaping-mobile&scope=openid&redirect_uri=" + encode(REDIRECT)
                + "&state=s2&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq&code_challenge_method=plain")).build());

        assertThat(location(response)).contains("error=invalid_request").doesNotContain("code=");
    }

    @Test
    void a_code_is_useless_without_the_matching_verifier() throws Exception {
        String code = authorizationCode("resident3", Pkce.create());

        HttpResponse<String> stolen = login.token(Map.of("grant_type", "authorization_code", "client_id", "haochaping-mobile",
                "code", code, "redirect_uri", REDIRECT, "code_verifier", Pkce.create().verifier()));

        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(stolen.body()).contains("invalid_grant");
    }

    @Test
    void a_wrong_password_goes_back_to_the_chinese_sign_in_page_and_is_audited() throws Exception {
        AuditMark mark = AuditMark.now(auditLog);
        String loginPage = login.openAuthorization(Pkce.create());
        assertThat(loginPage).contains("lang=\"zh-CN\"", "用户名", "密码", "登录");

        HttpResponse<String> failed = login.postLogin("resident4", "wrong-password", csrf(loginPage));

        assertThat(location(failed)).endsWith("/idp/login?error");
        assertThat(login.send(HttpRequest.newBuilder(URI.create(base() + "/idp/login?error")).build()).body()).contains("用户名或密码错误");
        assertThat(mark.actionsBy("resident4")).containsExactly("LOGIN_FAILED");
    }

    @Test
    void demo_passwords_are_in_a_private_file() throws Exception {
        Path accounts = DATA.resolve("local-accounts.txt");

        assertThat(Files.getPosixFilePermissions(accounts)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        List<String> lines = Files.readAllLines(accounts);
        assertThat(lines).hasSize(26).allMatch(line -> line.matches("\\S+ \\S{16} [A-Z_]+"));
        assertThat(lines).map(line -> line.replaceFirst(" \\S{16} ", " "))
                .containsExactlyElementsOf(LocalAccounts.DEMO.stream().map(demo -> demo.username() + " " + demo.role()).toList());
        assertThat(Files.getPosixFilePermissions(DATA.resolve("oidc-signing-key.json"))).hasSize(2);
    }

    private JsonNode signIn(String username, Pkce pkce) throws Exception {
        HttpResponse<String> response = login.signIn(username, LocalServer.password(DATA, username), pkce);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String authorizationCode(String username, Pkce pkce) throws Exception {
        return login.authorizationCode(username, LocalServer.password(DATA, username), pkce);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path, String accessToken) throws Exception {
        return login.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + accessToken).build());
    }

}
