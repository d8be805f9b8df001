package org.haochaping.system.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.h2.mvstore.MVStore;
import org.haochaping.system.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded MongoDB-compatible store: mongo-java-server speaking the MongoDB wire protocol on
 * 127.0.0.1, persisting to one H2 MVStore file; a query that pins {@code _id} reads that document only
 * ({@link IdLookupH2Backend}). For a laptop, a demo or a small pilot; production
 * sets {@code spring.mongodb.uri} to a MongoDB replica set and this class is never created.
 *
 * <p>The application talks to it through the ordinary MongoDB driver, so nothing in the code
 * depends on it being embedded.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    private final Path file;
    private final IdLookupH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private final StoreCredentials credentials;

    private EmbeddedMongoStore(Path file, int port, StoreCredentials credentials) {
        this.file = file;
        this.credentials = credentials;
        this.backend = new IdLookupH2Backend(openStore(file),
                new StoreAuthentication(ScramSha256.Verifier.of(credentials.username(), credentials.password())));
        PrivateFiles.restrictFile(file);
        this.server = new MongoServer(backend);
        this.server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    /**
     * Opens (or creates) the store file and starts listening on 127.0.0.1:{@code port} (0 = any free port),
     * for clients with the credentials in {@value StoreCredentials#FILE_NAME} beside the file (generated at first start).
     * The directory is made (or tightened to) 700, its files 600.
     */
    public static EmbeddedMongoStore start(Path file, int port) {
        PrivateFiles.tighten(file.toAbsolutePath().getParent());
        EmbeddedMongoStore store = new EmbeddedMongoStore(file, port,
                StoreCredentials.loadOrCreate(credentialsFile(file)));
        log.warn("""
                Using the EMBEDDED MongoDB-compatible store (mongo-java-server + H2) at {}, listening on {} \
                (user and password in {}). It is meant for a laptop, a demo or a small pilot. For production set \
                spring.mongodb.uri (env SPRING_MONGODB_URI) to a MongoDB replica set.""",
                file.toAbsolutePath().normalize(), "mongodb://127.0.0.1:" + store.port(),
                credentialsFile(file).toAbsolutePath().normalize());
        return store;
    }

    /**
     * A connection string, with credentials, to the store of {@code file} listening on {@code port}, e.g. started
     * by another instance or process on this machine.
     */
    public static String connectionString(Path file, int port, String database) {
        return StoreCredentials.read(credentialsFile(file)).connectionString(port, database);
    }

    private static Path credentialsFile(Path file) {
        return file.toAbsolutePath().resolveSibling(StoreCredentials.FILE_NAME);
    }

    public int port() {
        return address.getPort();
    }

    public Path file() {
        return file;
    }

    /** Durability of acknowledged writes, by committing the store file in groups; callers wait at most {@code maxWait}. */
    GroupCommit groupCommit(java.time.Duration maxWait) {
        MVStore store = backend.getMvStore();
        return new GroupCommit(() -> {
            store.commit();
            store.sync();
        }, maxWait);
    }

    /** Queries that had to read every document of their collection, since the start (for tests). */
    long fullScans() {
        return backend.scans();
    }

    /** With the credentials: keep it out of logs. */
    public String connectionString(String database) {
        return credentials.connectionString(port(), database);
    }

    /** Stops listening, then commits and closes the store file, so a clean shutdown loses nothing. */
    @Override
    public void close() {
        server.stopListening();
        server.shutdownNow();
        backend.close();
        log.info("Embedded store closed: {}", file.toAbsolutePath().normalize());
    }

    /**
     * A larger write buffer than H2's default: with the default, writers stall
     * whenever 1 MB of changes waits for the background commit, which caps inserts at a few hundred
     * a second. Durability does not depend on it (see {@link GroupCommit}).
     */
    private static MVStore openStore(Path file) {
        return new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitBufferSize(64 * 1024)
                .open();
    }
}
