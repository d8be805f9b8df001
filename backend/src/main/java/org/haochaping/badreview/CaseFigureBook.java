package org.haochaping.badreview;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.haochaping.satisfaction.HandlingCounts;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The handling figures kept as rollups: one document per campaign and month of opening, with each
 * case's contribution and the sums per handling unit, so a dashboard reads a few documents however
 * many cases there are. Exact by construction ({@link VersionedEntries}).
 */
@Component
public class CaseFigureBook {

    static final String COLLECTION = "bad_review_figures";
    private static final String[] COUNTERS = {"cases", "open", "overdue", "contactSettled", "contactedOnTime",
            "handled", "handledOnTime", "handlingDays", "reratings", "satisfiedReratings", "notRerated", "appealUpheld"};

    private final MongoTemplate mongo;
    private final VersionedEntries entries;
    private final ZoneId zone;

    CaseFigureBook(MongoTemplate mongo, java.time.Clock clock) {
        this.mongo = mongo;
        this.entries = new VersionedEntries(mongo, COLLECTION);
        this.zone = clock.getZone();
    }

    void record(BadReviewCase c) {
        record(c, entries);
    }

    /** The case's entry and the sums it changes, through {@code writer} (the store, or memory for a bulk load). */
    void record(BadReviewCase c, EntryWriter writer) {
        HandlingCounts counts = CaseContribution.of(c);
        String unit = c.getUnit().key();
        Document entry = new Document("u", unit).append("c", toList(counts));
        writer.put(documentId(c.getCampaignCode(), c.getOpenedAt()), c.getId(), c.getVersion(), entry, old -> {
            Map<String, Long> increments = new HashMap<>();
            add(increments, unit, counts, 1);
            if (old != null) {
                add(increments, old.getString("u"), fromList(old.getList("c", Number.class)), -1);
            }
            return increments;
        });
    }

    /** The figures of one campaign per handling unit (unit key → counts), over all months. */
    public Map<String, HandlingCounts> byUnit(String campaignCode) {
        return sumUnits(Query.query(Criteria.where("_id").regex("^" + Pattern.quote(campaignCode + "|"))));
    }

    private Map<String, HandlingCounts> sumUnits(Query query) {
        Map<String, HandlingCounts> byUnit = new HashMap<>();
        query.fields().include("units");
        for (Document month : mongo.find(query, Document.class, COLLECTION)) {
            Document units = month.get("units", Document.class);
            if (units != null) {
                units.forEach((unit, counters) -> byUnit.merge(unit,
                        fromCounters((Document) counters), HandlingCounts::plus));
            }
        }
        return byUnit;
    }

    /**
     * The figures of the cases of one campaign opened in the months {@code from}..{@code to} (county time),
     * per handling unit: a read of those months' documents by id.
     */
    public Map<String, HandlingCounts> byUnit(String campaignCode, YearMonth from, YearMonth to) {
        List<String> ids = new java.util.ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            ids.add(campaignCode + "|" + month);
        }
        return sumUnits(Query.query(Criteria.where("_id").in(ids)));
    }

    /** The figures of one campaign, all units together. */
    public HandlingCounts ofCampaign(String campaignCode) {
        return byUnit(campaignCode).values().stream().reduce(HandlingCounts.ZERO, HandlingCounts::plus);
    }

    private String documentId(String campaignCode, Instant openedAt) {
        return campaignCode + "|" + YearMonth.from(openedAt.atZone(zone));
    }

    private static void add(Map<String, Long> increments, String unit, HandlingCounts counts, int sign) {
        List<Long> values = toList(counts);
        for (int i = 0; i < COUNTERS.length; i++) {
            increments.merge("units." + unit + "." + COUNTERS[i], sign * values.get(i), Long::sum);
        }
    }

    private static List<Long> toList(HandlingCounts n) {
        return List.of(n.cases(), n.open(), n.overdue(), n.contactSettled(), n.contactedOnTime(), n.handled(),
                n.handledOnTime(), n.handlingDays(), n.reratings(), n.satisfiedReratings(), n.notRerated(),
                n.appealUpheld());
    }

    private static HandlingCounts fromList(List<Number> v) {
        return new HandlingCounts(v.get(0).longValue(), v.get(1).longValue(), v.get(2).longValue(),
                v.get(3).longValue(), v.get(4).longValue(), v.get(5).longValue(), v.get(6).longValue(),
                v.get(7).longValue(), v.get(8).longValue(), v.get(9).longValue(), v.get(10).longValue(),
                v.get(11).longValue());
    }

    private static HandlingCounts fromCounters(Document counters) {
        long[] v = new long[COUNTERS.length];
        for (int i = 0; i < COUNTERS.length; i++) {
            @Nullable Number value = counters.get(COUNTERS[i], Number.class);
            v[i] = value == null ? 0 : value.longValue();
        }
        return new HandlingCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }
}
