package org.haochaping.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a caller may do; data scope (own data, unit, department, county) comes with the role. */
public enum Role {
    /** A resident: their own ratings and data only. */
    RESIDENT,
    /** Handles the bad reviews of their own unit (a department or a town). */
    HANDLER,
    /** Manages the campaigns whose lead department is theirs. */
    MANAGER,
    /** County-wide: approvals and configuration. */
    SUPERVISOR,
    /** Reads everything, changes nothing; reads the audit log. */
    AUDITOR;

    public static final Set<Role> OFFICIALS = EnumSet.of(HANDLER, MANAGER, SUPERVISOR, AUDITOR);

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static String[] officialNames() {
        return OFFICIALS.stream().map(Role::name).toArray(String[]::new);
    }

    public static String[] allNames() {
        return EnumSet.allOf(Role.class).stream().map(Role::name).toArray(String[]::new);
    }
}
