package org.haochaping.admin.base.ui;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;

/** Roles as officials call them. */
public final class RoleNames {

    private RoleNames() {
    }

    public static String of(Role role) {
        return switch (role) {
            case RESIDENT -> "居民";
            case HANDLER -> "差评办理员";
            case MANAGER -> "牵头单位负责人";
            case SUPERVISOR -> "监督员";
            case AUDITOR -> "审计员";
        };
    }

    /** A stored role name; names that are not (or no longer) ours are shown as they are. */
    public static String of(String roleName) {
        return Arrays.stream(Role.values()).filter(role -> role.name().equals(roleName)).findFirst()
                .map(RoleNames::of).orElse(roleName);
    }

    public static String of(Actor actor) {
        return actor.roles().stream().sorted().map(RoleNames::of).collect(Collectors.joining("、"));
    }
}
