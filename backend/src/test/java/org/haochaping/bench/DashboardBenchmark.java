package org.haochaping.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.haochaping.HaochapingApplication;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.DemoRatings;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long one campaign's dashboard takes to compute as ratings grow: generates demo ratings
 * through the rating service in steps (default 10,000 then up to 1,000,000) and, at each step,
 * times {@link SatisfactionQueries#dashboard} for the property-management campaign (median and p90
 * of 50 runs). The figure must not grow with the number of ratings: dashboards read rollups only.
 * See README, "Benchmarks".
 *
 * <p>Arguments: the rating counts to measure at, e.g. {@code 10000 1000000}.
 */
public final class DashboardBenchmark {

    private static final Actor SUPERVISOR = new Actor("bench-supervisor", "监督员", Set.of(Role.SUPERVISOR), null, "140423");

    public static void main(String[] args) throws Exception {
        long[] steps = args.length == 0 ? new long[] {10_000, 1_000_000} : Arrays.stream(args).mapToLong(Long::parseLong).toArray();
        Path data = Files.createTempDirectory("haochaping-dashboard-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HaochapingApplication.class)
                .run("--server.port=0", "--haochaping.data-dir=" + data,
                        "--spring.main.banner-mode=off", "--logging.level.root=warn",
                        // generating a million ratings is not what is measured; durable acknowledgements would only slow it
                        "--haochaping.embedded-store.durable-writes=false")) {
            DemoRatings demo = app.getBean(DemoRatings.class);
            SatisfactionQueries queries = app.getBean(SatisfactionQueries.class);
            long generated = 0;
            for (long step : steps) {
                long started = System.nanoTime();
                generated += generate(demo, step - generated, (int) Math.max(1000, step / 4), generated);
                System.out.printf("%,d ratings stored (this step took %.0f s)%n", generated, (System.nanoTime() - started) / 1e9);
                for (int i = 0; i < 20; i++) {
                    queries.dashboard(SUPERVISOR, "property-management", null, null, null);
                }
                long[] nanos = new long[50];
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    queries.dashboard(SUPERVISOR, "property-management", null, null, null);
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                System.out.printf("  dashboard of property-management at %,d ratings: median %.1f ms, p90 %.1f ms%n",
                        generated, nanos[25] / 1e6, nanos[45] / 1e6);
            }
        }
    }

    private static long generate(DemoRatings demo, long count, int residents, long seed) throws InterruptedException {
        int threads = 8;
        AtomicLong stored = new AtomicLong();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            long share = count / threads + (i < count % threads ? 1 : 0);
            Random random = new Random(seed * 31 + i);
            workers[i] = Thread.ofPlatform().start(() -> stored.addAndGet(demo.generate(share, residents, random).stored()));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return stored.get();
    }
}
