package org.haochaping.satisfaction.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingFixtures;
import org.haochaping.satisfaction.FiguresOracle;
import org.haochaping.system.store.EmbeddedMongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/**
 * The whole system as a separate process, rated by several clients at once and killed with
 * SIGKILL in the middle of it (acknowledged ratings whose rollups were not written yet are lost
 * from memory). Started again on the same data, it must hold every acknowledged rating, and its
 * rollups must equal the plain computation from the stored ratings, by recovery alone: the
 * start-up check must find nothing to rebuild.
 */
class CrashRecoveryTests {

    private static final Pattern RATING_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    /** The lines that tell which ports the web server and the embedded store took. */
    private static final Pattern SERVER_PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern STORE_PORT = Pattern.compile("listening on mongodb://127\\.0\\.0\\.1:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Timeout(120)
    void every_acknowledged_rating_is_kept_and_counted_once_after_a_kill_9() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-test-");
        Server first = start(dataDir, dataDir.resolve("first.log"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        JwtEncoder signer = signer(dataDir);
        List<Thread> clients = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        for (int client = 0; client < 4; client++) {
            int clientNumber = client;
            clients.add(Thread.ofPlatform().start(() -> rate(first.port(), signer, clientNumber, acknowledged, killed, sent)));
        }
        while (acknowledged.size() < 400) {
            Thread.sleep(20);
        }
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
        killed.set(true);
        first.process().waitFor();
        for (Thread client : clients) {
            client.join();
        }

        Server second = start(dataDir, dataDir.resolve("second.log"));
        try (MongoClient client = MongoClients.create(
                EmbeddedMongoStore.connectionString(dataDir.resolve("haochaping.mv.db"), second.storePort(), "haochaping"))) {
            MongoTemplate mongo = new MongoTemplate(client, "haochaping");
            List<Rating> stored = mongo.findAll(Rating.class);
            Set<String> storedIds = ConcurrentHashMap.newKeySet();
            stored.forEach(rating -> storedIds.add(rating.id()));

            assertThat(storedIds).as("every acknowledged rating is stored").containsAll(acknowledged);
            assertThat(FiguresOracle.storedRollups(mongo)).as("rollups after the crash")
                    .isEqualTo(FiguresOracle.expectedRollups(stored, ZoneId.of("Asia/Shanghai")));
            assertThat(FiguresOracle.storedParticipants(mongo))
                    .isEqualTo(FiguresOracle.expectedParticipants(stored));
            String log = Files.readString(dataDir.resolve("second.log"));
            assertThat(log).as("recovery alone made the rollups exact").doesNotContain("Rollups do not add up");
            assertOneCasePerBadRating(mongo, stored, dataDir.resolve("second.log"));
            System.out.printf("kill -9 after %d acknowledged of %d sent; %d stored; recovery: %s%n", acknowledged.size(),
                    sent.get(), stored.size(), log.lines().filter(line -> line.contains("left uncounted")).findFirst()
                            .orElse("nothing was left uncounted"));
        } finally {
            second.process().destroy();
            second.process().waitFor();
        }
    }

    /**
     * Every stored 差评 has exactly one case (its id the rating's), opened at once or by the counting
     * batches that recovery re-applied; and once the start-up repair has run, the figure book counts
     * each case once.
     */
    private static void assertOneCasePerBadRating(MongoTemplate mongo, List<Rating> stored, Path log) throws Exception {
        Set<String> bad = new HashSet<>();
        stored.stream().filter(rating -> rating.level() <= 2).forEach(rating -> bad.add(rating.id()));
        List<String> cases = mongo.findAll(Document.class, "bad_review_cases").stream().map(c -> c.getString("_id")).toList();
        assertThat(cases).as("one case per 差评").doesNotHaveDuplicates().hasSize(bad.size());
        assertThat(Set.copyOf(cases)).isEqualTo(bad);
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.readString(log).contains("Case books checked") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(Files.readString(log)).as("the start-up repair ran").contains("Case books checked");
        long figured = 0;
        Set<String> entries = new HashSet<>();
        for (Document month : mongo.findAll(Document.class, "bad_review_figures")) {
            Document units = month.get("units", Document.class);
            for (Object counters : units.values()) {
                Number n = ((Document) counters).get("cases", Number.class);
                figured += n == null ? 0 : n.longValue();
            }
            entries.addAll(month.get("entries", Document.class).keySet());
        }
        assertThat(entries).as("a figure entry per case").isEqualTo(bad);
        assertThat(figured).as("the figure book counts each case once").isEqualTo(bad.size());
    }

    /** One client: rates subjects of the property-management campaign as ever new residents, until the server dies. */
    private static void rate(int port, JwtEncoder signer, int client, Set<String> acknowledged, AtomicBoolean killed,
            AtomicInteger sent) {
        for (int n = 0; !killed.get(); n++) {
            String resident = "crash-" + client + "-" + n;
            String subject = String.format("pm-%03d", 1 + n % 24);
            int level = 1 + (n + client) % 5;
            String body = """
                    {"campaignCode":"property-management","formVersion":1,"subjectId":"%s","regionCode":"%s","level":%d,
                     "reasonTags":%s,"indicatorScores":{"overall":%d}}""".formatted(subject, RatingFixtures.regionOf(subject),
                    level, level <= 2 ? "[\"dirty\"]" : "[]", level);
            try {
                sent.incrementAndGet();
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ratings"))
                        .header("Authorization", "Bearer " + token(signer, port, resident))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    Matcher id = RATING_ID.matcher(response.body());
                    if (id.find()) {
                        acknowledged.add(id.group(1));
                    }
                } else {
                    throw new IllegalStateException("unexpected " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException | InterruptedException died) {
                return;
            }
        }
    }

    /** A started system and the ports it took: any free ones, so a restart may take others. */
    private record Server(Process process, int port, int storePort) {
    }

    private static Server start(Path dataDir, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.haochaping.HaochapingApplication", "--server.port=0",
                "--haochaping.data-dir=" + dataDir.toAbsolutePath(), "--haochaping.embedded-store.port=0",
                "--haochaping.rating.limit-per-hour=100000", "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the server is running (see %s)", log).isTrue();
            String output = Files.readString(log);
            Matcher port = SERVER_PORT.matcher(output);
            Matcher storePort = STORE_PORT.matcher(output);
            if (port.find() && storePort.find() && isHealthy(Integer.parseInt(port.group(1)))) {
                return new Server(process, Integer.parseInt(port.group(1)), Integer.parseInt(storePort.group(1)));
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start within a minute; see " + log);
    }

    private static boolean isHealthy(int port) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Tokens as the embedded provider issues them, signed with the key it generated into the data directory. */
    private static JwtEncoder signer(Path dataDir) throws Exception {
        JWKSet keys = JWKSet.parse(Files.readString(dataDir.resolve("oidc-signing-key.json")));
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(keys));
    }

    private static String token(JwtEncoder signer, int port, String resident) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("http://localhost:" + port).audience(List.of("haochaping-api"))
                .subject(resident).issuedAt(now).notBefore(now).expiresAt(now.plusSeconds(300))
                .claim("roles", List.of("RESIDENT")).claim("name", resident).build();
        return signer.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
