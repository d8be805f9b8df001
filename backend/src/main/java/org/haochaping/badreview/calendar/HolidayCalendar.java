package org.haochaping.badreview.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The working-day calendar: the State Council's arrangement of each year, which officials read and
 * SUPERVISORs enter or correct, and the {@link WorkingDays} snapshot deadlines are counted on.
 * <p>
 * Deadlines are computed often (every case in a queue) and the calendar changes about once a year,
 * so the snapshot is cached. This instance reads it again on first use after its own saves; edits
 * made on another instance are seen within {@link #REREAD_AFTER}, when the snapshot is read again.
 */
@Service
public class HolidayCalendar {

    /** How stale another instance's edit may be here: a minute, for a change made once a year. */
    static final Duration REREAD_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(HolidayCalendar.class);

    private final HolidayYears years;
    private final AccessGuard guard;
    private final Clock clock;
    private final Object rereading = new Object();
    private volatile @Nullable Snapshot snapshot;
    /** Counts this instance's saves, so a re-read racing one is not cached. */
    private final AtomicLong changes = new AtomicLong();

    private record Snapshot(WorkingDays workingDays, Instant readAt) {
    }

    HolidayCalendar(HolidayYears years, AccessGuard guard, Clock clock) {
        this.years = years;
        this.guard = guard;
        this.clock = clock;
    }

    /** The calendar as stored, at most {@link #REREAD_AFTER} old; in the zone of the app's clock. */
    public WorkingDays workingDays() {
        Snapshot current = snapshot;
        if (current != null && isFresh(current)) {
            return current.workingDays();
        }
        synchronized (rereading) {
            current = snapshot;
            if (current != null && isFresh(current)) {
                return current.workingDays();
            }
            return reread(current).workingDays();
        }
    }

    /** What is stored for the year; an empty arrangement (version 0) if nothing is. */
    public YearArrangement year(int year) {
        return years.find(year).orElseGet(() -> YearArrangement.unarranged(year));
    }

    /** {@link #year(int)} for an official: every official role may read the calendar, residents may not. */
    public YearArrangement year(Actor reader, int year) {
        guard.require(reader.isOfficial(), reader, "READ_HOLIDAY_CALENDAR", target(year));
        return year(year);
    }

    /** Whether the actor may enter or correct a year (the console shows its editing controls only then). */
    public static boolean mayEdit(Actor actor) {
        return actor.has(Role.SUPERVISOR);
    }

    /**
     * Replaces the year's arrangement, if it is still at {@code arrangement.version()} (the version the
     * supervisor read; 0 for a year nothing is stored for). Audited.
     *
     * @return the arrangement as stored, with its new version
     * @throws org.haochaping.identity.ForbiddenException for anyone but a SUPERVISOR
     * @throws ArrangementRejectedException when the arrangement breaks one of {@link ArrangementRules}
     * @throws CalendarConflictException when the year was saved since it was read
     */
    public YearArrangement save(Actor actor, YearArrangement arrangement) {
        guard.require(mayEdit(actor), actor, "SAVE_HOLIDAY_CALENDAR", target(arrangement.year()));
        ArrangementRules.check(arrangement);
        YearArrangement saved = years.replace(arrangement, actor.subject(), clock.instant())
                .orElseThrow(() -> new CalendarConflictException(arrangement.year()));
        forget();
        guard.recordChange(actor, "HOLIDAY_CALENDAR_SAVED", target(saved.year()));
        return saved;
    }

    /**
     * Marks the snapshot stale, so the next use reads what is stored (after a save, or the seed); it
     * stays the fallback should the store be unreadable then. A re-read that began before this keeps
     * its result to itself instead of caching what may predate the change.
     */
    void forget() {
        changes.incrementAndGet();
        Snapshot current = snapshot;
        snapshot = current == null ? null : new Snapshot(current.workingDays(), Instant.EPOCH);
    }

    /**
     * Reads every stored year. If the store cannot be read and there is an older snapshot, deadlines
     * keep being counted on it (a calendar a minute old beats none) and the next use tries again.
     */
    private Snapshot reread(@Nullable Snapshot previous) {
        long changesBefore = changes.get();
        try {
            Snapshot fresh = new Snapshot(WorkingDays.of(clock.getZone(), years.all()), clock.instant());
            if (changes.get() == changesBefore) {
                snapshot = fresh;
            }
            return fresh;
        } catch (DataAccessException unreadable) {
            if (previous == null) {
                throw unreadable;
            }
            log.warn("Cannot re-read the holiday calendar; counting on the one read at {}", previous.readAt(), unreadable);
            return previous;
        }
    }

    /** Fresh for {@link #REREAD_AFTER}; a clock set back also makes it stale, rather than fresh for long. */
    private boolean isFresh(Snapshot current) {
        Instant now = clock.instant();
        return !now.isBefore(current.readAt()) && now.isBefore(current.readAt().plus(REREAD_AFTER));
    }

    private static String target(int year) {
        return "holiday-calendar:" + year;
    }
}
