package org.haochaping.logscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The last step of {@code ./mvnw verify} (a surefire execution of its own, after the test suite): the
 * logs the whole suite wrote (each test class's output, which surefire keeps in
 * {@code target/surefire-reports/*-output.txt}, and the log files of the systems tests started as
 * separate processes, {@code target/**}{@code /*.log}) hold no token, password, mobile number,
 * identity-card number or IP address ({@link LogLeaks}). The secrets the suite generated (demo
 * passwords, the store's credentials, keys) are looked for literally too.
 * <p>
 * In {@code verify} it scans only the files this build wrote; run alone ({@code -Dtest=LogLeakScan}) it scans
 * all that earlier runs left, and {@code -Dlogscan.target=...} points it at another module's build directory.
 */
class LogLeakScan {

    /** Set by the pom to the module's build directory. */
    private static final Path TARGET = Path.of(System.getProperty("logscan.target", "target"));
    /** Set by the pom to the build's start: older files are logs of earlier builds (surefire does not delete them). */
    private static final Instant SINCE = Instant.parse(System.getProperty("logscan.since", "1970-01-01T00:00:00Z"));
    /** The scan's own output (a failure quotes masked findings) is not a log of the suite. */
    private static final String OWN_OUTPUT = LogLeakScan.class.getName();

    @Test
    void the_test_suite_logs_no_token_password_phone_number_identity_number_or_ip_address() {
        assertThat(SINCE).as("the build's start (logscan.since), in UTC").isBefore(Instant.now());
        List<Path> logs = logs().stream().filter(LogLeakScan::writtenByThisBuild).toList();
        LogLeaks leaks = new LogLeaks(knownSecrets());
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            int lineNumber = 0;
            for (String line : lines(log)) {
                lineNumber++;
                for (LogLeaks.Leak leak : leaks.in(line)) {
                    found.add(TARGET.relativize(log) + ":" + lineNumber + " " + leak.kind() + " " + leak.masked());
                }
            }
        }
        System.out.printf("Log scan: %d log files under %s%n", logs.size(), TARGET.toAbsolutePath().normalize());
        assertThat(found).as("leaks in the logs of the test suite (file:line kind masked-value)").isEmpty();
    }

    private static List<Path> logs() {
        List<Path> logs = new ArrayList<>();
        Path reports = TARGET.resolve("surefire-reports");
        if (Files.isDirectory(reports)) {
            try (Stream<Path> files = Files.list(reports)) {
                files.filter(f -> f.getFileName().toString().endsWith("-output.txt"))
                        .filter(f -> !f.getFileName().toString().startsWith(OWN_OUTPUT)).forEach(logs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Stream<Path> files = Files.walk(TARGET, 4)) {
            files.filter(f -> f.getFileName().toString().endsWith(".log") && Files.isRegularFile(f)).forEach(logs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs;
    }

    private static boolean writtenByThisBuild(Path log) {
        try {
            return !Files.getLastModifiedTime(log).toInstant().isBefore(SINCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The secrets the suite's systems generated into their data directories under target. */
    private static Set<String> knownSecrets() {
        Set<String> secrets = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(TARGET, 4)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                switch (file.getFileName().toString()) {
                    case "local-accounts.txt" -> lines(file).stream().map(line -> line.trim().split("\\s+"))
                            .filter(parts -> parts.length >= 2 && !parts[0].startsWith("#")).forEach(parts -> secrets.add(parts[1]));
                    case "embedded-store.credentials" -> secrets.add(properties(file).getProperty("password", ""));
                    case "provenance.key" -> secrets.add(String.join("", lines(file)).strip());
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        secrets.remove("");
        return secrets;
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Lines of a log, whatever bytes a crashed process left in it. */
    private static List<String> lines(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString().lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
