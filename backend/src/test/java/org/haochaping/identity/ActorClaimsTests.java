package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ActorClaimsTests {

    final ActorClaims defaults = new ActorClaims(properties(new IdentityProperties.Claims("name", "roles", "department", "region", "home_region")));

    @Test
    void roles_are_read_from_a_list_and_unknown_ones_grant_nothing() {
        assertThat(defaults.roles(Map.of("roles", List.of("MANAGER", "county-admin", "ROLE_AUDITOR"))))
                .containsExactlyInAnyOrder(Role.MANAGER, Role.AUDITOR);
    }

    @Test
    void roles_are_read_from_a_space_or_comma_separated_string_in_any_case() {
        assertThat(defaults.roles(Map.of("roles", "handler, supervisor")))
                .containsExactlyInAnyOrder(Role.HANDLER, Role.SUPERVISOR);
    }

    @Test
    void no_roles_claim_means_no_role() {
        assertThat(defaults.roles(Map.of("sub", "x"))).isEmpty();
        assertThat(defaults.authorities(Map.of())).isEmpty();
    }

    @Test
    void the_actor_carries_name_department_and_region_or_falls_back_to_the_subject() {
        Actor manager = defaults.actor("u-42", Map.of("name", "王科长", "roles", List.of("MANAGER"),
                "department", "housing-construction", "region", "140423"));
        Actor bare = defaults.actor("u-43", Map.of());

        assertThat(manager.displayName()).isEqualTo("王科长");
        assertThat(manager.belongsTo("housing-construction")).isTrue();
        assertThat(manager.region()).isEqualTo("140423");
        assertThat(manager.isOfficial()).isTrue();
        assertThat(bare.displayName()).isEqualTo("u-43");
        assertThat(bare.roles()).isEmpty();
        assertThat(bare.isOfficial()).isFalse();
    }

    @Test
    void claim_names_are_configurable_for_the_countys_provider() {
        ActorClaims county = new ActorClaims(properties(new IdentityProperties.Claims("preferred_username", "groups", "org", "area", "home_region")));

        Actor actor = county.actor("s", Map.of("preferred_username", "李办理", "groups", List.of("HANDLER"),
                "org", "guhan-town", "area", "140423100"));

        assertThat(actor.roles()).containsExactly(Role.HANDLER);
        assertThat(actor.department()).isEqualTo("guhan-town");
        assertThat(actor.region()).isEqualTo("140423100");
        assertThat(actor.displayName()).isEqualTo("李办理");
    }

    @Test
    void roles_come_from_this_systems_client_in_a_keycloak_token_and_other_applications_roles_grant_nothing() {
        ActorClaims keycloak = new ActorClaims(properties(
                new IdentityProperties.Claims("name", "resource_access.haochaping-api.roles", "department", "region", "home_region")));
        Map<String, Object> token = Map.of(
                "realm_access", Map.of("roles", List.of("AUDITOR", "offline_access")),
                "resource_access", Map.of(
                        "other-app", Map.of("roles", List.of("AUDITOR", "SUPERVISOR")),
                        "haochaping-api", Map.of("roles", List.of("RESIDENT"))),
                "roles", List.of("AUDITOR"));

        assertThat(keycloak.roles(token)).containsExactly(Role.RESIDENT);
    }

    @Test
    void a_token_with_roles_only_for_another_application_has_no_role_here() {
        ActorClaims keycloak = new ActorClaims(properties(
                new IdentityProperties.Claims("name", "resource_access.haochaping-api.roles", "department", "region", "home_region")));

        assertThat(keycloak.roles(Map.of("resource_access", Map.of("other-app", Map.of("roles", List.of("AUDITOR"))),
                "realm_access", Map.of("roles", List.of("AUDITOR"))))).isEmpty();
        assertThat(keycloak.roles(Map.of("resource_access", "AUDITOR"))).isEmpty();
        assertThat(keycloak.authorities(Map.of("realm_access", Map.of("roles", List.of("AUDITOR"))))).isEmpty();
    }

    @Test
    void a_top_level_claim_named_with_dots_is_read_as_it_is() {
        ActorClaims urlNamed = new ActorClaims(properties(
                new IdentityProperties.Claims("name", "https://haochaping.example/roles", "department", "region", "home_region")));

        assertThat(urlNamed.roles(Map.of("https://haochaping.example/roles", List.of("HANDLER")))).containsExactly(Role.HANDLER);
    }

    @Test
    void authorities_are_spring_roles() {
        assertThat(defaults.authorities(Map.of("roles", List.of("RESIDENT"))))
                .extracting(Object::toString).containsExactly("ROLE_RESIDENT");
    }

    private static IdentityProperties properties(IdentityProperties.Claims claims) {
        return new IdentityProperties(null, null, "haochaping-api", Duration.ofSeconds(60), claims,
                new IdentityProperties.Console("haochaping-admin", null, List.of("openid")), List.of());
    }
}
