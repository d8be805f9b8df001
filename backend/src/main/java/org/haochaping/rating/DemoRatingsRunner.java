package org.haochaping.rating;

import java.util.Random;

import org.haochaping.campaign.DemoProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The demo-data command: {@code --haochaping.demo.ratings=N} generates N ratings at start, through
 * the same rules as real ones, and the monthly progress reports of every outcome goal up to today
 * (see README), and a 刷好评 burst for the manipulation signals ({@code --haochaping.demo.stuffing=N}
 * ratings, 40 by default, 0 for none); then it announces them ({@link DemoRatingsGenerated}) so that the bad-review cases
 * their 差评 opened are handled as far as they would be by today. {@code --haochaping.demo.seed}
 * makes runs repeatable.
 */
@Component
@ConditionalOnProperty("haochaping.demo.ratings")
class DemoRatingsRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRatingsRunner.class);

    private final DemoRatings demo;
    private final DemoProgress progress;
    private final ApplicationEventPublisher events;
    private final long count;
    private final long seed;
    private final int threads;
    private final int stuffing;

    DemoRatingsRunner(DemoRatings demo, DemoProgress progress, ApplicationEventPublisher events, @Value("${haochaping.demo.ratings}") long count,
            @Value("${haochaping.demo.seed:20210415}") long seed,
            @Value("${haochaping.demo.threads:4}") int threads, @Value("${haochaping.demo.stuffing:40}") int stuffing) {
        this.demo = demo;
        this.progress = progress;
        this.events = events;
        this.count = count;
        this.seed = seed;
        this.threads = threads;
        this.stuffing = stuffing;
    }

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        long started = System.nanoTime();
        log.info("Generating {} demo ratings ({} threads, seed {})", count, threads, seed);
        events.publishEvent(new DemoRatingsStarted(seed));
        long total = 0;
        try {
            total = generate();
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Generated {} demo ratings in {} s ({} ratings/s)", total, String.format("%.1f", seconds),
                    String.format("%.0f", total / seconds));
            if (stuffing > 0) {
                DemoRatings.Stuffing burst = demo.stuff(stuffing, java.time.Duration.ofHours(3), new Random(seed));
                total += burst.ratingIds().size();
                log.info("Injected a stuffing burst of {} 好评 on one compound three hours ago, for the 异常评价 signals to find",
                        burst.ratingIds().size());
            }
            int reports = progress.report(seed, campaign -> DemoStory.of(campaign).claimedPace());
            log.info("Reported {} demo progress figures (monthly, for every outcome goal)", reports);
        } finally {
            events.publishEvent(new DemoRatingsGenerated(seed, total)); // the bad-review cases' handling follows
        }
    }

    private long generate() throws InterruptedException {
        Thread[] workers = new Thread[threads];
        long[] stored = new long[threads];
        for (int i = 0; i < threads; i++) {
            int worker = i;
            long share = count / threads + (i < count % threads ? 1 : 0);
            workers[i] = Thread.ofPlatform().name("demo-ratings-" + i).start(() ->
                    stored[worker] = demo.generate(share, (int) Math.max(1000, count / 4), new Random(seed + worker)).stored());
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return java.util.Arrays.stream(stored).sum();
    }
}
