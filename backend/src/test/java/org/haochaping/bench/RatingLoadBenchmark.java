package org.haochaping.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.haochaping.HaochapingApplication;
import org.haochaping.identity.IdentityProperties;
import org.haochaping.identity.Issuer;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.haochaping.rating.RatingFixtures;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * Load benchmark of {@code POST /api/v1/ratings} on the embedded store. Starts the system on a fresh
 * data directory, signs access tokens for thousands of residents with the embedded provider's key,
 * and drives it with wrk (a C load generator, so the driver takes little of the two cores): every
 * request a distinct valid rating with its own Idempotency-Key. Prints throughput and latency
 * percentiles, then checks that the store holds exactly the acknowledged ratings, with no
 * duplicates. Needs {@code wrk} (Debian package). See README, "Benchmarks".
 *
 * <p>Arguments: measured seconds (default 60), connections (default 20), warm-up seconds (default 60: on two cores the JIT needs it).
 */
public final class RatingLoadBenchmark {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT acknowledged=(\\d+) other=(\\d+) seconds=([\\d.]+) p50=([\\d.]+) p90=([\\d.]+) p99=([\\d.]+) max=([\\d.]+) errors=(\\d+)");

    record Result(long acknowledged, long other, double seconds, double p50, double p90, double p99, double max, long errors) {
        double throughput() {
            return acknowledged / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path work = Files.createTempDirectory("haochaping-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HaochapingApplication.class)
                .run("--server.port=0", "--haochaping.data-dir=" + work.resolve("data"),
                        "--spring.main.banner-mode=off", "--logging.level.root=warn",
                        "--haochaping.rating.limit-per-hour=1000000",
                        "--haochaping.embedded-store.durable-writes=" + System.getProperty("durable", "true"))) {
            Issuer issuer = app.getBean(Issuer.class);
            Tokens tokens = new Tokens(app.getBean(JwtEncoder.class), issuer, app.getBean(IdentityProperties.class));
            String url = issuer.publicBaseUrl(); // on the port the server took

            Run warmRun = new Run("warm", tokens, 3_000, work);
            Run measuredRun = new Run("run", tokens, 6_000, work);
            Result warm = wrk(url, warmRun.script(), connections, warmup);
            Result measured = wrk(url, measuredRun.script(), connections, seconds);

            // Requests still in flight when wrk stopped were stored but never answered to it; the
            // app would retry them with the same Idempotency-Key, and so does this driver.
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            Set<String> acknowledged = new HashSet<>(warmRun.acknowledgedIds());
            acknowledged.addAll(measuredRun.acknowledgedIds());
            List<org.bson.Document> stored = mongo.getCollection("ratings").find()
                    .projection(new org.bson.Document("resident", 1).append("subjectId", 1).append("eligibilityKey", 1))
                    .batchSize(5_000).into(new ArrayList<>());
            Set<String> storedIds = stored.stream().map(document -> document.getString("_id")).collect(Collectors.toSet());
            int retried = 0;
            for (org.bson.Document rating : stored) {
                if (!acknowledged.contains(rating.getString("_id"))) {
                    String id = (rating.getString("resident").startsWith("bench-warm") ? warmRun : measuredRun).retry(url, rating);
                    acknowledged.add(id);
                    retried++;
                }
            }
            long distinctEligibility = stored.stream().map(document -> document.getString("eligibilityKey")).distinct().count();
            boolean intact = storedIds.equals(acknowledged) && distinctEligibility == stored.size();
            app.getBean(org.haochaping.satisfaction.rollup.RollupWriter.class).flush();
            List<org.haochaping.rating.Rating> ratings;
            try (var all = mongo.stream(new org.springframework.data.mongodb.core.query.Query().cursorBatchSize(5_000),
                    org.haochaping.rating.Rating.class)) {
                ratings = all.toList();
            }
            boolean exact = org.haochaping.satisfaction.FiguresOracle.storedRollups(mongo).equals(
                    org.haochaping.satisfaction.FiguresOracle.expectedRollups(ratings, java.time.ZoneId.of("Asia/Shanghai")))
                    && org.haochaping.satisfaction.FiguresOracle.storedParticipants(mongo).equals(
                            org.haochaping.satisfaction.FiguresOracle.expectedParticipants(ratings));
            System.out.println();
            System.out.printf("POST /api/v1/ratings, embedded store, durable acknowledgements %s, %d cores, wrk with %d connections%n",
                    System.getProperty("durable", "true"),
                    Runtime.getRuntime().availableProcessors(), connections);
            System.out.printf("  throughput    %.0f ratings/s (%d acknowledged in %.0f s, after %d s warm-up)%n",
                    measured.throughput(), measured.acknowledged(), measured.seconds(), warmup);
            System.out.printf("  latency       p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    measured.p50(), measured.p90(), measured.p99(), measured.max());
            System.out.printf("  not 201       %d answers, %d socket errors%n", measured.other() + warm.other(),
                    measured.errors() + warm.errors());
            System.out.printf("  stored %d, acknowledged %d (%d of them on retry after the driver stopped), "
                    + "ratings per resident and site all distinct: %s%n", stored.size(), acknowledged.size(), retried,
                    intact ? "none lost, no duplicates" : "MISMATCH");
            System.out.printf("  rollups equal the plain computation from the %d stored ratings: %s%n", ratings.size(),
                    exact ? "yes" : "MISMATCH");
            // Every request is a valid rating never sent before: any other answer, or none acknowledged, is a failed run.
            boolean allCreated = measured.acknowledged() > 0 && measured.other() + warm.other() == 0;
            if (!intact || !exact || !allCreated) {
                System.exit(1);
            }
        }
    }

    private static Result wrk(String url, Path script, int connections, int seconds) throws IOException, InterruptedException {
        System.out.printf("wrk: %d connections for %d s ...%n", connections, seconds);
        Process wrk = new ProcessBuilder("wrk", "-t" + WRK_THREADS, "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), url).redirectErrorStream(true).start();
        String output;
        try (InputStream in = wrk.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        wrk.waitFor();
        output.lines().filter(line -> line.startsWith("unexpected")).limit(3).forEach(System.out::println);
        Matcher result = RESULT.matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("wrk did not report a result:\n" + output);
        }
        return new Result(Long.parseLong(result.group(1)), Long.parseLong(result.group(2)), Double.parseDouble(result.group(3)),
                Double.parseDouble(result.group(4)), Double.parseDouble(result.group(5)), Double.parseDouble(result.group(6)),
                Double.parseDouble(result.group(7)), Long.parseLong(result.group(8)));
    }

    /** One wrk run: its residents and their tokens, its script, and the ids it had acknowledged. */
    private static final class Run {
        private static final int SITES = 57;
        private final String name;
        private final List<String> tokens;
        private final Path work;
        private final Path acks;

        Run(String name, Tokens issuer, int residents, Path work) throws IOException {
            this.name = name;
            this.work = work;
            this.tokens = IntStream.range(0, residents)
                    .mapToObj(i -> issuer.forRole("bench-" + name + "-" + i, Role.RESIDENT, null)).toList();
            this.acks = Files.createDirectories(work.resolve(name + "-acks"));
        }

        Path script() throws IOException {
            Path tokenFile = work.resolve(name + "-tokens.txt");
            Files.write(tokenFile, tokens);
            String regions = IntStream.rangeClosed(1, SITES).mapToObj(site -> "\"" + region(site) + "\"")
                    .collect(Collectors.joining(", "));
            String template;
            try (InputStream in = RatingLoadBenchmark.class.getResourceAsStream("/bench/ratings.lua")) {
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path script = work.resolve(name + ".lua");
            Files.writeString(script, template.replace("TOKENS_FILE", tokenFile.toString()).replace("REGIONS", regions)
                    .replace("\"RUN\"", "\"" + name + "\"").replace("ACK_DIR", acks.toString())
                    .replace("THREADS", String.valueOf(WRK_THREADS)));
            return script;
        }

        List<String> acknowledgedIds() throws IOException {
            List<String> ids = new ArrayList<>();
            try (var files = Files.list(acks)) {
                for (Path file : files.toList()) {
                    Files.readAllLines(file).stream().filter(line -> !line.isBlank()).forEach(ids::add);
                }
            }
            return ids;
        }

        /** Sends a stored but unanswered rating again, as the Lua script built it; returns the id answered. */
        String retry(String url, org.bson.Document stored) throws IOException, InterruptedException {
            int resident = Integer.parseInt(stored.getString("resident").substring(("bench-" + name + "-").length()));
            int site = Integer.parseInt(stored.getString("subjectId").substring(3));
            int index = resident * SITES + site - 1;
            int level = index % 5 + 1;
            String body = "{\"campaignCode\":\"illegal-construction\",\"formVersion\":1,\"subjectId\":\"ic-%03d\",\"regionCode\":\"%s\","
                    .formatted(site, region(site)) + "\"level\":" + level + ",\"reasonTags\":[\"" + (level <= 2 ? "not-thorough" : "thorough")
                    + "\"],\"indicatorScores\":{\"overall\":" + level + "},\"comment\":\"基准测试评价\"}";
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/ratings"))
                    .header("Authorization", "Bearer " + tokens.get(resident))
                    .header("Idempotency-Key", "bench-%s-%08d".formatted(name, index))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("The retry was not acknowledged: " + response.statusCode() + " " + response.body());
            }
            return id.group(1);
        }

        private static String region(int site) {
            return RatingFixtures.regionOf("ic-%03d".formatted(site));
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int WRK_THREADS = 2;

}
