package org.haochaping.admin.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.haochaping.HaochapingApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole system on a real port, which is also the embedded identity provider's issuer (so the
 * port is chosen before start), with its own data directory. All console tests share this one
 * running system.
 */
@SpringBootTest(classes = HaochapingApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
public abstract class ConsoleTestBase {

    protected static final int PORT = freePort();
    protected static final Path DATA = Path.of("target", "test-data", "console-" + UUID.randomUUID());
    protected static final String BASE = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("haochaping.data-dir", DATA::toString);
    }

    /** A demo account's password, from the file the embedded provider wrote at start. */
    protected static String password(String username) {
        try {
            return Files.readAllLines(DATA.resolve("local-accounts.txt")).stream()
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
