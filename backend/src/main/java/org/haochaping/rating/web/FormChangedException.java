package org.haochaping.rating.web;

import java.util.Map;

import org.haochaping.api.model.RatingFormDto;
import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A rating filled against an older revision of the campaign's form (409): the problem carries the current form. */
class FormChangedException extends ProblemException {

    private final transient RatingFormDto current;

    FormChangedException(RatingFormDto current, int sent) {
        super(HttpStatus.CONFLICT, "FORM_CHANGED", sent, current.getVersion());
        this.current = current;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("ratingForm", current);
    }
}
