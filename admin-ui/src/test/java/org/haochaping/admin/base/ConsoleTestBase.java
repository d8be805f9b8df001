package org.haochaping.admin.base;

import java.nio.file.Path;

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

    protected static final RunningConsole CONSOLE = RunningConsole.fresh("console");
    protected static final Path DATA = CONSOLE.data();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        CONSOLE.register(registry);
    }

    /** The running system's base URL, on the port it took. */
    protected String base() {
        return RunningConsole.base(port);
    }

    /** A demo account's password, from the file the embedded provider wrote at start. */
    protected static String password(String username) {
        return CONSOLE.password(username);
    }
}
