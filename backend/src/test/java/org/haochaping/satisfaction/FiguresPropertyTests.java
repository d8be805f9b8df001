package org.haochaping.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.DemoRatings;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingInvalidation;
import org.haochaping.satisfaction.rollup.RollupWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Property: for random ratings (levels, origins, towns, subjects, reasons, some invalidated), every
 * figure the dashboard shows equals a plain computation from the raw ratings written here, apart
 * from the system: 好评率, 差评率, 主动评价好评率, the index, participants, each town's and
 * subject's count and 好评率, and the 差评 reasons.
 */
@IntegrationTest
class FiguresPropertyTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Actor SUPERVISOR = new Actor("oracle", "监督员", Set.of(Role.SUPERVISOR), null, null);

    @Autowired
    DemoRatings demo;
    @Autowired
    RatingInvalidation invalidation;
    @Autowired
    RollupWriter writer;
    @Autowired
    SatisfactionQueries queries;
    @Autowired
    MongoTemplate mongo;

    @Test
    void every_figure_equals_the_plain_computation_from_the_ratings() {
        for (long seed : new long[] {7L, 2021L, 140423L}) {
            Random random = new Random(seed);
            demo.generate(250, 120, random);
            List<Rating> stored = mongo.findAll(Rating.class);
            for (int i = 0; i < 15; i++) {
                invalidation.invalidate(SUPERVISOR, stored.get(random.nextInt(stored.size())).id());
            }
            writer.flush();

            List<Rating> ratings = mongo.findAll(Rating.class);
            for (String campaign : ratings.stream().map(Rating::campaignCode).collect(Collectors.toSet())) {
                CampaignDashboard dashboard = queries.dashboard(SUPERVISOR, campaign, null, null, null);
                List<Rating> valid = ratings.stream().filter(r -> r.campaignCode().equals(campaign) && !r.invalidated()).toList();
                List<Rating> inPeriod = valid.stream().filter(r -> ratedBetween(r, dashboard.from(), dashboard.to())).toList();
                assertFiguresEqual(campaign + ", seed " + seed, dashboard.total(), inPeriod);
                assertThat(dashboard.participants()).as("participants of %s", campaign)
                        .isEqualTo(valid.stream().map(Rating::resident).distinct().count());
                dashboard.towns().forEach(town -> assertSliceEquals(campaign + " town " + town.code(), town,
                        valid.stream().filter(r -> town.code().equals(r.townCode())).toList()));
                dashboard.subjects().forEach(subject -> assertSliceEquals(campaign + " subject " + subject.code(), subject,
                        valid.stream().filter(r -> subject.code().equals(r.subjectId())).toList()));
            }
        }
    }

    private static void assertFiguresEqual(String what, Tally tally, List<Rating> ratings) {
        long n = ratings.size();
        long good = ratings.stream().filter(r -> r.level() >= 3).count();
        long bad = ratings.stream().filter(r -> r.level() <= 2).count();
        List<Rating> own = ratings.stream().filter(r -> r.provenance().origin() == Origin.RESIDENT).toList();
        long ownGood = own.stream().filter(r -> r.level() >= 3).count();
        double points = ratings.stream().mapToDouble(r -> (r.level() - 1) * 25.0).sum();

        assertThat(tally.count()).as("count, %s", what).isEqualTo(n);
        assertThat(SatisfactionMetrics.goodRate(tally)).as("好评率, %s", what).isCloseTo(percent(good, n), within(1e-9));
        assertThat(SatisfactionMetrics.badRate(tally)).as("差评率, %s", what).isCloseTo(percent(bad, n), within(1e-9));
        assertThat(SatisfactionMetrics.activeGoodRate(tally)).as("主动评价好评率, %s", what)
                .isCloseTo(percent(ownGood, own.size()), within(1e-9));
        assertThat(SatisfactionMetrics.satisfactionIndex(tally)).as("index, %s", what)
                .isCloseTo(n == 0 ? 0 : points / n, within(1e-9));
        Map<String, Long> badReasons = new HashMap<>();
        ratings.stream().filter(r -> r.level() <= 2).flatMap(r -> r.reasonTags().stream())
                .forEach(tag -> badReasons.merge(tag, 1L, Long::sum));
        assertThat(tally.badTags()).as("差评 reasons, %s", what).isEqualTo(badReasons);
    }

    private static void assertSliceEquals(String what, CampaignDashboard.Slice slice, List<Rating> ratings) {
        long good = ratings.stream().filter(r -> r.level() >= 3).count();
        assertThat(slice.tally().count()).as("count, %s", what).isEqualTo(ratings.size());
        assertThat(SatisfactionMetrics.goodRate(slice.tally())).as("好评率, %s", what)
                .isCloseTo(percent(good, ratings.size()), within(1e-9));
    }

    private static boolean ratedBetween(Rating rating, LocalDate from, LocalDate to) {
        LocalDate day = LocalDate.ofInstant(rating.ratedAt(), ZONE);
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

}
