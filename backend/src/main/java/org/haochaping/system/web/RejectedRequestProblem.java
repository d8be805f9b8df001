package org.haochaping.system.web;

import java.io.IOException;

import org.haochaping.system.problem.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A URL the security firewall refuses (an encoded NUL, a stray {@code ;} or {@code %2F}, ...) is a
 * 400 problem like any other bad input; by default it is an empty 400 that no client can read.
 */
@Component
class RejectedRequestProblem implements RequestRejectedHandler {

    private final Problems problems;
    private final JsonMapper json;

    RejectedRequestProblem(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                problems.of(HttpStatus.BAD_REQUEST, "BAD_REQUEST", LocaleContextHolder.getLocale()));
    }
}
