package org.haochaping.badreview;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.system.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a minute: flags open cases past their deadline and escalates them (MANAGER, then
 * SUPERVISOR), and closes as 未复评 the fixed cases whose resident did not re-rate within 7 days.
 * Several instances may run it: optimistic locking lets one of them take each step.
 */
@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final CaseQueueBook book;
    private final BadReviewCases cases;
    private final BadReviewHandling handling;
    private final HolidayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicBoolean held = new AtomicBoolean();

    DeadlineWatch(CaseQueueBook book, BadReviewCases cases, BadReviewHandling handling, HolidayCalendar calendar,
            ApplicationEventPublisher events, Clock clock) {
        this.book = book;
        this.calendar = calendar;
        this.cases = cases;
        this.handling = handling;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${haochaping.badreview.deadline-check:60s}", initialDelayString = "${haochaping.badreview.deadline-check:60s}")
    void check() {
        if (held.get()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored, like every other step's time
        List<String> campaigns = book.audiences().stream().filter(id -> id.startsWith("campaign:")).toList();
        int changed = 0;
        WorkingDays days = calendar.workingDays();
        for (QueueEntry entry : book.open(campaigns)) {
            if (isDue(entry, now, days) && !held.get()) {
                changed += step(entry.caseId(), now) ? 1 : 0;
            }
        }
        if (changed > 0) {
            log.info("Deadline check: {} cases flagged, escalated or closed as not re-rated", changed);
        }
    }

    /**
     * Whether the case has a step to take: flagging it overdue, escalating it to a SUPERVISOR (only
     * from {@link CaseTerms#supervisorFrom}, so an overdue case is not read every minute until then),
     * or closing it as 未复评.
     */
    static boolean isDue(QueueEntry entry, Instant now, WorkingDays days) {
        Instant due = entry.dueAt();
        boolean pastDeadline = due != null && !now.isBefore(due) && (!entry.overdue()
                || entry.escalation() != Escalation.SUPERVISOR
                        && !now.isBefore(days.dueAfter(due, CaseTerms.SUPERVISOR_AFTER_OVERDUE_DAYS)));
        boolean reratingExpired = entry.rerateBy() != null && !now.isBefore(entry.rerateBy());
        return pastDeadline || reratingExpired;
    }

    /** One case's step; a concurrent change leaves it to the next run. */
    boolean step(String caseId, Instant now) {
        return cases.findById(caseId).map(c -> step(c, now) != null).orElse(false);
    }

    /**
     * The watch's step for a case as read, at {@code now}: closes it as 未复评, or flags and escalates
     * it. Returns the case as saved, or null if there was nothing to do or another write came first.
     */
    @Nullable BadReviewCase step(BadReviewCase c, Instant now) {
        CaseEvent.Type step;
        if (c.expireRerating(now)) {
            step = CaseEvent.Type.CLOSED;
        } else if (c.checkDeadline(now, handling.terms(c))) {
            step = c.getEvents().getLast().type();
        } else {
            return null;
        }
        try {
            BadReviewCase saved = handling.save(c);
            events.publishEvent(new CaseChanged(saved, step));
            return saved;
        } catch (ProblemException concurrent) {
            return null;
        }
    }

    /**
     * Holds the scheduled checks while demo data walks cases through their past ({@link DemoCases}):
     * a check at today's time in between would flag a case overdue before its backdated contact.
     */
    void hold() {
        held.set(true);
    }

    void release() {
        held.set(false);
    }
}
