package org.haochaping.rating;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.CampaignStatus;
import org.haochaping.campaign.Eligibility;
import org.haochaping.campaign.Indicator;
import org.haochaping.campaign.RatingForm;
import org.haochaping.campaign.ReasonTag;
import org.haochaping.campaign.Subject;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.region.Region;
import org.haochaping.region.RegionLevel;
import org.haochaping.region.RegionTree;
import org.haochaping.residence.HomeRegions;
import org.haochaping.servicecase.ServiceCaseEntry;
import org.haochaping.servicecase.ServiceCaseRegistry;
import org.springframework.stereotype.Component;

/**
 * Realistic demo and benchmark ratings, submitted through {@link RatingSubmission} like any other,
 * so they obey every rule. Residents rate more where more people live (古韩镇, the county seat),
 * some subjects are worse than others, satisfaction differs by campaign, 差评 carry reasons, a few
 * ratings are given by staff on behalf of residents, and times spread over each campaign's period
 * up to today, busier lately.
 */
@Component
public class DemoRatings {

    /** How many were stored and how many draws the rules refused (already rated, and so on). */
    public record Outcome(long stored, long refused) {
    }

    /** Home networks (/24) the demo's residents rate from. */
    private static final int NETWORKS = 400;
    private static final String[] COMMENTS_GOOD = {"整改很及时，点赞！", "工作人员态度很好。", "比以前好多了。", "办事效率高，一次办成。"};
    private static final String[] COMMENTS_BAD = {"反映了几次都没有人管。", "说好的时间没有兑现。", "希望尽快解决。", "来回跑了好几趟。"};

    private final RatingSubmission submission;
    private final CampaignCatalog campaigns;
    private final SubjectCatalog subjects;
    private final RegionTree regions;
    private final ServiceCaseRegistry cases;
    private final HomeRegions homes;
    private final ProvenanceHasher hasher;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    /** The synthetic residents' home regions, settled once each (they rate the campaigns as a whole there). */
    private final Map<String, String> homeOf = new ConcurrentHashMap<>();

    DemoRatings(RatingSubmission submission, CampaignCatalog campaigns, SubjectCatalog subjects, RegionTree regions,
            ServiceCaseRegistry cases, HomeRegions homes, ProvenanceHasher hasher, Clock clock) {
        this.submission = submission;
        this.cases = cases;
        this.homes = homes;
        this.campaigns = campaigns;
        this.subjects = subjects;
        this.regions = regions;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The ratings of a stuffing burst: the compound rated and the ids of the ratings stored. */
    public record Stuffing(String campaignCode, String subjectId, List<String> ratingIds) {
    }

    /** The campaign whose compound the demo's stuffing burst targets (物业管理: residents rate it most). */
    static final String STUFFED_CAMPAIGN = "property-management";

    /**
     * 刷好评, for the manipulation signals to find: {@code count} 非常满意 on one compound within 50 minutes
     * ending {@code before} ago, from {@code count} residents who never rated before, on three phones and one
     * network. Like a vendor or a property company filling the form for the residents of its compound.
     */
    public Stuffing stuff(int count, Duration before, Random random) {
        List<Subject> compounds = subjects.page(STUFFED_CAMPAIGN, null, null, 0, Integer.MAX_VALUE).items().stream()
                .map(SubjectCatalog.Placed::subject).toList();
        Subject compound = compounds.get(random.nextInt(compounds.size()));
        Instant end = clock.instant().minus(before);
        String batch = Long.toString(clock.millis(), 36) + Long.toString(random.nextInt(1 << 20), 36); // a new demo run, new stuffers
        String network = hasher.hash("demo-stuffing-net-" + batch);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = end.minusSeconds(3000L * (count - i) / count);
            RatingRequest request = new RatingRequest(STUFFED_CAMPAIGN, compound.id(), compound.regionCode(), 5, Map.of(),
                    List.of(), null, List.of(), Channel.APP, null, null);
            Provenance provenance = new Provenance(Origin.RESIDENT, "1.4.2",
                    hasher.hash("demo-stuffing-phone-" + batch + "-" + (i % 3)), network);
            ids.add(submission.submit("demo-stuffer-" + batch + "-" + i, request, "demo-stuffing-" + batch + "-" + i,
                    provenance, at).rating().id());
        }
        return new Stuffing(STUFFED_CAMPAIGN, compound.id(), ids);
    }

