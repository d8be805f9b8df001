package org.haochaping.badreview;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The books' documents built in memory, for a bulk load: the same entries and counter increments
 * the books compute ({@link CaseFigureBook#record(BadReviewCase, EntryWriter)},
 * {@link CaseQueueBook#record(BadReviewCase, java.time.Instant, EntryWriter)}), applied here as
 * {@link VersionedEntries} has the store apply them ({@code $set} of the entry if newer, {@code $inc}
 * of the counters).
 */
final class InMemoryEntries implements EntryWriter {

    private final Map<String, Document> documents = new LinkedHashMap<>();

    @Override
    public void put(String documentId, String caseId, long version, Document entry,
            Function<@Nullable Document, Map<String, Long>> increments) {
        Document document = documents.computeIfAbsent(documentId, id -> new Document("_id", id));
        Document entries = (Document) document.computeIfAbsent("entries", name -> new Document());
        Document old = entries.get(caseId, Document.class);
        if (old != null && old.get("v", Number.class).longValue() >= version) {
            return;
        }
        entries.put(caseId, new Document(entry).append("v", version));
        increments.apply(old).forEach((path, by) -> {
            if (by != 0) {
                increment(document, path, by);
            }
        });
    }

    Collection<Document> documents() {
        return documents.values();
    }

    private static void increment(Document document, String path, long by) {
        String[] names = path.split("\\.");
        Document at = document;
        for (int i = 0; i < names.length - 1; i++) {
            at = (Document) at.computeIfAbsent(names[i], name -> new Document());
        }
        Number current = at.get(names[names.length - 1], Number.class);
        at.put(names[names.length - 1], (current == null ? 0 : current.longValue()) + by);
    }
}
