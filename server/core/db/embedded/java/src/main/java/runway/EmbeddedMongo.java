package runway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * Runway's embedded database: mongo-java-server on a loopback port, with
 * either the memory backend (tests) or the H2 MVStore backend (one file,
 * survives restarts). Started and stopped by launcher.ts only.
 *
 * Protocol with the launcher: one JSON line {"ready":true,"port":N} on
 * stdout once listening; the process exits when stdin reaches end of file
 * (its parent died, by any signal) or on SIGTERM, closing the store.
 *
 * Durability: H2Backend as shipped commits its MVStore in the background
 * about once a second, so a write acknowledged just before a SIGKILL could
 * be lost. Here every command that changed the store commits it before its
 * answer goes out (concurrent writers share commits), and a background task
 * fsyncs the file at most {@link #SYNC_INTERVAL_MS} after a commit.
 *
 * Catalog changes: mongo-java-server does not make creating a collection and
 * creating its index atomic with respect to each other. A createCollection
 * racing a createIndexes on the same new collection could leave the index
 * in the catalog but not on the collection (the unique index then enforced
 * nothing, and dropDatabase failed with "index not found"). Here commands that
 * change the catalog run one at a time and never beside any other command;
 * every other command runs concurrently as before (see {@link CatalogLock}).
 */
public final class EmbeddedMongo {

    /** Upper bound on how long a committed write waits for fsync (power loss, OS crash). */
    static final long SYNC_INTERVAL_MS = 1000;

    /**
     * MVStore's page cache (its default is 16 MB). Past it, reads decode pages
     * from the file again: at 10,000 mentors and 5,000 startups that made reads
     * by id slower and uneven. 256 MB holds such a data set whole.
     */
    static final int CACHE_MB = 256;

    private EmbeddedMongo() {}

    /** Catalog commands exclusively, all others shared: a catalog change never interleaves with another command. */
    static final class CatalogLock {
        private static final Set<String> CATALOG = Set.of("create", "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection", "collmod");
        private final ReadWriteLock lock = new ReentrantReadWriteLock();

        Document run(String command, Supplier<Document> handler) {
            var held = CATALOG.contains(command.toLowerCase(Locale.ROOT)) ? lock.writeLock() : lock.readLock();
            held.lock();
            try {
                return handler.get();
            } finally {
                held.unlock();
            }
        }
    }

    /** The memory backend (tests), with catalog changes serialised. */
    static final class SerialCatalogMemoryBackend extends IndexedCollections.Memory {
        private final CatalogLock catalog = new CatalogLock();

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            return catalog.run(command, () -> super.handleCommand(channel, databaseName, command, query));
        }
    }

    /** H2Backend that commits after every command that left unsaved changes, with catalog changes serialised. */
    static final class CommitPerWriteBackend extends IndexedCollections.H2 {
        private final MVStore store;
        private final AtomicBoolean unsynced = new AtomicBoolean(false);
        private final CatalogLock catalog = new CatalogLock();

        CommitPerWriteBackend(MVStore store) {
            super(store);
            this.store = store;
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return catalog.run(command, () -> super.handleCommand(channel, databaseName, command, query));
            } finally {
                // In finally: an ordered insert that stops at a duplicate key has still written the documents before it.
                commitIfChanged();
            }
        }

        void commitIfChanged() {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                store.commit();
                unsynced.set(true);
            }
        }

        void syncIfCommitted() {
            if (unsynced.getAndSet(false) && !store.isClosed()) store.sync();
        }
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable error) {
            // One line for the launcher to show (a locked data file, a port in use), not a stack trace.
            Throwable root = error;
            while (root.getCause() != null) root = root.getCause();
            fail(root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + root + ")");
        }
    }

    private static void run(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 0;
        String storage = "memory";
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--storage" -> storage = args[++i];
                case "--file" -> file = args[++i];
                default -> fail("unknown argument " + args[i]);
            }
        }

        MongoBackend backend;
        ScheduledExecutorService syncer = null;
        if (storage.equals("memory")) {
            backend = new SerialCatalogMemoryBackend();
        } else if (storage.equals("file")) {
            if (file == null) fail("--storage file needs --file");
            Path path = Path.of(file).toAbsolutePath();
            Files.createDirectories(path.getParent());
            MVStore store = new MVStore.Builder().fileName(path.toString()).cacheSize(CACHE_MB).open();
            CommitPerWriteBackend durable = new CommitPerWriteBackend(store);
            syncer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "runway-fsync");
                thread.setDaemon(true);
                return thread;
            });
            syncer.scheduleWithFixedDelay(durable::syncIfCommitted, SYNC_INTERVAL_MS, SYNC_INTERVAL_MS, TimeUnit.MILLISECONDS);
            backend = durable;
        } else {
            fail("--storage must be memory or file");
            return;
        }

        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress(host, port));
        int boundPort = server.getLocalAddress().getPort();

        AtomicBoolean stopped = new AtomicBoolean(false);
        ScheduledExecutorService finalSyncer = syncer;
        Runnable stop = () -> {
            if (!stopped.compareAndSet(false, true)) return;
            server.shutdownNow();
            if (finalSyncer != null) finalSyncer.shutdownNow();
            backend.close(); // the H2 backend commits and closes its file here
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "runway-shutdown"));

        System.out.println("{\"ready\":true,\"port\":" + boundPort + "}");
        System.out.flush();

        // Our parent holds our stdin open; end of file means it is gone, whatever killed it.
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // discard
                }
            } catch (IOException ignored) {
                // treated as end of file
            }
            System.exit(0);
        }, "runway-parent-watch");
        watcher.setDaemon(true);
        watcher.start();

        Thread.currentThread().join();
    }

    private static void fail(String message) {
        System.err.println("runway embedded database: " + message);
        System.exit(2);
    }
}
