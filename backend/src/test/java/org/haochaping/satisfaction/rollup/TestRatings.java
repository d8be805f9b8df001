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
