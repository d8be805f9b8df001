package org.haochaping.satisfaction.rollup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.haochaping.rating.Channel;
import org.haochaping.rating.CountMark;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewStatus;

/** Random ratings over two campaigns, three towns (one at county level) and three subjects (one campaign-wide). */
final class TestRatings {

    private static final List<String> CAMPAIGNS = List.of("property-management", "one-thing-one-visit");
    private static final String[] TOWNS = {"140423100", "140423101", null};
    private static final String[] SUBJECTS = {"pm-a", "pm-b", null};

    private final Random random;

    TestRatings(Random random) {
        this.random = random;
    }

    /** A level-{@code level} campaign-wide rating at county level with no tags or scores, rated on 1 March 2026. */
    static Rating plain(String campaign, String resident, int level, CountMark mark) {
        Instant ratedAt = Instant.parse("2026-03-01T04:00:00Z");
        return new Rating(UUID.randomUUID().toString(), campaign, null, "140423", null, level, Map.of(),
                level <= 2 ? List.of("slow") : List.of(), null, List.of(), Channel.APP, null, ratedAt, null, ratedAt,
                resident, ReviewStatus.initialFor(level), List.of(), new Provenance(Origin.RESIDENT, null, null, null),
                UUID.randomUUID().toString(), "fingerprint", false, mark, null);
    }

    Rating next(CountMark mark) {
        int level = 1 + random.nextInt(5);
        String town = TOWNS[random.nextInt(TOWNS.length)];
        List<String> tags = level <= 2 ? List.of(random.nextBoolean() ? "slow" : "rude")
                : random.nextBoolean() ? List.of("helpful") : List.of();
        Map<String, Integer> scores = random.nextBoolean() ? Map.of("efficiency", 1 + random.nextInt(5)) : Map.of();
        Origin origin = random.nextInt(4) == 0 ? Origin.STAFF_ON_BEHALF : Origin.RESIDENT;
        Instant ratedAt = Instant.parse("2026-03-01T00:00:00Z").plus(random.nextInt(20 * 24), ChronoUnit.HOURS);
        return new Rating(UUID.randomUUID().toString(), CAMPAIGNS.get(random.nextInt(CAMPAIGNS.size())),
                SUBJECTS[random.nextInt(SUBJECTS.length)], town == null ? "140423" : town + "001", town, level, scores,
                tags, null, List.of(), Channel.APP, null, ratedAt, null, ratedAt, "resident-" + random.nextInt(8),
                ReviewStatus.initialFor(level), List.of(), new Provenance(origin, null, null, null),
                UUID.randomUUID().toString(), "fingerprint", false, mark, null);
    }
}
