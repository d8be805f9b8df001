package org.haochaping.badreview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The officials' bell: what needs them now, derived from the queue of the cases in their scope
 * ({@link CaseAccess}), never from a scan of the cases.
 * <ul>
 * <li>{@link Kind#ASSIGNED}: a case their unit is to act on and has not yet (awaiting contact; under
 *     督办, the lead department's first step);</li>
 * <li>{@link Kind#DUE_SOON} and {@link Kind#OVERDUE}: a case they handle;</li>
 * <li>{@link Kind#ESCALATED}: an overdue case escalated to them (the MANAGER of the lead department
 *     from the first level on, a SUPERVISOR from the second);</li>
 * <li>{@link Kind#APPEAL_TO_REVIEW}: an appeal waiting for a SUPERVISOR's decision.</li>
 * </ul>
 * An alert has a key that changes when the situation does (a new deadline, a new level), and each
 * official has one small document of the keys they have seen: the bell's number is the alerts
 * whose keys are not in it. Alerts derived from a state have no exact moment of appearance, so
 * "seen" is kept per alert rather than as a time; the set holds only alerts that are still current.
 */
@Service
public class OfficialAlerts {

    public enum Kind { ASSIGNED, DUE_SOON, OVERDUE, ESCALATED, APPEAL_TO_REVIEW }

    /**
     * One alert.
     *
     * @param key stable while the situation lasts; pass it to {@link #markSeen}
     * @param at when it arose, as near as the queue tells (opening, deadline, start of "due soon")
     */
    public record Alert(String key, Kind kind, String caseId, String campaignCode, @Nullable String townCode, Unit unit,
            CaseStatus status, Instant at, @Nullable Instant dueAt, Escalation escalation, boolean unread) {
    }

    /** The newest alerts (at most {@link #MAX_ALERTS}) and how many of all are unseen. */
    public record Bell(List<Alert> alerts, int unread) {
    }

    public static final int MAX_ALERTS = 50;
    static final String SEEN = "official_alerts_seen";

    private final CaseQueueBook book;
    private final CaseAccess access;
    private final CampaignCatalog campaigns;
    private final HolidayCalendar calendar;
    private final MongoTemplate mongo;
    private final AccessGuard guard;
    private final Clock clock;

    OfficialAlerts(CaseQueueBook book, CaseAccess access, CampaignCatalog campaigns, HolidayCalendar calendar,
            MongoTemplate mongo, AccessGuard guard, Clock clock) {
        this.book = book;
        this.access = access;
        this.campaigns = campaigns;
        this.calendar = calendar;
        this.mongo = mongo;
        this.guard = guard;
        this.clock = clock;
    }

    /** The newest {@link #MAX_ALERTS} alerts and the number of all unseen. */
    public Bell of(Actor actor) {
        return of(actor, MAX_ALERTS);
    }

    /** The newest {@code limit} alerts and the number of all unseen. */
    public Bell of(Actor actor, int limit) {
        guard.require(actor.isOfficial(), actor, "READ_ALERTS", "alerts");
        List<Alert> current = current(actor);
        Set<String> seen = seen(actor);
        List<Alert> marked = current.stream()
                .map(alert -> seen.contains(alert.key()) ? alert : withUnread(alert))
                .sorted(Comparator.comparing(Alert::at).reversed().thenComparing(Alert::key))
                .toList();
        int unread = (int) marked.stream().filter(Alert::unread).count();
        return new Bell(marked.stream().limit(limit).toList(), unread);
    }

    /** The official has seen these alerts; keys of alerts that are over are forgotten. */
    public void markSeen(Actor actor, Collection<String> keys) {
        guard.require(actor.isOfficial(), actor, "READ_ALERTS", "alerts");
        Set<String> current = current(actor).stream().map(Alert::key).collect(Collectors.toSet());
        Set<String> seen = new LinkedHashSet<>(seen(actor));
        seen.addAll(keys);
        seen.retainAll(current);
        mongo.upsert(Query.query(Criteria.where("_id").is(keyOf(actor))),
                new Update().set("seen", List.copyOf(seen)).set("at", Date.from(clock.instant())), SEEN);
    }

    private List<Alert> current(Actor actor) {
        Instant now = clock.instant();
        WorkingDays days = calendar.workingDays();
        Set<String> led = actor.has(Role.MANAGER) && actor.department() != null
                ? campaigns.list(null).stream().filter(c -> c.getLeadDepartment().code().equals(actor.department()))
                        .map(Campaign::getCode).collect(Collectors.toSet())
                : Set.of();
        List<Alert> alerts = new ArrayList<>();
        for (QueueEntry entry : book.open(access.audiences(actor))) {
            boolean handles = entry.supervised()
                    ? actor.has(Role.SUPERVISOR) || actor.has(Role.MANAGER) && access.inUnit(actor, entry.unit())
                    : actor.has(Role.HANDLER) && access.inUnit(actor, entry.unit());
            if (handles && (entry.status() == CaseStatus.AWAITING_CONTACT
                    || entry.supervised() && entry.status() == CaseStatus.AWAITING_DISPOSITION)) {
                alerts.add(alert(Kind.ASSIGNED, entry, entry.unit().key() + ":" + entry.status(), entry.openedAt()));
            }
            Instant due = entry.dueAt();
            if (handles && due != null && !entry.overdue() && days.isDueSoon(now, due)) {
                alerts.add(alert(Kind.DUE_SOON, entry, String.valueOf(due.toEpochMilli()), dueSoonSince(days, due)));
            }
            if (handles && due != null && entry.overdue()) {
                alerts.add(alert(Kind.OVERDUE, entry, String.valueOf(due.toEpochMilli()), due));
            }
            if (due != null && entry.overdue() && entry.escalation().compareTo(Escalation.MANAGER) >= 0
                    && led.contains(entry.campaignCode())) {
                alerts.add(alert(Kind.ESCALATED, entry, "MANAGER:" + due.toEpochMilli(), due));
            }
            if (due != null && entry.overdue() && entry.escalation() == Escalation.SUPERVISOR && actor.has(Role.SUPERVISOR)) {
                alerts.add(alert(Kind.ESCALATED, entry, "SUPERVISOR:" + due.toEpochMilli(),
                        days.dueAfter(due, CaseTerms.SUPERVISOR_AFTER_OVERDUE_DAYS)));
            }
            if (entry.appealPending() && access.canDecideAppeals(actor)) {
                alerts.add(alert(Kind.APPEAL_TO_REVIEW, entry, "", entry.openedAt()));
            }
        }
        return alerts;
    }

    private static Alert alert(Kind kind, QueueEntry entry, String situation, Instant at) {
        return new Alert(kind.name() + ":" + entry.caseId() + ":" + situation, kind, entry.caseId(), entry.campaignCode(),
                entry.townCode(), entry.unit(), entry.status(), at, entry.dueAt(), entry.escalation(), false);
    }

    private static Alert withUnread(Alert alert) {
        return new Alert(alert.key(), alert.kind(), alert.caseId(), alert.campaignCode(), alert.townCode(), alert.unit(),
                alert.status(), alert.at(), alert.dueAt(), alert.escalation(), true);
    }

    /**
     * When a deadline became "due soon": the start of the working day before its last working day
     * (from then on at most one working day is left, see {@link WorkingDays#isDueSoon}).
     */
    static Instant dueSoonSince(WorkingDays days, Instant due) {
        LocalDate day = due.minusNanos(1).atZone(days.zone()).toLocalDate();
        int workingDaysSeen = 0;
        for (int step = 0; step < 60; step++, day = day.minusDays(1)) {
            if (days.isWorkingDay(day) && ++workingDaysSeen == 2) {
                return day.atStartOfDay(days.zone()).toInstant();
            }
        }
        return due;
    }

    private Set<String> seen(Actor actor) {
        Document document = mongo.findById(keyOf(actor), Document.class, SEEN);
        return document == null ? Set.of() : Set.copyOf(document.getList("seen", String.class, List.of()));
    }

    private static String keyOf(Actor actor) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("official:" + actor.subject()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
