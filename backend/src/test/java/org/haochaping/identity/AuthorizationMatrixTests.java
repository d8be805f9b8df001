package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.haochaping.IntegrationTest;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.CampaignStatus;
import org.haochaping.campaign.CampaignStewardship;
import org.haochaping.media.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Who may do what: every endpoint and every console action, for anonymous callers and each
 * role, with the outcome expected. Each later feature adds its rows here.
 */
@IntegrationTest
class AuthorizationMatrixTests {

    /** Callers: anonymous, and one per role (officials of the property-management lead department). */
    enum Caller { ANONYMOUS, RESIDENT, HANDLER, MANAGER, SUPERVISOR, AUDITOR }

    static final String LEAD = "housing-construction";

    /** A request, with a JSON body or a photo (multipart) when it needs one, and the status each caller gets. */
    record Endpoint(HttpMethod method, String path, String body, byte[] photo, Map<Caller, Integer> expected) {
        static Endpoint of(HttpMethod method, String path, int anonymous, int resident, int handler, int manager,
                int supervisor, int auditor) {
            return with(method, path, "", anonymous, resident, handler, manager, supervisor, auditor);
        }

        static Endpoint with(HttpMethod method, String path, String body, int anonymous, int resident, int handler,
                int manager, int supervisor, int auditor) {
            return new Endpoint(method, path, body, new byte[0], expected(anonymous, resident, handler, manager, supervisor, auditor));
        }

        static Endpoint upload(String path, byte[] photo, int anonymous, int resident, int handler, int manager,
                int supervisor, int auditor) {
            return new Endpoint(HttpMethod.POST, path, "", photo, expected(anonymous, resident, handler, manager, supervisor, auditor));
        }

        private static Map<Caller, Integer> expected(int anonymous, int resident, int handler, int manager,
                int supervisor, int auditor) {
            return Map.of(Caller.ANONYMOUS, anonymous, Caller.RESIDENT, resident, Caller.HANDLER, handler,
                    Caller.MANAGER, manager, Caller.SUPERVISOR, supervisor, Caller.AUDITOR, auditor);
        }
    }

