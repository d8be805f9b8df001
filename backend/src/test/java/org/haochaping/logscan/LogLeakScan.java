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
 * Run alone it scans what the last run left: {@code ./mvnw -pl api-spec,backend verify} runs both.
 */
class LogLeakScan {

    /** Set by the pom to the module's build directory. */
    private static final Path TARGET = Path.of(System.getProperty("logscan.target", "target"));
    /** The scan's own output (a failure quotes masked findings) is not a log of the suite. */
    private static final String OWN_OUTPUT = LogLeakScan.class.getName();

    @Test
    void the_test_suite_logs_no_token_password_phone_number_identity_number_or_ip_address() {
        List<Path> logs = logs();
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
