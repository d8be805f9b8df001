package org.haochaping.badreview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.rating.Rating;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.haochaping.satisfaction.Tally;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Brings the queue and figure books up to the stored cases after a crash, and opens the cases of
 * 差评 a crash left without one. It runs once, in the background, when the application is ready:
 * the server takes requests meanwhile, which is safe because the books take an entry only from a
 * newer version of its case ({@link VersionedEntries}), so the repair can never put back an older
 * state than a live write has projected.
 *
 * <p><b>What it guarantees</b>, once it has run to the end:
 * <ul>
 * <li><i>Books.</i> Every case stored when the scan reads it has its figure entry, and its queue
 *     entries in its campaign's and its unit's audience while it is open, at its stored version or
 *     newer; no audience (a unit the case was taken from, say) holds it as open at an older version.
 *     Each case whose entries are missing or older is projected again from the store. A closed
 *     case with no queue entry is right: its tombstone was pruned.</li>
 * <li><i>Cases.</i> A 差评 whose case was never opened (the process died between storing the rating
 *     and opening its case, and the counting batch that would have opened it is gone) is found
 *     where it shows in the counts: for each campaign, the 差评 its rollups count (valid ratings
 *     of level 1-2) are compared with its cases not closed by an upheld appeal, and only where
 *     there are fewer cases are that campaign's 差评 read and the missing cases opened. So this
 *     costs one rollup read per campaign and no scan of the ratings while nothing is missing. It
 *     cannot see a missing case that a stray one hides in the same campaign (a rating invalidated
 *     while its case stayed open, which only a crash between an approved appeal's invalidation and
 *     the case's save leaves). The primary guarantee stays the counting batches, which tell
 *     {@link CaseOpening} of every rating they count and are re-applied after a crash; this check
 *     covers what they cannot, such as ratings stored before cases existed.</li>
 * </ul>
 *
 * <p><b>Cost.</b> Each book document is read once, the cases once in batches (a few fields each);
 * the work is proportional to the cases, so it runs off the start-up path.
 */
@Component
class CaseProjectionRepair {

    private static final Logger log = LoggerFactory.getLogger(CaseProjectionRepair.class);
    /** Book documents hold an entry per case: a few per round trip keep each answer small. */
    private static final int BOOK_BATCH = 16;
    private static final int CASE_BATCH = 2_000;
    private static final int ID_CHUNK = 1_000;

    /** What a run did. */
    record Report(long casesChecked, long reprojected, long opened) {
    }

    /** A case's entry in one audience of the queue book. */
    private record QueueMark(String audience, long version, boolean open) {
    }

    private final MongoTemplate mongo;
    private final CaseProjections projections;
    private final CaseOpening opening;
    private final CampaignCatalog campaigns;
    private final SatisfactionQueries satisfaction;
    private final boolean atStart;

    CaseProjectionRepair(MongoTemplate mongo, CaseProjections projections, CaseOpening opening,
            CampaignCatalog campaigns, SatisfactionQueries satisfaction,
            @Value("${haochaping.badreview.repair-at-start:true}") boolean atStart) {
        this.mongo = mongo;
        this.projections = projections;
        this.opening = opening;
        this.campaigns = campaigns;
        this.satisfaction = satisfaction;
        this.atStart = atStart;
    }

    /** In the background: the server does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void whenReady() {
        if (!atStart) {
            return;
        }
        Thread.ofVirtual().name("case-projection-repair").start(() -> {
            try {
                Report report = repair();
                log.info("Case books checked against {} cases: {} projected again, {} cases opened",
                        report.casesChecked(), report.reprojected(), report.opened());
            } catch (RuntimeException failed) {
                log.warn("Case books not checked at start; failed projections are still retried: {}", failed.toString());
            }
        });
    }

    /** Compares every case with the two books and repairs what differs; see the class comment. */
    Report repair() {
        Map<String, Long> figured = figureVersions();
        Map<String, List<QueueMark>> queued = queueMarks();
        Set<String> stale = new LinkedHashSet<>();
        Map<String, Long> casesPerCampaign = new HashMap<>();
        long checked = 0;
        Query all = new Query().cursorBatchSize(CASE_BATCH);
        all.fields().include("_id", "version", "campaignCode", "unit", "status", "outcome");
        try (var scan = mongo.stream(all, Document.class, mongo.getCollectionName(BadReviewCase.class))) {
            for (Document c : (Iterable<Document>) scan::iterator) {
                checked++;
                String id = c.getString("_id");
                long version = c.get("version", Number.class) == null ? 0 : c.get("version", Number.class).longValue();
                if (!CaseOutcome.APPEAL_UPHELD.name().equals(c.getString("outcome"))) {
                    casesPerCampaign.merge(c.getString("campaignCode"), 1L, Long::sum);
                }
                if (isBehind(c, version, figured.get(id), queued.getOrDefault(id, List.of()))) {
                    stale.add(id);
                }
            }
        }
        for (String id : stale) {
            try {
                projections.projectStored(id);
            } catch (RuntimeException failed) {
                projections.later(id);
            }
        }
        return new Report(checked, stale.size(), openMissing(casesPerCampaign));
    }

    private static boolean isBehind(Document c, long version, @Nullable Long figureVersion, List<QueueMark> marks) {
        if (figureVersion == null || figureVersion < version) {
            return true;
        }
        if (marks.stream().anyMatch(mark -> mark.open() && mark.version() < version)) {
            return true;
        }
        if (CaseStatus.CLOSED.name().equals(c.getString("status"))) {
            return false;
        }
        Document unit = c.get("unit", Document.class);
        String unitAudience = CaseQueueBook.unitAudience(new Unit(Unit.Kind.valueOf(unit.getString("kind")),
                unit.getString("code")));
        String campaignAudience = CaseQueueBook.campaignAudience(c.getString("campaignCode"));
        return !holds(marks, unitAudience, version) || !holds(marks, campaignAudience, version);
    }

    private static boolean holds(List<QueueMark> marks, String audience, long version) {
        return marks.stream().anyMatch(mark -> mark.audience().equals(audience) && mark.version() >= version);
    }

    /** Case id → the version of its figure entry, reading each figure document once. */
    private Map<String, Long> figureVersions() {
        Map<String, Long> versions = new HashMap<>();
        Query query = new Query().cursorBatchSize(BOOK_BATCH);
        query.fields().include("entries");
        try (var documents = mongo.stream(query, Document.class, CaseFigureBook.COLLECTION)) {
            documents.forEach(document -> entriesOf(document).forEach((caseId, entry) ->
                    versions.merge(caseId, version(entry), Math::max)));
        }
        return versions;
    }

    /** Case id → its entries in the queue book's audiences, reading each audience document once. */
    private Map<String, List<QueueMark>> queueMarks() {
        Map<String, List<QueueMark>> marks = new HashMap<>();
        try (var documents = mongo.stream(new Query().cursorBatchSize(BOOK_BATCH), Document.class,
                CaseQueueBook.COLLECTION)) {
            documents.forEach(document -> entriesOf(document).forEach((caseId, entry) ->
                    marks.computeIfAbsent(caseId, id -> new ArrayList<>()).add(new QueueMark(document.getString("_id"),
                            version(entry), entry.getBoolean("open", false)))));
        }
        return marks;
    }

    private static Map<String, Document> entriesOf(Document book) {
        Document entries = book.get("entries", Document.class);
        Map<String, Document> parsed = new HashMap<>();
        if (entries != null) {
            entries.forEach((caseId, entry) -> parsed.put(caseId, (Document) entry));
        }
        return parsed;
    }

    private static long version(Document entry) {
        Number v = entry.get("v", Number.class);
        return v == null ? -1 : v.longValue();
    }

    /**
     * Opens the cases of the campaigns whose rollups count more 差评 than they have cases; reads
     * their ratings only then. Returns how many it opened.
     */
    private long openMissing(Map<String, Long> casesPerCampaign) {
        long opened = 0;
        for (Campaign campaign : campaigns.list(null)) {
            Tally total = satisfaction.campaignTotal(campaign.getCode());
            long bad = total.count(1) + total.count(2);
            if (bad <= casesPerCampaign.getOrDefault(campaign.getCode(), 0L)) {
                continue;
            }
            opened += openMissing(campaign.getCode());
        }
        return opened;
    }

    private long openMissing(String campaignCode) {
        Query bad = Query.query(Criteria.where("campaignCode").is(campaignCode).and("level").lte(2)
                .and("invalidated").is(false)).cursorBatchSize(CASE_BATCH);
        bad.fields().include("_id");
        List<String> ids = new ArrayList<>();
        try (var ratings = mongo.stream(bad, Document.class, mongo.getCollectionName(Rating.class))) {
            ratings.forEach(rating -> ids.add(rating.getString("_id")));
        }
        long opened = 0;
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            Query existing = Query.query(Criteria.where("_id").in(chunk));
            existing.fields().include("_id");
            Set<String> open = new HashSet<>();
            mongo.find(existing, Document.class, mongo.getCollectionName(BadReviewCase.class))
                    .forEach(c -> open.add(c.getString("_id")));
            List<String> missing = chunk.stream().filter(id -> !open.contains(id)).toList();
            if (!missing.isEmpty()) {
                for (Rating rating : mongo.find(Query.query(Criteria.where("_id").in(missing)), Rating.class)) {
                    opened += opening.open(rating) ? 1 : 0;
                }
            }
        }
        if (opened > 0) {
            log.warn("Opened {} cases of {} that a crash had left unopened", opened, campaignCode);
        }
        return opened;
    }
}
