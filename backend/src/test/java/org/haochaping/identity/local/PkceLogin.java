package org.haochaping.identity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Android app's sign-in at the embedded provider, over real HTTP: authorization request with a
 * PKCE S256 challenge, the sign-in page (with its CSRF field), the redirect to the loopback address
 * with the code, and the token request with the verifier. A browser's cookie jar is kept per login.
 */
public final class PkceLogin {

    public static final String CLIENT = "haochaping-mobile";
    public static final String REDIRECT = "http://127.0.0.1:49152/callback";

    /** A PKCE verifier, its S256 challenge, and a state, as the app makes them. */
    public record Pkce(String verifier, String challenge, String state) {
        public static Pkce create() throws Exception {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest),
                    UUID.randomUUID().toString().substring(0, 8));
        }
    }

    private final String base;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    public PkceLogin(String base) {
        this.base = base;
    }

    /** The token response (access, refresh and ID token) for a signed-in account. */
    public HttpResponse<String> signIn(String username, String password, Pkce pkce) throws Exception {
        return token(Map.of("grant_type", "authorization_code", "client_id", CLIENT,
                "code", authorizationCode(username, password, pkce), "redirect_uri", REDIRECT, "code_verifier", pkce.verifier()));
    }

    public String authorizationCode(String username, String password, Pkce pkce) throws Exception {
        String loginPage = openAuthorization(pkce);
        HttpResponse<String> loggedIn = postLogin(username, password, csrf(loginPage));
        HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(location(loggedIn))).build());
        String callback = location(back);
        assertThat(callback).startsWith(REDIRECT).contains("state=" + pkce.state());
        return query(callback).get("code");
    }

    /** Sends the authorization request and returns the sign-in page it leads to. */
    public String openAuthorization(Pkce pkce) throws Exception {
        HttpResponse<String> authorize = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorize?response_type=code"
                + "&client_id=" + CLIENT + "&scope=openid%20profile&redirect_uri=" + encode(REDIRECT)
                + "&state=" + pkce.state() + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256")).build());
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).isEqualTo(base + "/idp/login");
        return send(HttpRequest.newBuilder(URI.create(location(authorize))).build()).body();
    }

    public HttpResponse<String> postLogin(String username, String password, String csrf) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/idp/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf))))
                .build());
    }

    public HttpResponse<String> token(Map<String, String> parameters) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("CSRF field on the sign-in page").isTrue();
        return matcher.group(1);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + response));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }
}
