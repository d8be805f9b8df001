package org.haochaping.identity.local;

import java.io.IOException;
import java.util.Set;

import org.haochaping.identity.audit.AuditAggregator;
import org.haochaping.identity.audit.SignInNames;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts {@link SignInThrottle} in front of the provider's form login: a throttled attempt is not
 * even checked (so a locked-out guess cannot succeed), goes back to the ordinary sign-in page with
 * a message to wait, and is audited (aggregated, so a guessing loop cannot flood the log).
 * The outcome of every checked attempt feeds the throttle.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    static final String THROTTLED_PAGE = LocalIdentityProvider.LOGIN_PAGE + "?error=wait";

    private final SignInThrottle throttle;
    private final SignInNames names;
    private final AuditAggregator audit;

    SignInThrottleFilter(SignInThrottle throttle, SignInNames names, AuditAggregator audit) {
        this.throttle = throttle;
        this.names = names;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && (request.getContextPath() + LocalIdentityProvider.LOGIN_PAGE).equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = username(request);
        if (throttle.waitFor(username, request.getRemoteAddr()).isPresent()) {
            audit.record(names.forAudit(username), Set.of(), "LOGIN_THROTTLED", "identity-provider", null);
            response.sendRedirect(request.getContextPath() + THROTTLED_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Counts the failure, then answers as usual (back to the sign-in page). */
    AuthenticationFailureHandler failureHandler() {
        SimpleUrlAuthenticationFailureHandler usual = new SimpleUrlAuthenticationFailureHandler(
                LocalIdentityProvider.LOGIN_PAGE + "?error");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            throttle.failed(username(request), request.getRemoteAddr());
            usual.onAuthenticationFailure(request, response, failure);
        };
    }

    /** Clears the account's failures, then continues to where the sign-in was asked for. */
    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler usual = new SavedRequestAwareAuthenticationSuccessHandler();
        return (HttpServletRequest request, HttpServletResponse response, Authentication who) -> {
            throttle.succeeded(who.getName());
            usual.onAuthenticationSuccess(request, response, who);
        };
    }

    private static String username(HttpServletRequest request) {
        String username = request.getParameter("username");
        return username == null ? "" : username.strip();
    }
}
