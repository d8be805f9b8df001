package org.haochaping.bench;

import java.io.InputStream;
import java.nio.file.Path;

import org.haochaping.system.store.EmbeddedMongoStore;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * The embedded store in a JVM of its own, for {@link ReportExportBenchmark}: mongo-java-server materialises a
 * query's whole result on the server, so a million ratings cannot be served from inside the 256 MB JVM whose
 * export is measured (a real MongoDB would not be in it either). Prints {@code READY <port>} once it listens and
 * closes the store (committing the file) when its standard input closes, which also happens when the parent dies.
 *
 * <p>Arguments: the store file, the port (0 = any free one).
 */
public final class ReportBenchStore {

    public static final String READY = "READY ";

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        EmbeddedMongoStore store = EmbeddedMongoStore.start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println(READY + store.port());
        System.out.flush();
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // nothing is sent: the parent only ever closes the stream
        }
        store.close();
        System.exit(0);
    }
}
