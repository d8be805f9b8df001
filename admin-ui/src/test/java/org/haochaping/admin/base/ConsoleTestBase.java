package org.haochaping.admin.base;

import java.nio.file.Path;

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

    protected static final RunningConsole CONSOLE = RunningConsole.fresh("console");
    protected static final Path DATA = CONSOLE.data();
    protected static final String BASE = CONSOLE.base();

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        CONSOLE.register(registry);
    }

    /** A demo account's password, from the file the embedded provider wrote at start. */
    protected static String password(String username) {
        return CONSOLE.password(username);
    }
}
