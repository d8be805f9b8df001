package org.haochaping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For tests that run the system on a real port: the demo accounts' passwords, which the embedded
 * identity provider writes into the data directory at start.
 */
public final class LocalServer {

    private LocalServer() {
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
