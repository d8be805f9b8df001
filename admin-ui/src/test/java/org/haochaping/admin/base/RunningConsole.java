package org.haochaping.admin.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where a console under test keeps its data: a directory of its own, so two systems can run side
 * by side (each on the free port it takes at start).
 */
public record RunningConsole(Path data) {

    public static RunningConsole fresh(String name) {
        return new RunningConsole(Path.of("target", "test-data", name + "-" + UUID.randomUUID()));
    }

    /** The base URL of a system on {@code port}: the one people and the identity provider use. */
    public static String base(int port) {
        return "http://localhost:" + port;
    }

    /** Hands the data directory to the Spring Boot test context. */
    public void register(DynamicPropertyRegistry registry) {
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
}