    /** Submits {@code count} ratings drawn from {@code random}; residents come from a pool of {@code residents}. */
    public Outcome generate(long count, int residents, Random random) {
        List<Campaign> open = campaigns.list(CampaignStatus.ACTIVE);
        Map<String, List<Subject>> subjectsOf = new LinkedHashMap<>();
        open.forEach(campaign -> subjectsOf.put(campaign.getCode(),
                subjects.page(campaign.getCode(), null, null, 0, Integer.MAX_VALUE).items().stream()
                        .map(SubjectCatalog.Placed::subject).toList()));
        List<Region> places = regions.all().stream()
                .filter(region -> region.level() == RegionLevel.COMMUNITY || region.level() == RegionLevel.VILLAGE).toList();
        long stored = 0;
        long refused = 0;
        while (stored < count) {
            Campaign campaign = weightedCampaign(open, random);
            Draw draw = draw(campaign, subjectsOf.get(campaign.getCode()), places, residents, random);
            try {
                submission.submit(draw.resident(), draw.request(), "demo-" + sequence.incrementAndGet(), draw.provenance(),
                        draw.at());
                stored++;
            } catch (RatingConflictException | RatingRejectedException refusedByTheRules) {
                refused++;
            }
        }
        return new Outcome(stored, refused);
    }

    private record Draw(String resident, RatingRequest request, Provenance provenance, Instant at) {
    }

