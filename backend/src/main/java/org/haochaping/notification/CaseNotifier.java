package org.haochaping.notification;

import java.util.ArrayList;
import java.util.List;

import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.CaseChanged;
import org.haochaping.badreview.CaseEvent;
import org.haochaping.badreview.CaseOutcome;
import org.haochaping.badreview.DispositionKind;
import org.haochaping.badreview.ResidentTimeline;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the resident what happened to their 差评: contacted, the unit's decision (with the plan or
 * the explanation), fixed so please re-rate, reopened, sent to the lead department, excluded after
 * review (an upheld appeal; a rejected one stays internal), closed. Each step of the case's
 * timeline gives one notification with a fixed id, and every change of the case offers all of them
 * again: a repeated event adds nothing, and one whose write failed is added with the next. A
 * failure never fails the step the officials took; it is logged without personal data.
 */
@Component
class CaseNotifier {

    private static final Logger log = LoggerFactory.getLogger(CaseNotifier.class);

    private final NotificationBook book;

    CaseNotifier(NotificationBook book) {
        this.book = book;
    }

    @EventListener
    void on(CaseChanged changed) {
        BadReviewCase c = changed.caseNow();
        List<Notification> told = of(c);
        // A resident who erased their account is nobody to tell: the case goes on for the unit only.
        if (told.isEmpty() || org.haochaping.rating.RatingAnonymisation.isErased(c.getResident())) {
            return;
        }
        try {
            book.add(NotificationBook.keyOf(c.getResident()), told);
        } catch (RuntimeException failed) {
            log.warn("Notifications of case {} not written yet (its next step retries): {}", c.getId(), failed.toString());
        }
    }

    /** Every step of the case its resident is told about, as notifications. */
    static List<Notification> of(BadReviewCase c) {
        List<Notification> told = new ArrayList<>();
        List<CaseEvent> events = c.getEvents();
        for (int index = 0; index < events.size(); index++) {
            CaseEvent event = events.get(index);
            Notification.Type type = typeOf(event);
            if (type != null) {
                told.add(new Notification(event.at().toEpochMilli() + "." + c.getId() + "." + index, event.at(), type,
                        c.getId(), c.getCampaignCode(), event.unit().key(), variantOf(c, index, event),
                        type == Notification.Type.DISPOSED ? event.note() : null, false));
            }
        }
        return told;
    }

    private static Notification.@Nullable Type typeOf(CaseEvent event) {
        return switch (event.type()) {
            case CONTACTED -> Notification.Type.CONTACTED;
            case DISPOSED -> Notification.Type.DISPOSED;
            case RECTIFIED -> Notification.Type.RECTIFIED;
            case REOPENED -> Notification.Type.REOPENED;
            case SUPERVISED -> Notification.Type.SUPERVISED;
            case APPEAL_APPROVED -> Notification.Type.APPEAL_APPROVED;
            // Closed by an upheld appeal: the resident was told so by APPEAL_APPROVED.
            case CLOSED -> CaseOutcome.APPEAL_UPHELD.name().equals(event.note()) ? null : Notification.Type.CLOSED;
            default -> null;
        };
    }

    private static @Nullable String variantOf(BadReviewCase c, int index, CaseEvent event) {
        return switch (event.type()) {
            case DISPOSED -> {
                DispositionKind kind = ResidentTimeline.dispositionAt(c, index);
                yield kind == null ? null : kind.name();
            }
            case CLOSED -> event.note();
            default -> null;
        };
    }
}
