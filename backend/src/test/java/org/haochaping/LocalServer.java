package org.haochaping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For tests that run the system on a real port: the port must be known before start, because it
 * is also the embedded identity provider's issuer; and the demo accounts' passwords, which the
 * provider writes into the data directory.
 */
public final class LocalServer {

    private LocalServer() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String password(Path dataDir, String username) {
        try {
            return Files.readAllLines(dataDir.resolve("local-accounts.txt")).stream()
                    .map(line -> line.split(" "))
                    .filter(parts -> parts[0].equals(username))
                    .map(parts -> parts[1])
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no demo account " + username));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
