package org.haochaping.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Reads an {@link Actor} from token claims, the same way for API access tokens and console ID
 * tokens, by the configurable claim names of {@link IdentityProperties.Claims}. Roles come from the
 * claim (or path into nested claims) configured for this system only, and unknown role names are
 * ignored, so a provider's other roles, and other applications' roles, grant nothing here.
 */
@Component
public class ActorClaims {

    private final IdentityProperties.Claims names;

    public ActorClaims(IdentityProperties properties) {
        this.names = properties.claims();
    }

    public Actor actor(String subject, Map<String, Object> claims) {
        String displayName = text(claims.get(names.name()));
        return new Actor(subject, displayName == null ? subject : displayName, roles(claims),
                text(claims.get(names.department())), text(claims.get(names.region())),
                text(claims.get(names.homeRegion())));
    }

    public Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        values(ClaimPath.read(claims, names.roles()))
                .map(value -> value.strip().toUpperCase(Locale.ROOT))
                .map(value -> value.startsWith("ROLE_") ? value.substring(5) : value)
                .forEach(value -> Arrays.stream(Role.values())
                        .filter(role -> role.name().equals(value))
                        .forEach(roles::add));
        return roles;
    }

    public Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        return roles(claims).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    private static Stream<String> values(@Nullable Object claim) {
        return switch (claim) {
            case null -> Stream.empty();
            case Collection<?> list -> list.stream().map(String::valueOf);
            case String text -> Arrays.stream(text.split("[\\s,]+")).filter(part -> !part.isBlank());
            default -> Stream.of(String.valueOf(claim));
        };
    }

    private static @Nullable String text(@Nullable Object claim) {
        return claim instanceof String text && !text.isBlank() ? text
                : claim instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.getFirst()) : null;
    }
}
