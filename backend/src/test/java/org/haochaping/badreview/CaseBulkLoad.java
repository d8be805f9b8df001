package org.haochaping.badreview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.bson.Document;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewStatus;
import org.haochaping.region.Region;
import org.haochaping.region.RegionLevel;
import org.haochaping.region.RegionTree;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Many cases fast, for the case benchmark: each opened for a 差评 drawn like the demo's (campaigns
 * weighted by how often they are rated and how badly, a third of them in the county seat 古韩镇,
 * times over the campaign's period, busier lately), walked up to now along a {@link DemoCasePlan}
 * on the aggregate in memory (the same state machine and deadlines as through the services, without
 * the round trips), then inserted in bulk. The books are built by the books' own code
 * ({@link CaseFigureBook#record(BadReviewCase, EntryWriter)}, {@link CaseQueueBook#record(BadReviewCase,
 * Instant, EntryWriter)}) into {@link InMemoryEntries} and written whole: the queue as it stands once
 * closed cases' tombstones are pruned (an hour after closing).
 */
public final class CaseBulkLoad {

    /** What is stored after a load: cases, open cases, and cases per status. */
    public record Loaded(long cases, long open, Map<String, Long> byStatus) {
    }

    private static final int BATCH = 2_000;

    private final MongoTemplate mongo;
    private final CaseFigureBook figures;
    private final CampaignCatalog campaigns;
    private final RegionTree regions;
    private final HolidayCalendar calendar;
    private final Clock clock;
    private final InMemoryEntries figureDocuments = new InMemoryEntries();
    private final InMemoryEntries queueDocuments = new InMemoryEntries();
    private final Map<String, Long> byStatus = new TreeMap<>();
    private long cases;
    private long open;

    public CaseBulkLoad(ApplicationContext app) {
        this.mongo = app.getBean(MongoTemplate.class);
        this.figures = app.getBean(CaseFigureBook.class);
        this.campaigns = app.getBean(CampaignCatalog.class);
        this.regions = app.getBean(RegionTree.class);
        this.calendar = app.getBean(HolidayCalendar.class);
        this.clock = app.getBean(Clock.class);
    }

    /** Adds {@code count} cases drawn from {@code seed}, and rewrites the books to hold every case loaded. */
    public Loaded add(int count, long seed) {
        Instant now = clock.instant();
        WorkingDays days = calendar.workingDays();
        CaseTerms terms = CaseTerms.of(days, CaseDeadlines.DEFAULT);
        AggregateHands hands = new AggregateHands(terms);
        Random random = new Random(seed);
        List<Campaign> all = campaigns.list(null);
        List<String> towns = regions.all().stream().filter(region -> region.level() == RegionLevel.TOWN)
                .map(Region::code).toList();
        String county = regions.all().stream().filter(region -> region.level() == RegionLevel.COUNTY)
                .findFirst().orElseThrow().code();
        List<BadReviewCase> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            Campaign campaign = weighted(all, random);
            Rating rating = badRating(campaign, towns, county, now, clock.getZone(), random);
            String lead = campaign.getLeadDepartment().code();
            BadReviewCase c = BadReviewCase.open(rating, RoutingRule.defaultFor(campaign.getCode()).unitFor(rating, lead),
                    lead, terms);
            c = new DemoCaseWalk(c, DemoCasePlan.draw(random), days, now, hands).run();
            figures.record(c, figureDocuments);
            if (c.getStatus().isOpen()) {
                CaseQueueBook.record(c, now, queueDocuments);
                open++;
            }
            byStatus.merge(c.getStatus().name(), 1L, Long::sum);
            batch.add(c);
            if (batch.size() == BATCH) {
                mongo.insert(batch, BadReviewCase.class);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, BadReviewCase.class);
        }
        cases += count;
        rewrite(CaseFigureBook.COLLECTION, figureDocuments);
        rewrite(CaseQueueBook.COLLECTION, queueDocuments);
        return new Loaded(cases, open, Map.copyOf(byStatus));
    }

    private void rewrite(String collection, InMemoryEntries documents) {
        mongo.remove(new Query(), collection);
        List<Document> copies = documents.documents().stream().map(Document::new).toList();
        for (int from = 0; from < copies.size(); from += 50) {
            mongo.insert(copies.subList(from, Math.min(copies.size(), from + 50)), collection);
        }
    }

    /** Property management is rated most and worst; one-thing-one-visit often and well; the rest less. */
    private static Campaign weighted(List<Campaign> all, Random random) {
        double[] weights = all.stream().mapToDouble(campaign -> switch (campaign.getCode()) {
            case "property-management" -> 9;
            case "illegal-construction" -> 4;
            case "one-thing-one-visit" -> 3;
            default -> 1.2;
        }).toArray();
        double pick = random.nextDouble() * java.util.Arrays.stream(weights).sum();
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick <= 0) {
                return all.get(i);
            }
        }
        return all.getLast();
    }

    private static Rating badRating(Campaign campaign, List<String> towns, String county, Instant now, ZoneId zone,
            Random random) {
        double where = random.nextDouble();
        String town = where < 0.1 ? null : where < 0.4 ? "140423100" : towns.get(random.nextInt(towns.size()));
        Instant start = campaign.getPeriod().start().atStartOfDay(zone).toInstant();
        Instant end = campaign.getPeriod().end().plusDays(1).atStartOfDay(zone).toInstant();
        Instant last = end.isBefore(now) ? end : now;
        long span = Math.max(1, Duration.between(start, last).toSeconds());
        Instant at = start.plusSeconds((long) (span * Math.sqrt(random.nextDouble())));
        byte[] id = new byte[16];
        random.nextBytes(id);
        String ratingId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        return new Rating(ratingId, campaign.getCode(), null, town == null ? county : town, town, 1 + random.nextInt(2),
                Map.of(), List.of(), null, List.of(), Channel.APP, null, at, null, at,
                "bench-resident-" + random.nextInt(50_000), ReviewStatus.initialFor(1), List.of(),
                new Provenance(Origin.RESIDENT, null, null, null), ratingId, ratingId, false, null, null);
    }
}
