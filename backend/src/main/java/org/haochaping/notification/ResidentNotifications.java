package org.haochaping.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.haochaping.identity.Actor;
import org.haochaping.system.problem.InvalidCursorException;
import org.haochaping.system.problem.InvalidParameterException;
import org.haochaping.system.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A signed-in person's own notifications (residents have them; officials have none here, their
 * bell is {@code badreview.OfficialAlerts}): newest first, page by page, with the number unread,
 * and marking them read. Each call reads or writes the caller's one document by id.
 */
@Service
public class ResidentNotifications {

    public static final int MAX_LIMIT = 100;

    /** A page and the cursor of the next one (null on the last page). */
    public record Page(List<Notification> items, long unread, @Nullable String nextCursor) {
    }

    private final NotificationBook book;

    ResidentNotifications(NotificationBook book) {
        this.book = book;
    }

    public Page newestFirst(Actor reader, @Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit");
        }
        NotificationBook.Stored stored = book.read(NotificationBook.keyOf(reader.subject()));
        if (stored == null) {
            if (cursor != null) {
                decode(cursor);
            }
            return new Page(List.of(), 0, null);
        }
        List<Notification> all = stored.items().stream().sorted(Notification.NEWEST_FIRST).toList();
        List<Notification> after = all;
        if (cursor != null) {
            String last = decode(cursor);
            Instant lastAt = Notification.timeOf(last);
            after = all.stream().filter(n -> n.isAtOrBefore(lastAt, last) && !n.id().equals(last)).toList(); // older ones
        }
        List<Notification> page = after.stream().limit(limit).toList();
        String next = after.size() > limit ? encode(page.getLast().id()) : null;
        return new Page(page, stored.unread(), next);
    }

    /**
     * Marks read the notification {@code upTo} and every older one, and those in {@code ids}; ids that
     * are not (or no longer) the reader's are ignored. Returns how many are still unread.
     */
    public long markRead(Actor reader, @Nullable String upTo, Collection<String> ids) {
        if (upTo == null && ids.isEmpty()) {
            throw new NothingToMarkException();
        }
        @Nullable Instant upToAt = upTo == null ? null : Notification.timeOf(upTo);
        if (upTo != null && upToAt == null) {
            throw new InvalidParameterException("upTo");
        }
        Set<String> named = Set.copyOf(ids);
        return book.change(NotificationBook.keyOf(reader.subject()), n ->
                named.contains(n.id()) || upToAt != null && n.isAtOrBefore(upToAt, upTo) ? n.markedRead() : n);
    }

    /** All of the reader's notifications as stored, newest first (at most {@value NotificationBook#KEEP}). */
    public List<Notification> all(Actor reader) {
        NotificationBook.Stored stored = book.read(NotificationBook.keyOf(reader.subject()));
        return stored == null ? List.of() : stored.items().stream().sorted(Notification.NEWEST_FIRST).toList();
    }

    /** Deletes all notifications of a resident who erased their account; returns how many there were. */
    public long forget(String resident) {
        return book.delete(NotificationBook.keyOf(resident));
    }

    /** The unread count alone, for a badge. */
    public long unread(Actor reader) {
        return book.unread(NotificationBook.keyOf(reader.subject()));
    }

    private static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (Notification.timeOf(id) == null) {
                throw new InvalidCursorException();
            }
            return id;
        } catch (IllegalArgumentException malformed) {
            throw new InvalidCursorException();
        }
    }

    /** Neither {@code upTo} nor {@code ids}: nothing says what to mark. */
    static class NothingToMarkException extends ProblemException {
        NothingToMarkException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "NOTHING_TO_MARK_READ");
        }
    }
}
