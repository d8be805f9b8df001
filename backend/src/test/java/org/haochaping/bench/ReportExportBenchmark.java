package org.haochaping.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.haochaping.HaochapingApplication;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.ReasonTag;
import org.haochaping.campaign.Subject;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.Channel;
import org.haochaping.rating.Levels;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingCursor;
import org.haochaping.rating.ReviewStatus;
import org.haochaping.region.Region;
import org.haochaping.region.RegionTree;
import org.haochaping.report.ReportFormat;
import org.haochaping.report.ReportsForBenchmark;
import org.haochaping.report.format.ReportWriter;
import org.haochaping.satisfaction.RollupMaintenance;
import org.haochaping.satisfaction.rollup.RollupRebuild;
import org.haochaping.system.store.EmbeddedMongoStore;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a 评价明细 export of a million ratings costs, against what merely reading them costs (issue "Done when"):
 * in a JVM limited to 256 MB of heap (run with {@code -Xmx256m}), the ratings of one campaign and month
 * ({@value #CAMPAIGN}, {@link #MONTH}) are, in alternation, in {@code rounds} rounds:
 * <ol>
 * <li>read through {@link RatingCursor#forEachRated}, doing nothing with them (the floor: the store's and the
 *     driver's share, which no export can avoid);</li>
 * <li>exported as CSV: the 评价明细 prepared for a SUPERVISOR (comments included) and written by
 *     the CSV {@link ReportWriter} to a file, cases looked up per 500 ratings and residents pseudonymised;</li>
 * <li>the same as XLSX by the XLSX writer (SXSSF, 100 rows in memory).</li>
 * </ol>
 * Goals: CSV ≤ 1.5× the read, XLSX ≤ 3× the read (medians), every rating written, the heap bounded. Then the
 * 月度满意度分析报告 of that campaign and month as PDF (the PDF writer): 2 warm-up runs, 10 timed;
 * goal ≤ 3 s. Printed: each run, the medians and ratios, rows, file sizes and the peak heap of each run (the sum
 * of the heap pools' peaks, reset before it).
 *
 * <p>The embedded store runs in a child JVM ({@link ReportBenchStore}, 8 GB): mongo-java-server materialises a
 * query's whole result on the server, which would not fit in 256 MB, and with MongoDB the server is elsewhere
 * too. Its file is kept under {@code benchmark.dir} ({@code backend/target/report-bench}), so only the first run
 * seeds the ratings (in bulk, deterministic, about 15% 差评) and rebuilds the rollups the monthly report reads.
 *
 * <p>Arguments: the ratings to export (default 1,000,000), the rounds (default 3). With
 * {@code -Dbenchmark.profile=true} a flight recording of the measurements is written beside the files.
 */
public final class ReportExportBenchmark {

    static final String CAMPAIGN = "property-management";
    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int RESIDENTS = 200_000;
    static final int SEED_BATCH = 1_000;
    static final int PDF_WARMUP = 2;
    static final int PDF_RUNS = 10;
    static final Actor SUPERVISOR = new Actor("bench-supervisor", "监督员", Set.of(Role.SUPERVISOR), null, null);

    private static final String[] BAD_COMMENTS = {
        "小区门口的路灯坏了两个月，物业说\"已报修\"，但一直没人来。",
        "垃圾桶满了没人清,楼道里味道很大,说了也不管",
        "电梯三天两头停，老人上下楼太难了！",
        "物业费一年一涨，账目从来不公示，\"收支明细\"在哪里？",
        "停车位被外来车辆占用，保安根本不管。",
        "-_- 报修单提交一周了，没有任何回复",
        "晚上小区大门不关，外人随便进出，很不安全",
        "绿化带变成了菜地，多次反映无果。",
    };
    private static final String[] GOOD_COMMENTS = {
        "维修师傅来得很快，态度也好，点赞！",
        "楼道打扫得很干净，谢谢物业。",
        "\"有事找物业\"不再是一句空话",
        "收费清单贴在公告栏，明明白白,很满意",
    };

    /** Closed by the store's shutdown hook before the store, so the application's last writes reach it. */
    private static volatile @org.jspecify.annotations.Nullable ConfigurableApplicationContext application;

    private ReportExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long ratings = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path directory = Path.of(System.getProperty("benchmark.dir", "target/report-bench")).toAbsolutePath().normalize();
        Files.createDirectories(directory);
        System.out.printf("%nReport export benchmark: %,d ratings of %s in %s, %d rounds; JVM max heap %,d MB (Runtime.maxMemory), %d cores%n",
                ratings, CAMPAIGN, MONTH, rounds, Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Runtime.getRuntime().availableProcessors());

        Path storeFile = directory.resolve("store").resolve("haochaping.mv.db");
        int port = startStore(storeFile);
        Path appData = Files.createTempDirectory("haochaping-report-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HaochapingApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .run("--spring.mongodb.uri=" + EmbeddedMongoStore.connectionString(storeFile, port, "haochaping"),
                        "--haochaping.data-dir=" + appData,
                        "--haochaping.privacy.provenance-key-file=" + directory.resolve("store").resolve("provenance.key"),
                        "--haochaping.report.monthly-catch-up=false", "--logging.level.root=warn",
                        "--logging.level.org.apache.fontbox=error")) { // fontbox: a warning per font load about an unused cmap
            application = app;
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            boolean seeded = seed(app, mongo, ratings);
            long expected = ReportsForBenchmark.ratingDetail(app, SUPERVISOR, CAMPAIGN, MONTH, ReportFormat.CSV).expectedRows();
            if (seeded || expected != ratings) {
                long started = System.nanoTime();
                RollupRebuild.Report report = app.getBean(RollupMaintenance.class).rebuild(SUPERVISOR);
                System.out.printf("Rollups rebuilt from %,d ratings in %.1f s: %,d rollups, %,d drifted%n", report.ratingsRead(),
                        (System.nanoTime() - started) / 1e9, report.rollups(), report.drifted());
                expected = ReportsForBenchmark.ratingDetail(app, SUPERVISOR, CAMPAIGN, MONTH, ReportFormat.CSV).expectedRows();
            }
            System.out.printf("The rollups count %,d ratings of %s in %s%n", expected, CAMPAIGN, MONTH);
            jdk.jfr.Recording profile = profile(directory);
            exports(app, directory, ratings, rounds);
            monthlyPdf(app, directory);
            if (profile != null) {
                profile.stop();
                System.out.println("Flight recording: " + profile.getDestination());
            }
        }
    }

    /** With {@code -Dbenchmark.profile=true}, a flight recording (execution samples) of the measurements. */
    private static jdk.jfr.@org.jspecify.annotations.Nullable Recording profile(Path directory) throws IOException {
        if (!Boolean.getBoolean("benchmark.profile")) {
            return null;
        }
        var recording = new jdk.jfr.Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
        recording.enable("jdk.GarbageCollection");
        recording.setDestination(directory.resolve("report-exports.jfr"));
        recording.start();
        return recording;
    }

    // --- the store in its own JVM ---

    /** Starts {@link ReportBenchStore} on {@code file} and returns its port; it stops when this JVM ends. */
    private static int startStore(Path file) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx8g",
                "-cp", System.getProperty("java.class.path"), ReportBenchStore.class.getName(), file.toString(),
                Integer.toString(port)).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                ConfigurableApplicationContext app = application;
                if (app != null) {
                    app.close(); // interrupted (e.g. Ctrl-C): the application stops first, while its store still runs
                }
                store.getOutputStream().close(); // the store commits its file and exits
                if (!store.waitFor(60, TimeUnit.SECONDS)) {
                    store.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                store.destroyForcibly();
            }
        }));
        var lines = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        long started = System.nanoTime();
        for (String line = lines.readLine(); ; line = lines.readLine()) {
            if (line == null) {
                throw new IllegalStateException("The store process ended: exit " + store.waitFor());
            }
            if (line.startsWith(ReportBenchStore.READY)) {
                break;
            }
            System.out.println("[store] " + line);
        }
        Thread forward = new Thread(() -> lines.lines().forEach(line -> System.out.println("[store] " + line)), "store-output");
        forward.setDaemon(true);
        forward.start();
        System.out.printf("Store: pid %d, -Xmx8g, port %d, file %s (%,d MB), ready in %.1f s%n", store.pid(), port, file,
                Files.exists(file) ? Files.size(file) / (1024 * 1024) : 0, (System.nanoTime() - started) / 1e9);
        return port;
    }

    // --- seeding ---

    private static String id(long index) {
        return "bench-" + MONTH + "-" + String.format("%07d", index);
    }

    /** Adds the ratings this store lacks (they are inserted in order, so the first missing id tells); true if any. */
    private static boolean seed(ConfigurableApplicationContext app, MongoTemplate mongo, long wanted) {
        long low = 0;
        long high = wanted; // invariant: ids below low exist, id high does not (or high == wanted)
        while (low < high) {
            long middle = (low + high) / 2;
            if (mongo.findById(id(middle), org.bson.Document.class, "ratings") != null) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        long present = low;
        if (present >= wanted) {
            System.out.printf("Seeded already: %,d ratings (not seeding again)%n", present);
            return false;
        }
        Campaign campaign = app.getBean(CampaignCatalog.class).get(CAMPAIGN);
        List<Subject> subjects = app.getBean(SubjectCatalog.class).page(CAMPAIGN, null, null, 0, Integer.MAX_VALUE).items()
                .stream().map(SubjectCatalog.Placed::subject).toList();
        RegionTree regions = app.getBean(RegionTree.class);
        Map<String, String> towns = new HashMap<>();
        subjects.forEach(subject -> towns.put(subject.regionCode(), regions.townOf(subject.regionCode()).map(Region::code).orElse(null)));
        var seeder = new Seeder(campaign, subjects, towns);
        System.out.printf("Seeding %,d ratings (%,d present) over %d subjects and %,d residents...%n", wanted - present, present,
                subjects.size(), RESIDENTS);
        long started = System.nanoTime();
        List<Rating> batch = new ArrayList<>(SEED_BATCH);
        for (long index = present; index < wanted; index++) {
            batch.add(seeder.rating(index));
            if (batch.size() == SEED_BATCH || index == wanted - 1) {
                mongo.insert(batch, Rating.class);
                batch.clear();
                long done = index + 1 - present;
                if (done % 100_000 == 0 || index == wanted - 1) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("  %,d inserted, %.0f s, %,.0f ratings/s%n", done, seconds, done / seconds);
                }
            }
        }
        return true;
    }

    /** Deterministic ratings: the same index gives the same rating in every run. */
    private record Seeder(Campaign campaign, List<Subject> subjects, Map<String, String> towns) {

        Rating rating(long index) {
            Random random = new Random(index * 0x9E3779B97F4A7C15L + 20261001L);
            int resident = (int) (index % RESIDENTS);
            long round = index / RESIDENTS;
            Subject subject = subjects.get((int) ((resident * 7L + round) % subjects.size()));
            int level = level(random);
            boolean bad = Levels.isBad(level);
            List<ReasonTag> tags = bad ? campaign.getRatingForm().badReasons() : campaign.getRatingForm().goodReasons();
            List<String> reasons = new ArrayList<>();
            int wantedReasons = bad ? 1 + random.nextInt(2) : random.nextInt(3);
            while (reasons.size() < wantedReasons) {
                String code = tags.get(random.nextInt(tags.size())).code();
                if (!reasons.contains(code)) {
                    reasons.add(code);
                }
            }
            String comment = bad ? (random.nextDouble() < 0.45 ? BAD_COMMENTS[random.nextInt(BAD_COMMENTS.length)] : null)
                    : (random.nextDouble() < 0.08 ? GOOD_COMMENTS[random.nextInt(GOOD_COMMENTS.length)] : null);
            List<String> photos = new ArrayList<>();
            if (bad && random.nextDouble() < 0.25) {
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    photos.add("bench-photo-" + index + "-" + i);
                }
            }
            Map<String, Integer> scores = new LinkedHashMap<>();
            if (random.nextDouble() < 0.6) {
                scores.put("overall", Math.clamp(level + random.nextInt(3) - 1, 1, 5));
            }
            Instant monthStart = MONTH.atDay(1).atStartOfDay(ZONE).toInstant();
            Instant monthEnd = MONTH.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
            int day = random.nextInt(MONTH.lengthOfMonth());
            int second = random.nextDouble() < 0.9 ? 7 * 3600 + random.nextInt(15 * 3600) : random.nextInt(24 * 3600);
            Instant ratedAt = monthStart.plusSeconds(day * 86_400L + second);
            boolean offline = random.nextDouble() < 0.03;
            Instant submittedAt = offline ? ratedAt.plusSeconds(60 + random.nextInt(6 * 3600)) : ratedAt;
            if (!submittedAt.isBefore(monthEnd)) {
                submittedAt = monthEnd.minusSeconds(1);
            }
            String residentId = "bench-resident-" + resident;
            String eligibility = "c:" + CAMPAIGN + "|s:" + subject.id() + "|r:" + residentId + "|m:" + MONTH
                    + (round >= subjects.size() ? "|n:" + index : "");
            return new Rating(id(index), CAMPAIGN, subject.id(), subject.regionCode(), towns.get(subject.regionCode()), level,
                    scores, reasons, comment, photos, channel(random), null, submittedAt, offline ? ratedAt : null, ratedAt,
                    residentId, ReviewStatus.initialFor(level), List.of(),
                    new Provenance(Origin.RESIDENT, "1.4.2", hex(random), hex(random)), eligibility, hex(random), false, null, null);
        }

        /** About 45% 非常满意, 25% 满意, 15% 基本满意, 9% 不满意, 6% 非常不满意: 15% 差评. */
        private static int level(Random random) {
            double u = random.nextDouble();
            return u < 0.45 ? 5 : u < 0.70 ? 4 : u < 0.85 ? 3 : u < 0.94 ? 2 : 1;
        }

        private static Channel channel(Random random) {
            double u = random.nextDouble();
            return u < 0.70 ? Channel.APP : u < 0.82 ? Channel.QR_CODE : u < 0.90 ? Channel.WEB
                    : u < 0.94 ? Channel.ON_SITE_DEVICE : u < 0.97 ? Channel.SMS : Channel.HOTLINE_12345;
        }

        /** 64 hex digits, as the salted hashes and fingerprints are. */
        private static String hex(Random random) {
            return String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        }
    }

    // --- measurements ---

    private interface Run {
        /** Returns the ratings or rows it handled. */
        long run() throws IOException;
    }

    private record Measured(double seconds, long count, long peakHeapBytes) {
    }

    private static void exports(ConfigurableApplicationContext app, Path directory, long ratings, int rounds) throws IOException {
        RatingCursor cursor = app.getBean(RatingCursor.class);
        Instant from = MONTH.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant to = MONTH.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        Path csv = directory.resolve("rating-detail.csv");
        Path xlsx = directory.resolve("rating-detail.xlsx");
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("read", () -> {
            long[] seen = {0};
            long start = System.nanoTime();
            long[] first = {0};
            long count = cursor.forEachRated(CAMPAIGN, from, to, rating -> {
                if (seen[0]++ == 0) {
                    first[0] = System.nanoTime();
                }
            });
            if (count != seen[0]) {
                throw new IllegalStateException("cursor counted " + count + ", handed " + seen[0]);
            }
            // the store answers the query whole before the first batch: this much of the read is the server's alone
            System.out.printf("           (first rating after %.1f s)%n", (first[0] - start) / 1e9);
            return count;
        });
        runs.put("csv", () -> export(app, ReportFormat.CSV, writer(app, ReportFormat.CSV), csv));
        runs.put("xlsx", () -> export(app, ReportFormat.XLSX, writer(app, ReportFormat.XLSX), xlsx));
        Map<String, List<Measured>> results = new LinkedHashMap<>();
        runs.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        System.out.println();
        for (int round = 1; round <= rounds; round++) {
            for (var entry : runs.entrySet()) {
                Measured measured = measure(entry.getValue());
                results.get(entry.getKey()).add(measured);
                String size = entry.getKey().equals("read") ? ""
                        : String.format(", file %,d MB", Files.size(entry.getKey().equals("csv") ? csv : xlsx) / (1024 * 1024));
                System.out.printf("  round %d  %-4s  %7.1f s  %,d %s, %,.0f/s, peak heap %,d MB%s%n", round, entry.getKey(),
                        measured.seconds(), measured.count(), entry.getKey().equals("read") ? "ratings" : "rows",
                        measured.count() / measured.seconds(), measured.peakHeapBytes() / (1024 * 1024), size);
                if (measured.count() != ratings) {
                    System.out.printf("  !! %s handled %,d, expected %,d%n", entry.getKey(), measured.count(), ratings);
                }
            }
        }
        double read = median(results.get("read"));
        double csvSeconds = median(results.get("csv"));
        double xlsxSeconds = median(results.get("xlsx"));
        System.out.printf("%nMedians over %d rounds (Runtime.maxMemory %,d MB):%n", rounds, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf("  plain cursor read  %7.1f s%n", read);
        System.out.printf("  CSV export         %7.1f s   = %.2f x the read   (goal <= 1.5)  %s   max peak heap %,d MB, file %,d MB%n",
                csvSeconds, csvSeconds / read, csvSeconds / read <= 1.5 ? "MET" : "MISSED", maxPeak(results.get("csv")),
                Files.size(csv) / (1024 * 1024));
        System.out.printf("  XLSX export        %7.1f s   = %.2f x the read   (goal <= 3)    %s   max peak heap %,d MB, file %,d MB%n",
                xlsxSeconds, xlsxSeconds / read, xlsxSeconds / read <= 3 ? "MET" : "MISSED", maxPeak(results.get("xlsx")),
                Files.size(xlsx) / (1024 * 1024));
        System.out.printf("  max peak heap of the reads %,d MB%n", maxPeak(results.get("read")));
    }

    /** The 评价明细 prepared for a SUPERVISOR and written to {@code file}; returns the rows written. */
    /** The application's writer of a format (the writers are the format package's own; the interface is public). */
    private static ReportWriter writer(ConfigurableApplicationContext app, ReportFormat format) {
        return app.getBeansOfType(ReportWriter.class).values().stream().filter(w -> w.format() == format).findFirst().orElseThrow();
    }

    private static long export(ConfigurableApplicationContext app, ReportFormat format, ReportWriter writer, Path file)
            throws IOException {
        var prepared = ReportsForBenchmark.ratingDetail(app, SUPERVISOR, CAMPAIGN, MONTH, format);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return writer.write(prepared.document(), out, rows -> {
            });
        }
    }

    private static void monthlyPdf(ConfigurableApplicationContext app, Path directory) throws IOException {
        ReportWriter writer = writer(app, ReportFormat.PDF);
        Path pdf = directory.resolve("monthly-analysis.pdf");
        Run run = () -> {
            var prepared = ReportsForBenchmark.monthlyAnalysis(app, SUPERVISOR, CAMPAIGN, MONTH);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pdf), 1 << 16)) {
                return writer.write(prepared.document(), out, rows -> {
                });
            }
        };
        for (int i = 0; i < PDF_WARMUP; i++) {
            run.run();
        }
        double[] seconds = new double[PDF_RUNS];
        for (int i = 0; i < PDF_RUNS; i++) {
            long start = System.nanoTime();
            run.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        System.out.printf("%nMonthly PDF (月度满意度分析报告, %s, %s), %d timed runs after %d warm-up: %s s%n", CAMPAIGN, MONTH, PDF_RUNS,
                PDF_WARMUP, Arrays.stream(seconds).mapToObj(s -> String.format("%.2f", s)).toList());
        Arrays.sort(seconds);
        System.out.printf("  median %.2f s, max %.2f s (goal <= 3 s)  %s   file %,d KB%n", seconds[PDF_RUNS / 2], seconds[PDF_RUNS - 1],
                seconds[PDF_RUNS - 1] <= 3 ? "MET" : "MISSED", Files.size(pdf) / 1024);
    }

    private static Measured measure(Run run) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long count = run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measured(seconds, count, peak);
    }

    private static double median(List<Measured> runs) {
        double[] seconds = runs.stream().mapToDouble(Measured::seconds).sorted().toArray();
        return seconds.length % 2 == 1 ? seconds[seconds.length / 2]
                : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
    }

    private static long maxPeak(List<Measured> runs) {
        return runs.stream().mapToLong(Measured::peakHeapBytes).max().orElse(0) / (1024 * 1024);
    }
}
