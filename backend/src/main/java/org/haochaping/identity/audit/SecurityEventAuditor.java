package org.haochaping.identity.audit;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/** Logins, failed logins and refused requests of signed-in callers go to the audit log. */
@Component
class SecurityEventAuditor {

    private final AuditLog auditLog;
    private final AuditAggregator repeated;
    private final SignInNames names;

    /** Without the embedded provider no account is known here, so every failed name is hashed. */
    SecurityEventAuditor(AuditLog auditLog, AuditAggregator repeated, ObjectProvider<SignInNames> names) {
        this.auditLog = auditLog;
        this.repeated = repeated;
        this.names = names.getIfAvailable(() -> new SignInNames(name -> false));
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication who = event.getAuthentication();
        String how = who instanceof UsernamePasswordAuthenticationToken ? "identity-provider" : "console";
        auditLog.record(who.getName(), roles(who), "LOGIN", how, null);
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        auditLog.record(names.forAudit(event.getAuthentication().getName()), Set.of(), "LOGIN_FAILED", "identity-provider",
                event.getException().getClass().getSimpleName());
    }

    /** Anonymous callers are answered 401 and not logged, so a scan cannot flood the log. */
    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return;
        }
        String target = event.getObject() instanceof HttpServletRequest request
                ? request.getMethod() + " " + request.getRequestURI()
                : String.valueOf(event.getObject());
        repeated.record(who.getName(), roles(who), "ACCESS_DENIED", target, null);
    }

    private static Set<String> roles(Authentication who) {
        return who.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring(5))
                .collect(Collectors.toSet());
    }
}
