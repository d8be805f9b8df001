package org.haochaping.badreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.ForbiddenException;
import org.haochaping.identity.Role;
import org.haochaping.system.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import tools.jackson.databind.json.JsonMapper;

/**
 * The calendar on an in-memory MongoDB-compatible server, without Spring: optimistic locking (one
 * of two concurrent saves wins, the other is a conflict that changes nothing), the snapshot after
 * this instance's and another instance's edits, and the seed that never overwrites an edit.
 */
class HolidayCalendarStoreTests {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    static final Actor SUPERVISOR = new Actor("supervisor-1", "监督员", Set.of(Role.SUPERVISOR), null, null);
    static final Actor OTHER_SUPERVISOR = new Actor("supervisor-2", "监督员二", Set.of(Role.SUPERVISOR), null, null);
    static final Actor HANDLER = new Actor("handler-1", "办理员", Set.of(Role.HANDLER), "housing-construction", null);
    static final LocalDate NEW_YEAR_2027 = LocalDate.parse("2027-01-01");

    MongoServer server;
    MongoClient client;
    HolidayYears years;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T02:00:00Z"), COUNTY);
    final AccessGuard guard = mock(AccessGuard.class);
    HolidayCalendar calendar;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort()
                + "/?serverSelectionTimeoutMS=500&connectTimeoutMS=500");
        years = new HolidayYears(new MongoTemplate(client, "test"));
        doThrow(new ForbiddenException()).when(guard).require(eq(false), any(), anyString(), anyString());
        calendar = new HolidayCalendar(years, guard, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_year_nobody_entered_reads_as_unarranged_and_counts_weekends_only() {
        assertThat(calendar.year(2027)).isEqualTo(YearArrangement.unarranged(2027));
        assertThat(calendar.year(2027).isArranged()).isFalse();
        assertThat(calendar.workingDays().hasArrangement(2027)).isFalse();
        assertThat(calendar.workingDays().isWorkingDay(NEW_YEAR_2027)).isTrue();
    }

    @Test
    void each_save_takes_the_version_it_read_and_makes_the_next() {
        YearArrangement first = calendar.save(SUPERVISOR, newYear(0));
        YearArrangement second = calendar.save(SUPERVISOR, withSpringFestival(first));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(calendar.year(2027)).isEqualTo(second);
        assertThat(second.holidays()).hasSize(2);
        verify(guard, times(2)).recordChange(SUPERVISOR, "HOLIDAY_CALENDAR_SAVED", "holiday-calendar:2027");
    }

    @Test
    void a_save_from_a_stale_version_is_a_conflict_and_changes_nothing() {
        YearArrangement read = calendar.save(SUPERVISOR, newYear(0));
        YearArrangement theirs = calendar.save(OTHER_SUPERVISOR, withSpringFestival(read));

        assertThatThrownBy(() -> calendar.save(SUPERVISOR, new YearArrangement(2027, List.of(LocalDate.parse("2027-05-03")),
                List.of(), null, read.version())))
                .isInstanceOf(CalendarConflictException.class)
                .extracting(problem -> ((CalendarConflictException) problem).code()).isEqualTo("CALENDAR_VERSION_CONFLICT");
        assertThatThrownBy(() -> calendar.save(SUPERVISOR, newYear(0)))
                .as("creating a year someone created meanwhile").isInstanceOf(CalendarConflictException.class);
        assertThat(calendar.year(2027)).isEqualTo(theirs);
    }

    @Test
    void of_concurrent_saves_from_the_same_version_exactly_one_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (long version = 0; version < 5; version++) {
                long read = version;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> saves = new ArrayList<>();
                for (int editor = 0; editor < 6; editor++) {
                    LocalDate day = LocalDate.parse("2027-03-01").plusDays(editor);
                    Callable<Boolean> save = () -> {
                        start.await();
                        try {
                            calendar.save(SUPERVISOR, new YearArrangement(2027, List.of(NEW_YEAR_2027, day), List.of(), null, read));
                            return true;
                        } catch (CalendarConflictException lost) {
                            return false;
                        }
                    };
                    saves.add(pool.submit(save));
                }
                start.countDown();
                int won = 0;
                for (Future<Boolean> save : saves) {
                    won += save.get() ? 1 : 0;
                }
                assertThat(won).as("round from version " + read).isEqualTo(1);
                assertThat(calendar.year(2027).version()).isEqualTo(read + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void only_supervisors_save_and_a_refusal_stores_nothing() {
        assertThatThrownBy(() -> calendar.save(HANDLER, newYear(0))).isInstanceOf(ForbiddenException.class);
        assertThat(calendar.year(2027).isArranged()).isFalse();
        verify(guard, never()).recordChange(any(), anyString(), anyString());
    }

    @Test
    void a_rejected_arrangement_stores_nothing() {
        YearArrangement wednesdayMakeUp = new YearArrangement(2027, List.of(NEW_YEAR_2027), List.of(LocalDate.parse("2027-02-10")),
                null, 0);
        assertThatThrownBy(() -> calendar.save(SUPERVISOR, wednesdayMakeUp)).isInstanceOf(ArrangementRejectedException.class);
        assertThat(calendar.year(2027).isArranged()).isFalse();
    }

    @Test
    void this_instances_save_is_counted_on_at_once() {
        assertThat(calendar.workingDays().isWorkingDay(NEW_YEAR_2027)).isTrue();

        calendar.save(SUPERVISOR, newYear(0));

        assertThat(calendar.workingDays().isWorkingDay(NEW_YEAR_2027)).isFalse();
        assertThat(calendar.workingDays().hasArrangement(2027)).isTrue();
    }

    @Test
    void another_instances_save_is_counted_on_within_a_minute() {
        HolidayCalendar otherInstance = new HolidayCalendar(years, guard, clock);
        assertThat(calendar.workingDays().isWorkingDay(NEW_YEAR_2027)).isTrue();

        otherInstance.save(SUPERVISOR, newYear(0));
        clock.advance(Duration.ofSeconds(59));
        assertThat(calendar.workingDays().isWorkingDay(NEW_YEAR_2027)).as("within the minute: the snapshot").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(calendar.workingDays().isWorkingDay(NEW_YEAR_2027)).as("a minute on: read again").isFalse();
    }

    @Test
    void while_the_store_cannot_be_read_deadlines_keep_the_last_calendar() {
        calendar.save(SUPERVISOR, newYear(0));
        WorkingDays before = calendar.workingDays();
        server.shutdownNow();
        clock.advance(Duration.ofMinutes(5));

        assertThat(calendar.workingDays()).isSameAs(before);
    }

    @Test
    void the_seed_adds_the_shipped_years_once_and_never_overwrites_a_correction() {
        HolidayCalendarSeed seed = seed();
        assertThat(seed.load()).isEqualTo(2);
        assertThat(calendar.workingDays().hasArrangement(2026)).isTrue();
        assertThat(calendar.year(2026)).isEqualTo(WorkingDaysTests.Y2026);
        YearArrangement corrected = calendar.save(SUPERVISOR, new YearArrangement(2026, WorkingDaysTests.Y2026.holidays(),
                WorkingDaysTests.Y2026.makeUpWorkingDays(), "更正后的通知", 1));

        assertThat(seed().load()).as("a restart").isZero();
        assertThat(calendar.year(2026)).isEqualTo(corrected);
        assertThat(calendar.year(2026).version()).isEqualTo(2);
    }

    private HolidayCalendarSeed seed() {
        return new HolidayCalendarSeed(years, calendar, JsonMapper.builder().build(), clock,
                new ClassPathResource("seed/holiday-calendar.json"));
    }

    private static YearArrangement newYear(long version) {
        return new YearArrangement(2027, List.of(NEW_YEAR_2027), List.of(), "试录入", version);
    }

    private static YearArrangement withSpringFestival(YearArrangement read) {
        List<LocalDate> holidays = new ArrayList<>(read.holidays());
        holidays.add(LocalDate.parse("2027-02-08"));
        return new YearArrangement(2027, holidays, read.makeUpWorkingDays(), read.source(), read.version());
    }
}
