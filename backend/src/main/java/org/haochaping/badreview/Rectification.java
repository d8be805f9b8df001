package org.haochaping.badreview;

import java.time.Instant;
import java.util.List;

/** 整改完成: the unit's evidence, text and up to six cleaned photos. */
public record Rectification(String evidence, List<String> photoIds, Instant at) {

    public static final int MAX_PHOTOS = 6;

    public Rectification {
        photoIds = List.copyOf(photoIds);
    }
}
