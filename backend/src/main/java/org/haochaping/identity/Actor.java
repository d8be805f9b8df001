package org.haochaping.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The person behind a request, as the identity provider vouches for them.
 *
 * @param subject the provider's stable identifier (also the owner key of a resident's data)
 * @param department for officials, the department or town code their scope is limited to
 * @param region for officials scoped to an area, its region code
 * @param homeRegion for residents, the home region the identity provider vouches for (claim
 *        {@code haochaping.identity.claims.home-region}); it wins over the one chosen in the app
 */
public record Actor(String subject, String displayName, Set<Role> roles, @Nullable String department,
        @Nullable String region, @Nullable String homeRegion) {

    public Actor(String subject, String displayName, Set<Role> roles, @Nullable String department,
            @Nullable String region) {
        this(subject, displayName, roles, department, region, null);
    }

    public Actor {
        Assert.hasText(subject, "An actor has a subject");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOfficial() {
        return roles.stream().anyMatch(Role.OFFICIALS::contains);
    }

    /** SUPERVISORs and AUDITORs see the whole county. */
    public boolean seesCountyWide() {
        return has(Role.SUPERVISOR) || has(Role.AUDITOR);
    }

    /** Whether this actor belongs to the given department (MANAGER and HANDLER scopes). */
    public boolean belongsTo(String departmentCode) {
        return departmentCode.equals(department);
    }
}