    private Draw draw(Campaign campaign, List<Subject> candidates, List<Region> places, int residents, Random random) {
        RatingForm form = campaign.getRatingForm();
        Subject subject = candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
        int residentNo = random.nextInt(residents);
        String resident = "demo-resident-" + residentNo;
        Instant at = time(campaign, random);
        String region = subject != null ? placeWithin(subject.regionCode(), places, random) : homeOf(resident, places, at);
        int level = level(campaign.getCode(), subject, random);
        List<String> reasons = reasons(Levels.isBad(level) ? form.badReasons() : form.goodReasons(), Levels.isBad(level), random);
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Indicator indicator : form.indicators()) {
            if (random.nextDouble() < 0.6) {
                scores.put(indicator.code(), Math.clamp(level + random.nextInt(3) - 1, 1, 5));
            }
        }
        String comment = random.nextDouble() < 0.3
                ? (Levels.isBad(level) ? COMMENTS_BAD : COMMENTS_GOOD)[random.nextInt(COMMENTS_GOOD.length)] : null;
        boolean onBehalf = random.nextDouble() < 0.05;
        String caseNumber = form.eligibility() == Eligibility.ONE_PER_CASE && subject != null
                ? registeredCase(campaign, subject, resident, at, random) : null;
        RatingRequest request = new RatingRequest(campaign.getCode(), subject == null ? null : subject.id(), region, level,
                scores, reasons, comment, List.of(), onBehalf ? Channel.ON_SITE_DEVICE : Channel.APP, null, caseNumber);
        Provenance provenance = onBehalf ? new Provenance(Origin.STAFF_ON_BEHALF, "1.4.2", null, null)
                : new Provenance(Origin.RESIDENT, "1.4.2", hasher.hash("demo-phone-" + residentNo),
                        hasher.hash("demo-net-" + residentNo % NETWORKS)); // each resident their phone, and home networks shared by many
        return new Draw(resident, request, provenance, at);
    }

    /** 一事一评: the service system registers the resident's completed case first, as in production. */
    private String registeredCase(Campaign campaign, Subject item, String resident, Instant ratedAt, Random random) {
        String caseNumber = "XY" + LocalDate.ofInstant(ratedAt, clock.getZone()).toString().replace("-", "") + "-"
                + sequence.incrementAndGet();
        Instant completedAt = ratedAt.minus(Duration.ofMinutes(10 + random.nextInt(3 * 24 * 60)));
        cases.registerGenerated(campaign.getCode(), List.of(new ServiceCaseEntry(caseNumber, item.id(), resident, completedAt)));
        return caseNumber;
    }

    /** Where a synthetic resident lives: drawn once per resident (stable across runs), weighted like all places. */
    private String homeOf(String resident, List<Region> places, Instant at) {
        return homeOf.computeIfAbsent(resident, who -> homes.settleGenerated(who,
                weightedPlace(places, new Random(who.hashCode())).code(), at));
    }

    /** Property management and one-thing-one-visit are what residents meet daily, so they are rated most. */
    private static Campaign weightedCampaign(List<Campaign> open, Random random) {
        double[] weights = open.stream().mapToDouble(campaign -> switch (campaign.getCode()) {
            case "property-management" -> 6;
            case "one-thing-one-visit" -> 5;
            case "illegal-construction" -> 3;
            default -> 1;
        }).toArray();
        double pick = random.nextDouble() * java.util.Arrays.stream(weights).sum();
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick <= 0) {
                return open.get(i);
            }
        }
        return open.getLast();
    }

    /**
     * Levels by the campaign's mood in the {@link DemoStory} and the subject's own quality (fixed per
     * subject, so some are reliably worse).
     */
    private static int level(String campaign, Subject subject, Random random) {
        double quality = subject == null ? 0 : ((subject.id().hashCode() & 0xFF) / 255.0 - 0.5) * 0.6;
        double u = Math.clamp(random.nextDouble() - DemoStory.of(campaign).mood() - quality, 0, 0.9999);
        double[] cumulative = {0.42, 0.70, 0.86, 0.95, 1.0};
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return 5 - i;
            }
        }
        return 1;
    }

    private static List<String> reasons(List<ReasonTag> tags, boolean bad, Random random) {
        List<String> chosen = new ArrayList<>();
        int wanted = bad ? 1 + random.nextInt(Math.min(2, tags.size())) : random.nextInt(Math.min(3, tags.size() + 1));
        while (chosen.size() < wanted) {
            String code = tags.get(Math.min(tags.size() - 1, (int) (tags.size() * Math.pow(random.nextDouble(), 1.6)))).code();
            if (!chosen.contains(code)) {
                chosen.add(code);
            }
        }
        return chosen;
    }

    /** Within the subject's region: itself, or for county-wide service items a place where people live. */
    private String placeWithin(String subjectRegion, List<Region> places, Random random) {
        if (regions.find(subjectRegion).map(region -> region.level() != RegionLevel.COUNTY).orElse(true)) {
            return subjectRegion;
        }
        return weightedPlace(places, random).code();
    }

    /** The county seat 古韩镇 holds about a third of the people. */
    private static Region weightedPlace(List<Region> places, Random random) {
        List<Region> seat = places.stream().filter(place -> place.code().startsWith("140423100")).toList();
        return random.nextDouble() < 0.35 && !seat.isEmpty() ? seat.get(random.nextInt(seat.size()))
                : places.get(random.nextInt(places.size()));
    }

    /** Over the campaign's period up to now, busier towards now as the campaign becomes known. */
    private Instant time(Campaign campaign, Random random) {
        ZoneId zone = clock.getZone();
        Instant start = campaign.getPeriod().start().atStartOfDay(zone).toInstant();
        Instant end = campaign.getPeriod().end().plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Instant last = end.isBefore(now) ? end : now;
        long span = Math.max(1, Duration.between(start, last).toSeconds());
        return start.plusSeconds((long) (span * Math.sqrt(random.nextDouble())));
    }
}
