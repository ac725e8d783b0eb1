package runway;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Collections that read through an index whose keys a query pins, even when
 * the query asks more than that.
 *
 * mongo-java-server uses an index only when a query's keys are exactly the
 * index's: `{_id: x}` is one lookup, but the guarded updates every
 * invariant rests on (`{_id: x, status: "pending"}`, a hold's
 * `{_id: mentor, holds: {$not: …}}`) scanned the whole collection, matching
 * each document. Here such a query takes the candidates from the index
 * (one for a unique key) and matches the whole query against those alone.
 * The answer is the same: every document the query matches has the pinned
 * keys' values, so it is among the candidates; only the work differs.
 *
 * The index decides, as it does for a query of its own keys, whether it can
 * serve the pinned part (plain values, `$in`, not other operators, not a
 * compound index with operators, not a sparse index asked for null).
 */
final class IndexedCollections {

    private IndexedCollections() {}

    /**
     * The candidates for `query` from the first index whose keys the query
     * pins, or null when the engine's own choice stands (an index matches the
     * query's keys exactly) or no index can narrow it.
     */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, Document query) {
        if (query.isEmpty()) return null;
        for (Index<P> index : indexes) {
            if (index.canHandle(query)) return null;
        }
        for (Index<P> index : indexes) {
            Document pinned = pinnedKeys(index, query);
            if (pinned != null && index.canHandle(pinned)) return index.getPositions(pinned);
        }
        return null;
    }

    /** The part of `query` on the index's keys, or null unless it names them all. */
    private static Document pinnedKeys(Index<?> index, Document query) {
        Document pinned = new Document();
        for (IndexKey key : index.getKeys()) {
            if (!query.containsKey(key.getKey())) return null;
            pinned.put(key.getKey(), query.get(key.getKey()));
        }
        return pinned;
    }

    /** The H2 MVStore backend (one file), its collections reading through pinned indexes. */
    static class H2 extends H2Backend {
        H2(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName, getMvStore(), getCursorRegistry());
        }

        static final class Database extends H2Database {
            /**
             * The store, for collections opened while H2Database's constructor
             * runs (before a field of ours would be set): one store per process.
             */
            private static volatile MVStore store;

            Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
                super(remember(databaseName, mvStore), mvStore, cursorRegistry);
            }

            private static String remember(String databaseName, MVStore mvStore) {
                store = mvStore;
                return databaseName;
            }

            /** As H2Database opens it, with the same map names (they are the file's layout). */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String fullName = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> dataMap = store.openMap("databases." + fullName);
                MVMap<String, Object> metaMap = store.openMap("meta." + fullName);
                return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
            }
        }

        static final class Collection extends H2Collection {
            Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
                super(database, name, options, dataMap, metaMap, cursorRegistry);
            }

            @Override
            protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
                Iterable<Object> candidates = candidates(getIndexes(), query);
                if (candidates == null) return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
                return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
        }
    }

    /** The memory backend (tests), its collections reading through pinned indexes as the file's do. */
    static class Memory extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new Collection(this, collectionName, options, cursorRegistry);
                }
            };
        }

        static final class Collection extends MemoryCollection {
            Collection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursorRegistry) {
                super(database, name, options, cursorRegistry);
            }

            @Override
            protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
                Iterable<Integer> candidates = candidates(getIndexes(), query);
                if (candidates == null) return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
                return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
        }
    }
}
