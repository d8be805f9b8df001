package org.haochaping.identity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.haochaping.HaochapingApplication;
import org.haochaping.LocalServer;
import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.identity.audit.AuditLog;
import org.haochaping.identity.audit.AuditMark;
import org.haochaping.identity.local.PkceLogin.Pkce;
import org.haochaping.system.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's sign-in as a family of refresh tokens at the embedded provider, over real HTTP: it
 * lasts at most the absolute lifetime, a rotated token coming back revokes it, the public client
 * gets nowhere but the token endpoint, and the database holds no usable token.
 */
@SpringBootTest(classes = HaochapingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "haochaping.report.monthly-catch-up=false")
@Import(SessionIntegrationTests.Time.class)
@ExtendWith(OutputCaptureExtension.class)
class SessionIntegrationTests {

    static final Path DATA = Path.of("target", "test-data", "sessions-" + UUID.randomUUID());

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("haochaping.data-dir", DATA::toString);
    }

    /** Starts now: Spring Authorization Server checks expiry against the real time too. */
    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now(), ZoneId.of("Asia/Shanghai"));
        }
    }

    final JsonMapper json = JsonMapper.builder().build();
    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    AuditLog auditLog;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StoredAuthorizations authorizations;
    @Autowired
    LocalConsoleClient console;
    PkceLogin app;

    @BeforeEach
    void connect() {
        app = new PkceLogin(base());
    }

    @Test
    void a_sign_in_lasts_at_most_90_days_however_often_it_is_refreshed() throws Exception {
        JsonNode signedIn = signIn("resident5");
        Instant familyStart = clock.instant();

        clock.advance(Duration.ofDays(60));
        JsonNode day60 = refresh(signedIn.get("refresh_token").asString());
        clock.advance(Duration.ofDays(29));
        JsonNode day89 = refresh(day60.get("refresh_token").asString());
        clock.advance(Duration.ofDays(2));
        HttpResponse<String> day91 = refreshing(day89.get("refresh_token").asString());

        Instant familyEnd = familyStart.plus(Duration.ofDays(90));
        assertThat(storedRefreshTokenExpiry("resident5")).as("a rotated token keeps the family's end")
                .isBetween(familyEnd.minusSeconds(1), familyEnd.plusSeconds(1));
        assertThat(day91.statusCode()).isEqualTo(400);
        assertThat(day91.body()).contains("invalid_grant");
    }

    @Test
    void a_rotated_refresh_token_presented_again_revokes_the_whole_sign_in_and_is_audited(CapturedOutput output) throws Exception {
        AuditMark mark = AuditMark.now(auditLog);
        JsonNode signedIn = signIn("resident6");
        String stolen = signedIn.get("refresh_token").asString();
        JsonNode rotated = refresh(stolen);
        assertThat(userInfo(rotated.get("access_token").asString()).statusCode()).isEqualTo(200);
        clock.advance(StoredAuthorizations.CONCURRENT_REFRESH_GRACE.plusSeconds(1));

        HttpResponse<String> replayed = refreshing(stolen);
        HttpResponse<String> newest = refreshing(rotated.get("refresh_token").asString());

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(newest.statusCode()).as("the family's newest refresh token is revoked").isEqualTo(400);
        assertThat(newest.body()).contains("invalid_grant");
        assertThat(userInfo(rotated.get("access_token").asString()).statusCode()).isEqualTo(401);
        assertThat(mark.actionsBy("resident6")).contains(StoredAuthorizations.REFRESH_TOKEN_REUSED);
        List<String> secrets = List.of(stolen, rotated.get("refresh_token").asString(), rotated.get("access_token").asString(),
                signedIn.get("access_token").asString());
        List<AuditEntry> written = auditLog.newest(20);
        assertThat(written).filteredOn(entry -> entry.actor().equals("resident6"))
                .allSatisfy(entry -> secrets.forEach(secret -> assertThat(entry.target() + entry.details()).doesNotContain(secret)));
        secrets.forEach(secret -> assertThat(output.getAll()).doesNotContain(secret));
    }

    @Test
    void an_app_refreshing_twice_at_once_keeps_its_sign_in_and_only_the_late_request_is_refused() throws Exception {
        AuditMark mark = AuditMark.now(auditLog);
        JsonNode signedIn = signIn("resident8");
        String shared = signedIn.get("refresh_token").asString();
        JsonNode first = refresh(shared);
        clock.advance(StoredAuthorizations.CONCURRENT_REFRESH_GRACE.minusSeconds(1));

        HttpResponse<String> second = refreshing(shared);

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("invalid_grant");
        assertThat(refreshing(first.get("refresh_token").asString()).statusCode()).as("the sign-in stays").isEqualTo(200);
        assertThat(mark.actionsBy("resident8")).doesNotContain(StoredAuthorizations.REFRESH_TOKEN_REUSED);
    }

    @Test
    void an_erased_account_is_signed_out_of_every_app() throws Exception {
        JsonNode signedIn = signIn("resident7");
        String access = signedIn.get("access_token").asString();
        HttpResponse<String> code = app.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/me/erasure-confirmation"))
                .header("Authorization", "Bearer " + access).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(code.statusCode()).as(code.body()).isEqualTo(201);

        HttpResponse<String> erased = app.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/me"))
                .header("Authorization", "Bearer " + access)
                .header("Erasure-Code", json.readTree(code.body()).get("code").asString()).DELETE().build());

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        HttpResponse<String> refreshed = refreshing(signedIn.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");
        assertThat(dump("oauth2_authorizations")).doesNotContain("\"resident7\"");
    }

    @Test
    void the_public_client_cannot_introspect_or_revoke_without_a_secret() throws Exception {
        JsonNode signedIn = signIn("resident7");
        String accessToken = signedIn.get("access_token").asString();
        String refreshToken = signedIn.get("refresh_token").asString();

        HttpResponse<String> introspectedAsRefresh = post("/oauth2/introspect",
                Map.of("client_id", PkceLogin.CLIENT, "grant_type", "refresh_token", "token", accessToken));
        HttpResponse<String> introspected = post("/oauth2/introspect", Map.of("client_id", PkceLogin.CLIENT, "token", accessToken));
        HttpResponse<String> revokedAsRefresh = post("/oauth2/revoke",
                Map.of("client_id", PkceLogin.CLIENT, "grant_type", "refresh_token", "token", refreshToken));
        HttpResponse<String> revoked = post("/oauth2/revoke", Map.of("client_id", PkceLogin.CLIENT, "token", refreshToken));

        assertThat(introspectedAsRefresh.statusCode()).as(introspectedAsRefresh.body()).isEqualTo(401);
        assertThat(introspected.statusCode()).isEqualTo(401);
        assertThat(revokedAsRefresh.statusCode()).isEqualTo(401);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(refreshing(refreshToken).statusCode()).as("refreshing at the token endpoint still works").isEqualTo(200);
    }

    @Test
    void a_confidential_client_with_its_secret_still_introspects() throws Exception {
        String accessToken = signIn("resident10").get("access_token").asString();
        String basic = Base64.getEncoder().encodeToString((console.clientId() + ":" + console.clientSecret())
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> introspected = app.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/introspect"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + PkceLogin.encode(accessToken))).build());

        assertThat(introspected.statusCode()).isEqualTo(200);
        assertThat(json.readTree(introspected.body()).get("active").asBoolean()).isTrue();
    }

    @Test
    void the_database_holds_no_token_anyone_could_present() throws Exception {
        Pkce pkce = Pkce.create();
        String code = app.authorizationCode("resident8", LocalServer.password(DATA, "resident8"), pkce);
        HttpResponse<String> exchanged = app.token(Map.of("grant_type", "authorization_code", "client_id", PkceLogin.CLIENT,
                "code", code, "redirect_uri", PkceLogin.REDIRECT, "code_verifier", pkce.verifier()));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode tokens = json.readTree(exchanged.body());
        JsonNode rotated = refresh(tokens.get("refresh_token").asString());

        String dump = dump("oauth2_authorizations") + dump("oauth2_token_keys");

        assertThat(dump).contains("resident8");
        for (JsonNode issued : List.of(tokens, rotated)) {
            for (String name : List.of("access_token", "refresh_token", "id_token")) {
                assertThat(issued.has(name)).as(name).isTrue();
                assertThat(dump).doesNotContain(issued.get(name).asString());
            }
        }
        assertThat(dump).doesNotContain(code);
        assertThat(dump).as("no password hash, no IP address of the sign-in").doesNotContain("$2a$", "bcrypt", "remoteAddress");
    }

    @Test
    void sign_ins_whose_tokens_all_expired_are_deleted_with_their_keys() throws Exception {
        signIn("resident9");
        long before = mongo.count(new Query(), StoredAuthorization.class);

        clock.advance(Duration.ofDays(31));
        int deleted = authorizations.deleteExpired();

        assertThat(before).isPositive();
        assertThat(deleted).isPositive();
        assertThat(mongo.findAll(StoredAuthorization.class)).noneMatch(stored -> stored.principalName().equals("resident9"));
        assertThat(mongo.findAll(TokenKey.class)).allMatch(key -> mongo.findById(key.authorizationId(), StoredAuthorization.class) != null);
    }

    private Instant storedRefreshTokenExpiry(String principal) {
        StoredAuthorization stored = mongo.findAll(StoredAuthorization.class).stream()
                .filter(authorization -> authorization.principalName().equals(principal)).findFirst().orElseThrow();
        return stored.tokens().stream().filter(token -> token.kind().equals("refresh_token")).findFirst().orElseThrow().expiresAt();
    }

    private String dump(String collection) {
        StringBuilder all = new StringBuilder();
        mongo.getCollection(collection).find().forEach((Document document) -> all.append(document.toJson()));
        return all.toString();
    }

    private JsonNode signIn(String username) throws Exception {
        HttpResponse<String> response = app.signIn(username, LocalServer.password(DATA, username), Pkce.create());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode refresh(String refreshToken) throws Exception {
        HttpResponse<String> response = refreshing(refreshToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> refreshing(String refreshToken) throws Exception {
        return app.token(Map.of("grant_type", "refresh_token", "client_id", PkceLogin.CLIENT, "refresh_token", refreshToken));
    }

    private HttpResponse<String> userInfo(String accessToken) throws Exception {
        return app.send(HttpRequest.newBuilder(URI.create(base() + "/userinfo")).header("Authorization", "Bearer " + accessToken).build());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        Map<String, String> parameters = new HashMap<>(form);
        String body = String.join("&", parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + PkceLogin.encode(entry.getValue())).toList());
        return app.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
