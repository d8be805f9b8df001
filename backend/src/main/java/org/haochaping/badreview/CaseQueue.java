package org.haochaping.badreview;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.system.problem.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The 差评工单 queue: the open cases in the caller's scope, filtered as the console filters them
 * and sorted by deadline (the most urgent first; cases awaiting the resident last). Read from the
 * queue book, never a scan of the cases.
 */
@Service
public class CaseQueue {

    /** The queue's filters; null or false means "any". */
    public record Filter(@Nullable CaseStatus status, @Nullable String campaignCode, @Nullable String townCode,
            boolean dueSoon, boolean overdue, boolean appealPending) {

        public static final Filter ALL = new Filter(null, null, null, false, false, false);
    }

    /** A page of the queue; {@code nextCursor} is null on the last page. */
    public record Page(List<QueueEntry> entries, long total, @Nullable String nextCursor) {
    }

    /** The numbers on the navigation item and the bell. */
    public record Counts(long open, long dueSoon, long overdue, long appealsPending) {
    }

    public static final int MAX_LIMIT = 100;

    private static final Comparator<QueueEntry> URGENCY = Comparator
            .comparing(QueueEntry::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(QueueEntry::caseId);

    private final CaseQueueBook book;
    private final CaseAccess access;
    private final HolidayCalendar calendar;
    private final AccessGuard guard;
    private final java.time.Clock clock;

    CaseQueue(CaseQueueBook book, CaseAccess access, HolidayCalendar calendar, AccessGuard guard, java.time.Clock clock) {
        this.book = book;
        this.access = access;
        this.calendar = calendar;
        this.guard = guard;
        this.clock = clock;
    }

    public Page page(Actor actor, Filter filter, @Nullable String cursor, int limit) {
        guard.require(actor.isOfficial(), actor, "READ_CASE_QUEUE", "cases");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit");
        }
        List<QueueEntry> matching = inScope(actor).stream().filter(matches(filter)).sorted(URGENCY).toList();
        List<QueueEntry> after = cursor == null ? matching
                : matching.stream().filter(entry -> URGENCY.compare(entry, decode(cursor)) > 0).toList();
        List<QueueEntry> page = after.stream().limit(limit).toList();
        String next = after.size() > limit ? encode(page.getLast()) : null;
        return new Page(page, matching.size(), next);
    }

    public Counts counts(Actor actor) {
        guard.require(actor.isOfficial(), actor, "READ_CASE_QUEUE", "cases");
        List<QueueEntry> open = inScope(actor);
        Predicate<QueueEntry> dueSoon = dueSoon();
        return new Counts(open.size(), open.stream().filter(dueSoon).count(),
                open.stream().filter(QueueEntry::overdue).count(),
                open.stream().filter(QueueEntry::appealPending).count());
    }

    private List<QueueEntry> inScope(Actor actor) {
        return book.open(access.audiences(actor));
    }

    private Predicate<QueueEntry> matches(Filter filter) {
        Predicate<QueueEntry> dueSoon = dueSoon();
        return entry -> (filter.status() == null || entry.status() == filter.status())
                && (filter.campaignCode() == null || filter.campaignCode().equals(entry.campaignCode()))
                && (filter.townCode() == null || filter.townCode().equals(entry.townCode()))
                && (!filter.dueSoon() || dueSoon.test(entry))
                && (!filter.overdue() || entry.overdue())
                && (!filter.appealPending() || entry.appealPending());
    }

    /** ≤ 1 working day left and not yet overdue. */
    private Predicate<QueueEntry> dueSoon() {
        WorkingDays days = calendar.workingDays();
        Instant now = clock.instant();
        return entry -> entry.dueAt() != null && !entry.overdue() && days.isDueSoon(now, entry.dueAt());
    }

    private static String encode(QueueEntry last) {
        String key = (last.dueAt() == null ? "-" : String.valueOf(last.dueAt().toEpochMilli())) + "|" + last.caseId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor as an entry to sort after; any malformed cursor is a 400. */
    private static QueueEntry decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = key.indexOf('|');
            String due = key.substring(0, bar);
            return new QueueEntry(key.substring(bar + 1), 0, "", null, Unit.department("x"), CaseStatus.CLOSED,
                    due.equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(due)),
                    false, Escalation.NONE, false, false, Instant.EPOCH, null, 0, null);
        } catch (RuntimeException malformed) {
            throw new InvalidParameterException("cursor");
        }
    }
}
