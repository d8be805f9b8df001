package org.haochaping.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jdk.jfr.Recording;
import org.bson.RawBsonDocument;
import org.haochaping.HaochapingApplication;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseBulkLoad;
import org.haochaping.badreview.CaseFigureBook;
import org.haochaping.badreview.CaseQueue;
import org.haochaping.badreview.CaseStatus;
import org.haochaping.badreview.Contact;
import org.haochaping.badreview.ContactMethod;
import org.haochaping.badreview.Finding;
import org.haochaping.badreview.QueueEntry;
import org.haochaping.badreview.Unit;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.system.store.WriteDurability;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How the bad-review queue and the handling figures hold up as cases grow (issue 9, "Done when"):
 * loads cases in steps (default 10,000 then 100,000, about 5-10% of them open) into the embedded
 * store ({@link CaseBulkLoad}: walked like the demo's, on the aggregate in memory, then written in
 * bulk with the books built by the books' own code) and, at each step, times after a warm-up:
 * <ul>
 * <li>the queue's first page ({@link CaseQueue#page}, 50 entries) for a HANDLER of the town 古韩镇,
 *     a HANDLER of 县住建局 (lead department of property management, the most rated campaign) and a
 *     SUPERVISOR (every case), and the SUPERVISOR's counts on the navigation item; goal ≤ 200 ms;</li>
 * <li>the dashboard's figures: {@link CaseFigureBook#byUnit} of every campaign (the ranking of
 *     handling units) and {@link CaseFigureBook#ofCampaign} of every campaign; goal ≤ 50 ms;</li>
 * </ul>
 * median and p95 of {@code RUNS} runs each; what one officials' action costs at that size (回访核实
 * through the service, with both books projected); and the sizes of the book documents and the heap.
 * See README, "Benchmarks".
 *
 * <p>Arguments: the case counts to measure at, e.g. {@code 10000 100000}.
 */
public final class CaseBenchmark {

    private static final int WARMUP = 30;
    private static final int RUNS = 100;
    private static final int PAGE = 50;
    private static final Actor TOWN_HANDLER = new Actor("bench-handler-guhan", "古韩镇差评办理员", Set.of(Role.HANDLER),
            null, "140423100");
    private static final Actor DEPARTMENT_HANDLER = new Actor("bench-handler-housing", "住建局差评办理员",
            Set.of(Role.HANDLER), "housing-construction", null);
    private static final Actor SUPERVISOR = new Actor("bench-supervisor", "监督员", Set.of(Role.SUPERVISOR), null, null);

    public static void main(String[] args) throws Exception {
        long[] steps = args.length == 0 ? new long[] {10_000, 100_000} : Arrays.stream(args).mapToLong(Long::parseLong).toArray();
        String kept = System.getProperty("benchmark.data");
        Path data = kept != null ? Path.of(kept) : Files.createTempDirectory("haochaping-case-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HaochapingApplication.class)
                .run("--server.port=0", "--haochaping.data-dir=" + data,
                        "--spring.main.banner-mode=off", "--logging.level.root=warn",
                        // the books must stay those of the cases loaded; the watch's minute check is no part of a read
                        "--haochaping.badreview.deadline-check=1h")) {
            CaseBulkLoad load = new CaseBulkLoad(app);
            CaseQueue queue = app.getBean(CaseQueue.class);
            CaseFigureBook figures = app.getBean(CaseFigureBook.class);
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            List<String> campaigns = app.getBean(CampaignCatalog.class).list(null).stream().map(Campaign::getCode).toList();
            long loaded = 0;
            for (long step : steps) {
                long stored = mongo.getCollection("bad_review_cases").countDocuments();
                if (stored >= step) { // -Dbenchmark.data: measuring again what an earlier run loaded
                    System.out.printf("%n%,d cases stored already, measuring them%n", stored);
                } else {
                    long started = System.nanoTime();
                    CaseBulkLoad.Loaded now = load.add((int) (step - loaded), step);
                    System.out.printf("%n%,d cases stored, %,d open (%.1f%%), loaded in %.0f s: %s%n", now.cases(),
                            now.open(), 100.0 * now.open() / now.cases(), (System.nanoTime() - started) / 1e9, now.byStatus());
                    check(now, queue, figures, campaigns);
                    app.getBean(WriteDurability.class).awaitDurable(); // measure on a store that has written the load out
                }
                loaded = step;

                Map<String, Supplier<Object>> measured = new LinkedHashMap<>();
                measured.put("queue, first page, HANDLER of a town (古韩镇)",
                        () -> queue.page(TOWN_HANDLER, CaseQueue.Filter.ALL, null, PAGE));
                measured.put("queue, first page, HANDLER of a department (住建局)",
                        () -> queue.page(DEPARTMENT_HANDLER, CaseQueue.Filter.ALL, null, PAGE));
                measured.put("queue, first page, SUPERVISOR",
                        () -> queue.page(SUPERVISOR, CaseQueue.Filter.ALL, null, PAGE));
                measured.put("queue, overdue filter, SUPERVISOR", () -> queue.page(SUPERVISOR,
                        new CaseQueue.Filter(null, null, null, false, true, false), null, PAGE));
                measured.put("queue counts (navigation item), SUPERVISOR", () -> queue.counts(SUPERVISOR));
                measured.put("figures byUnit, all " + campaigns.size() + " campaigns",
                        () -> campaigns.stream().map(figures::byUnit).toList());
                measured.put("figures ofCampaign, all " + campaigns.size() + " campaigns",
                        () -> campaigns.stream().map(figures::ofCampaign).toList());
                Recording profile = profile(step);
                measured.forEach((name, operation) -> time(name, operation));
                contacts(queue, app.getBean(BadReviewHandling.class));
                if (profile != null) {
                    profile.stop();
                }
                sizes(mongo);
            }
        }
    }

