package org.haochaping.system.web;

import java.io.IOException;

import org.haochaping.system.problem.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON bodies of the API are small (a rating is well under 8 KB); larger ones are refused with a
 * 413 problem before anything reads them. Uploads are limited by the multipart settings instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final Problems problems;
    private final JsonMapper json;

    RequestBodyLimit(@Value("${haochaping.api.max-json-body:64KB}") DataSize maxBody, Problems problems, JsonMapper json) {
        this.maxBytes = maxBody.toBytes();
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !request.getRequestURI().startsWith("/api/")
                || contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes || request.getContentLengthLong() < 0 && hasBody(request)) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                    problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", LocaleContextHolder.getLocale()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** A chunked body has no length to check in advance; the API does not take those. */
    private static boolean hasBody(HttpServletRequest request) {
        return "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    }
}
