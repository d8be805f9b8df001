package org.haochaping.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One document per resident on an in-memory MongoDB-compatible server: a repeated notification adds
 * nothing, the newest {@value NotificationBook#KEEP} are kept, and the unread counter always equals
 * the unread items kept, whatever order adds, drops and reads come in (checked against a count of
 * the items after every step, with a seeded random mix and with writers at once).
 */
class NotificationBookTests {

    static final String RESIDENT = NotificationBook.keyOf("resident-1");
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    MongoServer server;
    MongoClient client;
    NotificationBook book;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        book = new NotificationBook(new MongoTemplate(client, "test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void the_key_is_a_hash_not_the_subject() {
        assertThat(RESIDENT).hasSize(64).doesNotContain("resident-1").isEqualTo(NotificationBook.keyOf("resident-1"))
                .isNotEqualTo(NotificationBook.keyOf("resident-2"));
    }

    @Test
    void a_repeated_notification_adds_nothing() {
        List<Notification> steps = List.of(notification(1), notification(2));
        assertThat(book.add(RESIDENT, steps)).isEqualTo(2);
        assertThat(book.add(RESIDENT, steps)).isZero();
        assertThat(book.add(RESIDENT, List.of(notification(2), notification(3)))).isEqualTo(1);

        NotificationBook.Stored stored = book.read(RESIDENT);
        assertThat(stored.items()).extracting(Notification::id).containsExactlyInAnyOrder(id(1), id(2), id(3));
        assertThat(stored.unread()).isEqualTo(3).isEqualTo(book.unread(RESIDENT));
    }

    @Test
    void the_newest_are_kept_and_the_counter_stays_exact_when_unread_ones_drop_off() {
        for (int i = 0; i < NotificationBook.KEEP; i++) {
            book.add(RESIDENT, List.of(notification(i)));
        }
        book.change(RESIDENT, n -> n.at().isBefore(at(10)) ? n.markedRead() : n); // 0-9 read, 10-199 unread
        book.add(RESIDENT, List.of(notification(200), notification(201), notification(202))); // drops 0, 1, 2 (read)
        assertExact(190 + 3); // 10-199 and 200-202 unread; 0-2 dropped were read
        book.add(RESIDENT, java.util.stream.IntStream.range(203, 215).mapToObj(NotificationBookTests::notification).toList());
        // 12 more drop 3..14: 3..9 were read (7), 10..14 unread (5)
        assertExact(193 + 12 - 5);

        NotificationBook.Stored stored = book.read(RESIDENT);
        assertThat(stored.items()).hasSize(NotificationBook.KEEP);
        assertThat(stored.items()).extracting(Notification::at).allMatch(at -> !at.isBefore(at(15)));
        assertThat(book.add(RESIDENT, List.of(notification(5)))).as("older than all kept: it was dropped").isZero();
    }

    @Test
    void a_random_mix_of_adds_repeats_and_reads_keeps_the_counter_equal_to_the_unread_items() {
        Random random = new Random(140423);
        for (int round = 0; round < 400; round++) {
            switch (random.nextInt(4)) {
                case 0, 1 -> book.add(RESIDENT, java.util.stream.IntStream.range(0, 1 + random.nextInt(5))
                        .mapToObj(i -> notification(random.nextInt(600))).toList());
                case 2 -> {
                    int upTo = random.nextInt(600);
                    book.change(RESIDENT, n -> n.isAtOrBefore(at(upTo), id(upTo)) ? n.markedRead() : n);
                }
                default -> {
                    int one = random.nextInt(600);
                    book.change(RESIDENT, n -> n.id().equals(id(one)) ? n.markedRead() : n);
                }
            }
            NotificationBook.Stored stored = book.read(RESIDENT);
            if (stored != null) {
                assertThat(stored.items().size()).isLessThanOrEqualTo(NotificationBook.KEEP);
                assertThat(stored.items()).extracting(Notification::id).doesNotHaveDuplicates();
                assertThat(stored.unread()).as("round " + round).isEqualTo(stored.items().stream().filter(n -> !n.read()).count());
            }
        }
    }

    @Test
    void writers_at_once_lose_nothing_and_count_each_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> added = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int first = writer * 30;
                added.add(pool.submit(() -> {
                    int count = 0;
                    for (int i = first; i < first + 30; i++) {
                        count += book.add(RESIDENT, List.of(notification(i), notification(i % 7))); // 0-6 repeated by all
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> writer : added) {
                total += writer.get();
            }
            assertThat(total).isEqualTo(120);
        } finally {
            pool.shutdownNow();
        }
        NotificationBook.Stored stored = book.read(RESIDENT);
        assertThat(stored.items()).hasSize(120);
        assertThat(stored.unread()).isEqualTo(120);
    }

    @Test
    void marking_read_counts_what_is_left() {
        book.add(RESIDENT, List.of(notification(1), notification(2), notification(3), notification(4)));
        assertThat(book.change(RESIDENT, n -> n.isAtOrBefore(at(2), id(2)) ? n.markedRead() : n)).isEqualTo(2);
        assertThat(book.change(RESIDENT, n -> n.id().equals(id(4)) ? n.markedRead() : n)).isEqualTo(1);
        assertThat(book.change(RESIDENT, n -> n.id().equals(id(4)) ? n.markedRead() : n)).as("again: nothing changes").isEqualTo(1);
        assertThat(book.unread(RESIDENT)).isEqualTo(1);
        assertThat(book.change(NotificationBook.keyOf("nobody"), Notification::markedRead)).isZero();
    }

    private void assertExact(long unread) {
        NotificationBook.Stored stored = book.read(RESIDENT);
        assertThat(stored.unread()).isEqualTo(stored.items().stream().filter(n -> !n.read()).count()).isEqualTo(unread);
    }

    static Notification notification(int step) {
        return new Notification(id(step), at(step), Notification.Type.CONTACTED, "rating-0000000001", "property-management",
                "town:140423100", null, null, false);
    }

    static String id(int step) {
        return at(step).toEpochMilli() + ".rating-0000000001." + step;
    }

    static Instant at(int step) {
        return T0.plusSeconds(step);
    }
}
