package org.haochaping.admin.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.haochaping.HaochapingApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole system on the free port it takes at start, which is also the embedded identity
 * provider's issuer, with its own data directory. All console tests share this one running system.
 */
@SpringBootTest(classes = HaochapingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class ConsoleTestBase {

    protected static final Path DATA = Path.of("target", "test-data", "console-" + UUID.randomUUID());

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("haochaping.data-dir", DATA::toString);
    }

    /** The running system's base URL, on the port it took. */
    protected String base() {
        return "http://localhost:" + port;
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
}