    /** The books hold what was loaded: every open case in the queue, every case in the figures. */
    private static void check(CaseBulkLoad.Loaded loaded, CaseQueue queue, CaseFigureBook figures, List<String> campaigns) {
        long inQueue = queue.counts(SUPERVISOR).open();
        HandlingCounts all = campaigns.stream().map(figures::ofCampaign).reduce(HandlingCounts.ZERO, HandlingCounts::plus);
        if (inQueue != loaded.open() || all.cases() + all.appealUpheld() != loaded.cases() || all.open() != loaded.open()) {
            throw new IllegalStateException("Books do not match the cases: queue " + inQueue + ", figures " + all);
        }
    }

    /**
     * What a write costs at this size: 回访核实 of cases awaiting contact through {@link BadReviewHandling}
     * (read, access check, save under optimistic locking, both books projected, audited), each by a
     * HANDLER of its unit; the first ten are the warm-up.
     */
    private static void contacts(CaseQueue queue, BadReviewHandling handling) {
        List<QueueEntry> awaiting = queue.page(SUPERVISOR,
                new CaseQueue.Filter(CaseStatus.AWAITING_CONTACT, null, null, false, false, false), null, 60).entries();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < awaiting.size(); i++) {
            QueueEntry entry = awaiting.get(i);
            Unit unit = entry.unit();
            Actor handler = new Actor("bench-handler", "差评办理员", Set.of(Role.HANDLER),
                    unit.kind() == Unit.Kind.DEPARTMENT ? unit.code() : null, unit.kind() == Unit.Kind.TOWN ? unit.code() : null);
            long start = System.nanoTime();
            handling.recordContact(handler, entry.caseId(), entry.version(),
                    new Contact(Instant.now().minusSeconds(1), ContactMethod.PHONE, Finding.CONFIRMED, "基准测试"));
            if (i >= 10) {
                nanos.add(System.nanoTime() - start);
            }
        }
        if (nanos.isEmpty()) {
            return;
        }
        nanos.sort(null);
        System.out.printf("  %-52s median %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d cases)%n",
                "write: 回访核实 through BadReviewHandling", nanos.get(nanos.size() / 2) / 1e6,
                nanos.get(nanos.size() * 95 / 100) / 1e6, nanos.getLast() / 1e6, nanos.size());
    }

    /** With {@code -Dbenchmark.profile=<directory>}, a flight recording of the measurements at each step. */
    private static @Nullable Recording profile(long step) throws java.io.IOException {
        String directory = System.getProperty("benchmark.profile");
        if (directory == null) {
            return null;
        }
        Recording recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
        recording.setDestination(Path.of(directory, "cases-" + step + ".jfr"));
        recording.start();
        return recording;
    }

    private static void time(String name, Supplier<Object> operation) {
        for (int i = 0; i < WARMUP; i++) {
            operation.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            operation.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("  %-52s median %6.1f ms   p95 %6.1f ms   max %6.1f ms%n", name, nanos[RUNS / 2] / 1e6,
                nanos[RUNS * 95 / 100] / 1e6, nanos[RUNS - 1] / 1e6);
    }

    /** The books' documents as stored (BSON bytes), and the heap the whole process uses after a collection. */
    private static void sizes(MongoTemplate mongo) {
        for (String collection : List.of("bad_review_queue", "bad_review_figures")) {
            List<long[]> sizes = new ArrayList<>();
            String largest = "";
            long max = 0;
            for (RawBsonDocument document : mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class).find()) {
                long bytes = document.getByteBuffer().remaining();
                sizes.add(new long[] {bytes});
                if (bytes > max) {
                    max = bytes;
                    largest = document.getString("_id").getValue();
                }
            }
            long total = sizes.stream().mapToLong(size -> size[0]).sum();
            System.out.printf("  %s: %d documents, %,d KB in all, largest %,d KB (%s)%n", collection, sizes.size(),
                    total / 1024, max / 1024, largest);
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("  heap used after GC: %,d MB (the embedded store's cache included)%n",
                (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }
}
