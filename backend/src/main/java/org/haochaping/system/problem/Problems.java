package org.haochaping.system.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds the problem details of every error: a stable {@code type} URI derived from the code,
 * the code itself, and title and detail in the caller's language (zh-CN unless English is asked for).
 */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://haochaping.org/problems/";

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(HttpStatusCode status, String code, Locale locale, Object... detailArguments) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(typeOf(code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, code, locale));
        String detail = messages.getMessage("problem." + code + ".detail", detailArguments, null, locale);
        if (detail != null) {
            problem.setDetail(detail);
        }
        problem.setProperty("code", code);
        return problem;
    }

    public ProblemDetail invalid(HttpStatusCode status, String code, Locale locale, List<FieldProblem> errors) {
        ProblemDetail problem = of(status, code, locale);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** {@code CAMPAIGN_NOT_FOUND} is typed {@code https://haochaping.org/problems/campaign-not-found}. */
    public static URI typeOf(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** What is wrong with one field or parameter of the request. */
    public record FieldProblem(String field, String message) {
    }
}
