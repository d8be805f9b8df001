package org.haochaping.system.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.haochaping.system.DuplicateElementException;
import org.haochaping.system.problem.Problems.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * The field of a JSON body that could not be read (a null or repeated element, a value of the wrong
 * type or not among the contract's values, a field the contract does not know), named as the client
 * wrote it ({@code reasonTags[0]}, {@code indicatorScores.overall}) and described without the
 * server's class names.
 */
final class UnreadableField {

    private UnreadableField() {
    }

    /** Empty when the body is not JSON at all, or the failure has no field to name. */
    static Optional<FieldProblem> of(HttpMessageNotReadableException ex, MessageSource messages, Locale locale) {
        if (!(ex.getCause() instanceof DatabindException unreadable) || unreadable.getPath().isEmpty()) {
            return Optional.empty();
        }
        String reason = switch (unreadable) {
            case InvalidNullException nullValue -> "field.null";
            case PropertyBindingException unknown -> "field.unknown";
            case DuplicateElementException duplicate -> "field.duplicate";
            // The generated enums' creators refuse a value the contract does not list.
            case ValueInstantiationException refused -> "field.unknown-value";
            case MismatchedInputException wrongType -> "field.wrong-type";
            default -> null;
        };
        return Optional.ofNullable(reason)
                .map(known -> new FieldProblem(path(unreadable.getPath()), messages.getMessage(known, null, locale)));
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
