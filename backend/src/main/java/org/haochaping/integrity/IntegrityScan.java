package org.haochaping.integrity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.CaseRecords;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Runs the {@link SignalRules} over the ratings and contacts of the scan span and its baseline, read once
 * per run by time range, and stores what is new as {@link Signal}s. On a schedule (one instance at a time,
 * under ShedLock) and on a SUPERVISOR's demand. Finds only: it never changes a rating.
 */
@Service
public class IntegrityScan {

    private static final Logger log = LoggerFactory.getLogger(IntegrityScan.class);

    private final CampaignCatalog campaigns;
    private final RatingCursor ratings;
    private final CaseRecords cases;
    private final FirstRatings firstRatings;
    private final MongoTemplate mongo;
    private final IntegritySettings settings;
    private final AccessGuard guard;
    private final Clock clock;

    IntegrityScan(CampaignCatalog campaigns, RatingCursor ratings, CaseRecords cases, FirstRatings firstRatings,
            MongoTemplate mongo, IntegritySettings settings, AccessGuard guard, Clock clock) {
        this.campaigns = campaigns;
        this.ratings = ratings;
        this.cases = cases;
        this.firstRatings = firstRatings;
        this.mongo = mongo;
        this.settings = settings;
        this.guard = guard;
        this.clock = clock;
    }

    @Scheduled(cron = "${haochaping.integrity.scan-cron:0 7/15 * * * *}", zone = "${haochaping.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "integrity-scan", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public void scheduled() {
        run();
    }

    /** 立即检测: a SUPERVISOR's run now; returns the signals it added. */
    public List<Signal> scanNow(Actor actor) {
        guard.require(actor.has(Role.SUPERVISOR), actor, "INTEGRITY_SCAN", "integrity");
        List<Signal> found = run();
        guard.recordChange(actor, "INTEGRITY_SCANNED", "integrity");
        return found;
    }

    /** One run; synchronized so that two runs in one instance never store one finding twice. */
    synchronized List<Signal> run() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Instant from = now.minus(settings.readSpan());
        List<String> codes = campaigns.list(null).stream().map(Campaign::getCode).toList();
        List<RatingFact> read = new ArrayList<>(); // compact facts, not whole ratings: the span may hold many
        Map<String, Instant> earliest = new HashMap<>();
        ratings.forEachRated(codes, from, now, rating -> {
            if (!rating.invalidated()) {
                RatingFact fact = fact(rating);
                read.add(fact);
                earliest.merge(fact.residentKey(), fact.ratedAt(), IntegrityScan::min);
            }
        });
        Map<String, Instant> first = firstRatings.of(earliest, () -> {
            Map<String, Instant> history = new HashMap<>();
            ratings.forEachRated(codes, Instant.EPOCH, from,
                    rating -> history.merge(ResidentKeys.of(rating.resident()), rating.ratedAt(), IntegrityScan::min));
            return history;
        });
        List<RatingFact> facts = read.stream().map(fact -> fact.firstRatedAt(first.getOrDefault(fact.residentKey(), fact.ratedAt())))
                .toList();
        List<ContactFact> contacts = new ArrayList<>();
        cases.forEachOpened(codes, from, now, c -> contactOf(c).ifPresent(contacts::add));
        List<Signal> added = store(new SignalRules(settings, clock).detect(facts, contacts), now);
        log.info("Integrity scan: {} ratings and {} contacts read, {} new signals, {} ms", facts.size(), contacts.size(),
                added.size(), (System.nanoTime() - started) / 1_000_000);
        return added;
    }

    private List<Signal> store(List<Finding> findings, Instant now) {
        if (findings.isEmpty()) {
            return List.of();
        }
        List<Signal> recent = mongo.find(Query.query(Criteria.where("evidence.windowEnd").gte(now.minus(settings.readSpan()))),
                Signal.class);
        List<Signal> added = new ArrayList<>();
        for (Finding finding : findings) {
            if (recent.stream().noneMatch(signal -> signal.covers(finding))
                    && added.stream().noneMatch(signal -> signal.covers(finding))) {
                Signal signal = Signal.of(finding, now);
                try {
                    mongo.insert(signal);
                    added.add(signal);
                } catch (org.springframework.dao.DuplicateKeyException anotherInstanceFoundItToo) {
                    // the same kind, scope and window: stored once
                }
            }
        }
        return added;
    }

    /** The fact of a rating, its resident's first rating not known yet (taken as this one until it is). */
    private static RatingFact fact(Rating rating) {
        return new RatingFact(rating.id(), rating.campaignCode(), rating.subjectId(), rating.townCode(), rating.level(),
                rating.ratedAt(), rating.provenance().origin(), rating.channel(), rating.provenance().deviceHash(),
                rating.provenance().ipHash(), ResidentKeys.of(rating.resident()), rating.ratedAt());
    }

    private static java.util.Optional<ContactFact> contactOf(BadReviewCase c) {
        if (c.getContact() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ContactFact(c.getId(), c.getUnit().key(), c.getCampaignCode(),
                ResidentKeys.of(c.getResident()), c.getContact().at()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
