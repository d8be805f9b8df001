package org.haochaping.badreview;

import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Where a book puts a case's entry: {@link VersionedEntries} in the store, or an in-memory writer
 * that builds the very same documents for a bulk load (the case benchmark).
 */
@FunctionalInterface
interface EntryWriter {

    /**
     * Puts the entry of version {@code version} under {@code entries.<caseId>} of the document,
     * unless the document holds that version or a newer one.
     *
     * @param increments the counters to add (dotted paths), given the entry being replaced (null if none)
     */
    void put(String documentId, String caseId, long version, Document entry,
            Function<@Nullable Document, Map<String, Long>> increments);
}
