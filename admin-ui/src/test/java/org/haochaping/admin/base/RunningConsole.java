package org.haochaping.admin.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where a console under test runs: a free port chosen before start (it is also the embedded
 * identity provider's issuer) and a data directory of its own, so two systems can run side by side.
 */
public record RunningConsole(int port, Path data) {

    public static RunningConsole fresh(String name) {
        return new RunningConsole(freePort(), Path.of("target", "test-data", name + "-" + UUID.randomUUID()));
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** Hands the port and data directory to the Spring Boot test context. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("server.port", this::port);
        registry.add("haochaping.data-dir", data::toString);
    }

    /** A demo account's password, from the file the embedded provider wrote at start. */
    public String password(String username) {
        try {
            return Files.readAllLines(data.resolve("local-accounts.txt")).stream()
                    .map(line -> line.split(" "))
                    .filter(parts -> parts[0].equals(username))
                    .map(parts -> parts[1])
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no demo account " + username));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
