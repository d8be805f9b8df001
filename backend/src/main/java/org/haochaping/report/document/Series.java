package org.haochaping.report.document;

import java.util.List;

/** A named series of values, one per category of its chart; a null value is a gap. */
public record Series(String name, List<@org.jspecify.annotations.Nullable Double> values) {

    public Series {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
