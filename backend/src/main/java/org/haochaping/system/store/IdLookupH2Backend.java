package org.haochaping.system.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, with one difference: a query that pins {@code _id} to one value
 * looks that document up by its key, whatever else the query says.
 * <p>
 * mongo-java-server uses its {@code _id} index only for a query on {@code _id} alone; a query with
 * any other condition, such as an update under optimistic locking ({@code _id} and {@code version})
 * or a conditional update ({@code _id} and the state it expects), reads and deserialises every
 * document of the collection to test it. On 100,000 bad-review cases that made each officials' action
 * take seconds. Here such a query reads the one document with that {@code _id}, if any, and tests it
 * against the whole query, as the scan would have: the same answer, without the scan.
 * <p>
 * The collections are opened under the same map names as the library's, so a store file written by
 * one is read by the other.
 * <p>
 * And it answers only connections that have authenticated ({@link StoreAuthentication}).
 */
final class IdLookupH2Backend extends H2Backend {

    /** Set on first use: the library opens the stored databases from its constructor, before this class's fields. */
    private @Nullable AtomicLong scans;

    private final StoreAuthentication authentication;

    IdLookupH2Backend(MVStore store, StoreAuthentication authentication) {
        super(store);
        this.authentication = authentication;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = authentication.answer(channel, databaseName, command, query);
        if (answer != null) {
            return answer;
        }
        Document reply = super.handleCommand(channel, databaseName, command, query);
        if ("ismaster".equalsIgnoreCase(command)) {
            StoreAuthentication.offerMechanism(query, reply);
        }
        return reply;
    }

    /** Legacy queries (OP_QUERY on a collection): no current driver sends them, but they must not bypass authentication. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        authentication.requireAuthenticated(query.getChannel(), "query");
        return super.handleQuery(query);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Queries that read every document of a collection, since the start (for tests). */
    long scans() {
        return scanCounter().get();
    }

    private synchronized AtomicLong scanCounter() {
        if (scans == null) {
            scans = new AtomicLong();
        }
        return scans;
    }

    /** Inner, not static: the library opens collections from its constructor, before any field of its own is set. */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        /** As {@link H2Database} opens them, with the same map names. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new Collection(this, collectionName, options, data, meta, cursorRegistry, scanCounter());
        }
    }

    private static final class Collection extends H2Collection {

        private final AtomicLong scans;

        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors, AtomicLong scans) {
            super(database, name, options, data, meta, cursors);
            this.scans = scans;
        }

        /**
         * Called for every query no index can answer. One that pins {@code _id} to a string or an
         * ObjectId (the keys this application uses), or to a list of them with {@code $in}, at its top
         * level or in a top-level {@code $and}, is answered from those documents alone: any document it
         * matches has one of those ids.
         */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                int batchSize, Document fieldSelector) {
            List<Object> ids = pinnedIds(query);
            if (ids != null) {
                List<Object> stored = ids.stream().distinct().filter(id -> getDocument(id) != null).toList();
                if (stored.isEmpty()) {
                    return new QueryResult();
                }
                return matchDocuments(query, stored, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
            }
            scans.incrementAndGet();
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }

        private static @Nullable List<Object> pinnedIds(Document query) {
            List<Object> ids = keys(query.get("_id"));
            if (ids != null) {
                return ids;
            }
            if (query.get("$and") instanceof List<?> conditions) {
                for (Object condition : conditions) {
                    if (condition instanceof Document document && keys(document.get("_id")) != null) {
                        return keys(document.get("_id"));
                    }
                }
            }
            return null;
        }

        /** The ids a condition on {@code _id} allows: one key, or {@code $in} with keys only; null for any other. */
        private static @Nullable List<Object> keys(@Nullable Object condition) {
            if (isKey(condition)) {
                return List.of(condition);
            }
            if (condition instanceof Document operators && operators.size() == 1
                    && operators.get("$in") instanceof java.util.Collection<?> values
                    && values.stream().allMatch(Collection::isKey)) {
                return List.copyOf(values);
            }
            return null;
        }

        private static boolean isKey(@Nullable Object value) {
            return value instanceof String || value instanceof ObjectId;
        }
    }
}
