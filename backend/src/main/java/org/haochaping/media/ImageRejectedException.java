package org.haochaping.media;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An upload that is not an image we accept (415) or not a readable one (422). */
public class ImageRejectedException extends ProblemException {

    ImageRejectedException(HttpStatus status, String code) {
        super(status, code);
    }
}
