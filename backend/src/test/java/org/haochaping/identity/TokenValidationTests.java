package org.haochaping.identity;

import static org.haochaping.ApiContract.conforms;
import static org.haochaping.ApiContract.responseConforms;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.haochaping.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Access tokens are accepted only when signature, issuer, audience, time and role all hold. */
@IntegrationTest
class TokenValidationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;

    @Test
    void a_valid_token_is_accepted() throws Exception {
        me(tokens.resident("resident1"))
                .andExpect(status().isOk())
                .andExpect(conforms())
                .andExpect(jsonPath("$.subject").value("resident1"))
                .andExpect(jsonPath("$.roles[0]").value("RESIDENT"));
    }

    @Test
    void a_forged_signature_is_rejected() throws Exception {
        rejected(tokens.forged(claims -> claims.subject("resident1").claim("roles", List.of("SUPERVISOR"))));
    }

    @Test
    void a_token_from_another_issuer_is_rejected() throws Exception {
        rejected(tokens.token(claims -> claims.subject("resident1").claim("roles", List.of("RESIDENT"))
                .issuer("https://idp.example.org")));
    }

    @Test
    void a_token_for_another_audience_is_rejected() throws Exception {
        rejected(tokens.token(claims -> claims.subject("resident1").claim("roles", List.of("RESIDENT"))
                .audience(List.of("some-other-api"))));
    }

    @Test
    void an_expired_token_is_rejected() throws Exception {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        rejected(tokens.token(claims -> claims.subject("resident1").claim("roles", List.of("RESIDENT"))
                .issuedAt(past.minus(Duration.ofMinutes(5))).notBefore(past.minus(Duration.ofMinutes(5))).expiresAt(past)));
    }

    @Test
    void a_token_expired_within_the_clock_skew_is_still_accepted() throws Exception {
        Instant justNow = Instant.now().minus(Duration.ofSeconds(20));
        me(tokens.token(claims -> claims.subject("resident1").claim("roles", List.of("RESIDENT"))
                .issuedAt(justNow.minus(Duration.ofMinutes(5))).notBefore(justNow.minus(Duration.ofMinutes(5))).expiresAt(justNow)))
                .andExpect(status().isOk());
    }

    @Test
    void a_token_not_yet_valid_is_rejected() throws Exception {
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        rejected(tokens.token(claims -> claims.subject("resident1").claim("roles", List.of("RESIDENT"))
                .notBefore(later).expiresAt(later.plus(Duration.ofMinutes(5)))));
    }

    @Test
    void a_token_without_a_role_of_ours_is_forbidden() throws Exception {
        me(tokens.token(claims -> claims.subject("resident1").claim("roles", List.of("county-admin"))))
                .andExpect(status().isForbidden())
                .andExpect(responseConforms())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        me(tokens.token(claims -> claims.subject("resident1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void garbage_is_not_a_token() throws Exception {
        rejected("not.a.jwt");
    }

    @Test
    void no_token_is_a_401_problem_with_www_authenticate_in_english_when_asked() throws Exception {
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(responseConforms())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(jsonPath("$.title").value("Sign-in required"));
    }

    @Test
    void a_resident_cannot_steer_me_to_another_resident() throws Exception {
        mvc.perform(get("/api/v1/me").param("subject", "resident2").param("sub", "resident2")
                        .header("Authorization", "Bearer " + tokens.resident("resident1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("resident1"));
    }

    private ResultActions me(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token));
    }

    private void rejected(String token) throws Exception {
        me(token).andExpect(status().isUnauthorized())
                .andExpect(responseConforms())
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"))
                .andExpect(jsonPath("$.type").value("https://haochaping.org/problems/unauthorized"));
    }
}
