package org.haochaping.system.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.haochaping.system.PrivateFiles;

/**
 * The embedded store's one user, generated at first start into a file beside the store (600); the
 * application, and an operator's mongosh, connect with it.
 */
record StoreCredentials(String username, String password) {

    static final String FILE_NAME = "embedded-store.credentials";
    private static final String USERNAME = "haochaping";

    static StoreCredentials loadOrCreate(Path file) {
        if (Files.exists(file)) {
            PrivateFiles.restrictFile(file);
            return read(file);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        StoreCredentials created = new StoreCredentials(USERNAME, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        PrivateFiles.write(file, """
                # The embedded store's user (SCRAM-SHA-256, authSource=admin), generated at first start. For mongosh:
                # mongosh "mongodb://%s:<password>@127.0.0.1:<port>/haochaping?authSource=admin&authMechanism=SCRAM-SHA-256"
                username=%s
                password=%s
                """.formatted(USERNAME, USERNAME, created.password()));
        return created;
    }

    static StoreCredentials read(Path file) {
        Properties values = new Properties();
        try (StringReader reader = new StringReader(PrivateFiles.read(file))) {
            values.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String username = values.getProperty("username");
        String password = values.getProperty("password");
        if (username == null || password == null || password.isBlank()) {
            throw new IllegalStateException("The embedded store's credentials file " + file + " lacks username or password");
        }
        return new StoreCredentials(username, password);
    }

    /** A connection string to the store on {@code port} as this user. */
    String connectionString(int port, String database) {
        return "mongodb://" + encode(username) + ":" + encode(password) + "@127.0.0.1:" + port + "/" + database
                + "?authSource=admin&authMechanism=SCRAM-SHA-256";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Never the password, should a record end up in a log. */
    @Override
    public String toString() {
        return "StoreCredentials[" + username + "]";
    }
}
