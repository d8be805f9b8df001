package org.haochaping.media;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No photo with this id that the caller may see (others' photos do not exist for them). */
public class PhotoNotFoundException extends ProblemException {

    PhotoNotFoundException() {
        super(HttpStatus.NOT_FOUND, "PHOTO_NOT_FOUND");
    }
}
