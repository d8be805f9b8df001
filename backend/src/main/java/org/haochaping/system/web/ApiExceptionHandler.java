package org.haochaping.system.web;

import java.util.List;
import java.util.Locale;

import org.haochaping.system.problem.ProblemException;
import org.haochaping.system.problem.Problems;
import org.haochaping.system.problem.Problems.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.validation.ConstraintViolationException;

/**
 * Every error of the REST API as a problem detail with a stable code: Spring MVC's own errors,
 * the features' {@link ProblemException}s, invalid input, and anything unexpected (500, logged,
 * nothing internal in the body).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;
    private final MessageSource messages;

    ApiExceptionHandler(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException ex) {
        HttpHeaders headers = new HttpHeaders();
        ex.retryAfter().ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(wholeSeconds(wait))));
        ProblemDetail problem = problems.of(ex.status(), ex.code(), locale(), ex.detailArguments());
        ex.properties().forEach(problem::setProperty);
        return respond(problem, headers);
    }

    /** A request that should have been multipart and is not, or whose parts cannot be read. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleMultipart(MultipartException ex, jakarta.servlet.http.HttpServletRequest request) {
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        return respond(multipart ? problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", locale())
                : problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", locale()), null);
    }

    /** Constraint annotations on the generated interfaces, checked by method validation. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList();
        return respond(problems.invalid(HttpStatus.BAD_REQUEST, "INVALID_INPUT", locale(), errors), null);
    }

    /**
     * The security firewall checks headers when they are read, i.e. while the handler's arguments
     * are resolved, so a header it refuses (a NUL, a control character) surfaces here and not in
     * {@link RejectedRequestProblem}. Not logged: the message quotes the header's value.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> handleRejected(RequestRejectedException ex) {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "BAD_REQUEST", locale()), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        log.error("Unexpected error answering an API request", ex);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", locale()), null);
    }

    /** Spring MVC's own exceptions arrive here with a default body; ours replaces it. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = switch (ex) {
            case MethodArgumentNotValidException invalid ->
                    problems.invalid(status, "INVALID_INPUT", locale(), fieldErrors(invalid));
            case HandlerMethodValidationException invalid ->
                    problems.invalid(status, "INVALID_INPUT", locale(), parameterErrors(invalid));
            case HttpMessageNotReadableException unreadable -> UnreadableField.of(unreadable, messages, locale())
                    .map(field -> problems.invalid(status, "INVALID_INPUT", locale(), List.of(field)))
                    .orElseGet(() -> problems.of(status, "MALFORMED_BODY", locale()));
            case TypeMismatchException mismatch ->
                    problems.of(status, "INVALID_PARAMETER", locale(), String.valueOf(mismatch.getPropertyName()));
            case MissingRequestValueException missing -> problems.of(status, "MISSING_PARAMETER", locale());
            case NoResourceFoundException notFound -> problems.of(status, "NOT_FOUND", locale());
            case HttpRequestMethodNotSupportedException method -> problems.of(status, "METHOD_NOT_ALLOWED", locale());
            case HttpMediaTypeNotSupportedException media -> problems.of(status, "UNSUPPORTED_MEDIA_TYPE", locale());
            case HttpMediaTypeNotAcceptableException media -> problems.of(status, "NOT_ACCEPTABLE", locale());
            case MaxUploadSizeExceededException tooLarge -> problems.of(status, "PAYLOAD_TOO_LARGE", locale());
            default -> problems.of(status, status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR", locale());
        };
        return new ResponseEntity<>(problem, headers, status);
    }

    /** Retry-After takes whole seconds: round up, at least one. */
    private static long wholeSeconds(java.time.Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, @Nullable HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static List<FieldProblem> fieldErrors(MethodArgumentNotValidException ex) {
        return ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        String.valueOf(error.getDefaultMessage())))
                .toList();
    }

    private static List<FieldProblem> parameterErrors(HandlerMethodValidationException ex) {
        return ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(parameterName(result.getMethodParameter().getParameterName()),
                                messageOf(error))))
                .toList();
    }

    private static String parameterName(@Nullable String name) {
        return name == null ? "parameter" : name;
    }

    private static String messageOf(MessageSourceResolvable error) {
        return String.valueOf(error.getDefaultMessage());
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
