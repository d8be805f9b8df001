package org.haochaping.system;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * An array the contract declares {@code uniqueItems} holds an element twice; its path names the
 * second occurrence ({@code reasonTags[1]}).
 */
public final class DuplicateElementException extends MismatchedInputException {

    DuplicateElementException(JsonParser parser, Object elements, int index) {
        super(parser, "Element " + index + " repeats an earlier element of an array whose elements must be unique");
        prependPath(elements, index);
    }
}