    /** A valid rating: residents may submit it, officials may not rate as residents. */
    static final String RATING = "{\"campaignCode\":\"work-safety\",\"regionCode\":\"140423108\",\"level\":4,"
            + "\"reasonTags\":[\"visible-results\"]}";

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of(HttpMethod.GET, "/api/v1/campaigns", 200, 200, 200, 200, 200, 200),
            Endpoint.of(HttpMethod.GET, "/api/v1/campaigns/property-management", 200, 200, 200, 200, 200, 200),
            Endpoint.of(HttpMethod.GET, "/api/v1/campaigns/no-such-campaign", 404, 404, 404, 404, 404, 404),
            Endpoint.of(HttpMethod.GET, "/api/v1/me", 401, 200, 200, 200, 200, 200),
            Endpoint.of(HttpMethod.POST, "/api/v1/campaigns", 401, 405, 405, 405, 405, 405),
            Endpoint.of(HttpMethod.DELETE, "/api/v1/campaigns/property-management", 401, 405, 405, 405, 405, 405),
            Endpoint.of(HttpMethod.GET, "/api/v1/unknown", 401, 404, 404, 404, 404, 404),
            Endpoint.of(HttpMethod.GET, "/api/v1/regions", 200, 200, 200, 200, 200, 200),
            Endpoint.of(HttpMethod.GET, "/api/v1/campaigns/property-management/subjects", 200, 200, 200, 200, 200, 200),
            Endpoint.of(HttpMethod.GET, "/api/v1/campaigns/property-management/summary", 200, 200, 200, 200, 200, 200),
            Endpoint.with(HttpMethod.POST, "/api/v1/ratings", RATING, 401, 201, 403, 403, 403, 403),
            Endpoint.of(HttpMethod.GET, "/api/v1/me/ratings", 401, 200, 200, 200, 200, 200),
            Endpoint.of(HttpMethod.GET, "/api/v1/me/ratings/AAAAAAAAAAAAAAAAAAAAAA", 401, 404, 404, 404, 404, 404),
            Endpoint.with(HttpMethod.POST, "/api/v1/ratings/AAAAAAAAAAAAAAAAAAAAAA/follow-ups", "{\"comment\":\"追评\"}",
                    401, 404, 404, 404, 404, 404),
            Endpoint.upload("/api/v1/media", TestImages.png(8, 8), 401, 201, 403, 403, 403, 403),
            Endpoint.of(HttpMethod.GET, "/api/v1/media/0123456789abcdef01234567", 401, 404, 404, 404, 404, 404),
            Endpoint.of(HttpMethod.GET, "/api/v1/admin/campaigns/property-management/attainment", 401, 403, 200, 200, 200, 200),
            Endpoint.of(HttpMethod.GET, "/api/v1/admin/campaigns/one-thing-one-visit/attainment", 401, 403, 403, 403, 200, 200));

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    CampaignStewardship stewardship;
    @Autowired
    CampaignCatalog catalog;

    static Stream<Arguments> endpointCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(endpoint.method() + " " + endpoint.path(), caller, endpoint));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointCases")
    void endpoints_answer_each_caller_as_the_matrix_says(String name, Caller caller, Endpoint endpoint) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = endpoint.photo().length > 0
                ? multipart(endpoint.path()).file(new MockMultipartFile("file", "photo.png", "image/png", endpoint.photo()))
                : request(endpoint.method(), endpoint.path());
        if (!endpoint.body().isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(endpoint.body())
                    .header("Idempotency-Key", "matrix-" + UUID.randomUUID());
        }
        if (caller != Caller.ANONYMOUS) {
            request.header("Authorization", "Bearer " + token(caller));
        }

        int status = mvc.perform(request).andReturn().getResponse().getStatus();

        assertThat(status).as(name + " as " + caller).isEqualTo(endpoint.expected().get(caller));
    }

    /** Console action: suspend and resume a campaign; only its lead department's MANAGER and SUPERVISORs. */
    static Stream<Arguments> stewardshipCases() {
        return Stream.of(
                Arguments.of(actor(Role.RESIDENT, null), false),
                Arguments.of(actor(Role.HANDLER, LEAD), false),
                Arguments.of(actor(Role.MANAGER, LEAD), true),
                Arguments.of(actor(Role.MANAGER, "approval-services"), false),
                Arguments.of(actor(Role.SUPERVISOR, null), true),
                Arguments.of(actor(Role.AUDITOR, null), false));
    }

    @ParameterizedTest(name = "suspend property-management as {0}")
    @MethodSource("stewardshipCases")
    void suspending_a_campaign_is_for_its_manager_and_supervisors(Actor actor, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> stewardship.suspend(actor, "property-management")).doesNotThrowAnyException();
            assertThat(catalog.get("property-management").getStatus()).isEqualTo(CampaignStatus.SUSPENDED);
            stewardship.resume(actor, "property-management");
        } else {
            assertThatThrownBy(() -> stewardship.suspend(actor, "property-management")).isInstanceOf(ForbiddenException.class);
        }
        assertThat(catalog.get("property-management").getStatus()).isEqualTo(CampaignStatus.ACTIVE);
    }

    static Stream<Arguments> auditLogCases() {
        return Stream.of(
                Arguments.of(actor(Role.RESIDENT, null), false),
                Arguments.of(actor(Role.HANDLER, LEAD), false),
                Arguments.of(actor(Role.MANAGER, LEAD), false),
                Arguments.of(actor(Role.SUPERVISOR, null), true),
                Arguments.of(actor(Role.AUDITOR, null), true));
    }

    @Autowired
    AuditTrail auditTrail;

    @ParameterizedTest(name = "read the audit log as {0}")
    @MethodSource("auditLogCases")
    void the_audit_log_is_for_auditors_and_supervisors(Actor actor, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> auditTrail.newest(actor, 10)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> auditTrail.newest(actor, 10)).isInstanceOf(ForbiddenException.class);
        }
    }

    private String token(Caller caller) {
        Role role = Role.valueOf(caller.name());
        return tokens.forRole(caller.name().toLowerCase() + "-" + UUID.randomUUID(), role, role == Role.RESIDENT ? null : LEAD);
    }

    private static Actor actor(Role role, String department) {
        return new Actor(role.name().toLowerCase() + "-" + department, role.name(), Set.of(role), department, null);
    }
}
