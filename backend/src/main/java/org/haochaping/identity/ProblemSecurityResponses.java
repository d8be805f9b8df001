package org.haochaping.identity;

import java.io.IOException;
import java.util.Locale;

import org.haochaping.system.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 of the API as problem details: Spring Security's bearer-token handlers set the
 * status and {@code WWW-Authenticate} (RFC 6750), this class adds the body, in the caller's language.
 */
@Component
class ProblemSecurityResponses {

    private final Problems problems;
    private final JsonMapper json;
    /** Security answers before Spring MVC runs, so it resolves the language itself, the same way. */
    private final AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    ProblemSecurityResponses(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    }

    AuthenticationEntryPoint entryPoint() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            bearerEntryPoint.commence(request, response, failure);
            write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        };
    }

    AccessDeniedHandler accessDeniedHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) -> {
            bearerDenied.handle(request, response, denied);
            write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN");
        };
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        ProblemDetail problem = problems.of(status, code, locales.resolveLocale(request));
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
