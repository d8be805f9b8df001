package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.junit.jupiter.api.Test;

/** Each signal fires on its pattern, with its evidence, and stays quiet on a near miss. */
class SignalRulesTests {

    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    static final Instant LONG_AGO = NOW.minus(Duration.ofDays(365));
    private static final SignalRules RULES = new SignalRules(IntegritySettings.defaults(), Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));

    private int sequence;

    @Test
    void a_burst_far_above_the_subjects_own_rate_fires_with_the_poisson_evidence() {
        List<RatingFact> facts = new ArrayList<>(steady("pm-001", 56)); // two a day for 28 days: λ ≈ 0.083 an hour
        List<RatingFact> burst = spread("pm-001", 12, NOW.minus(Duration.ofHours(5)), Duration.ofMinutes(40));
        facts.addAll(burst);

        List<Finding> found = of(SignalKind.SUBJECT_BURST, RULES.detect(facts, List.of()));

        assertThat(found).singleElement().satisfies(finding -> {
            assertThat(finding.scope()).isEqualTo("pm-001");
            assertThat(finding.campaignCode()).isEqualTo("property-management");
            assertThat(finding.evidence().count()).isEqualTo(12);
            assertThat(finding.evidence().ratingIds()).containsExactlyElementsOf(burst.stream().map(RatingFact::id).toList());
            assertThat(finding.evidence().baselineCount()).isBetween(50, 56);
            assertThat(finding.evidence().expected()).isLessThan(0.1);
            assertThat(finding.evidence().pValue()).isLessThan(1e-6);
        });
    }

    @Test
    void a_busy_subject_at_its_usual_rate_does_not_burst() {
        // 24 an hour for 30 days; an hour with 35 is well within Poisson(24)'s spread
        List<RatingFact> facts = new ArrayList<>();
        for (int hour = 0; hour < 30 * 24; hour++) {
            facts.addAll(spread("busy", hour == 10 ? 35 : 24, NOW.minus(Duration.ofHours(hour + 1)), Duration.ofMinutes(59)));
        }

        assertThat(of(SignalKind.SUBJECT_BURST, RULES.detect(facts, List.of()))).isEmpty();
    }

    @Test
    void a_few_ratings_of_a_quiet_subject_never_fire() {
        List<RatingFact> facts = spread("quiet", 9, NOW.minus(Duration.ofHours(3)), Duration.ofMinutes(20)); // λ = 0, but under the minimum

        assertThat(RULES.detect(facts, List.of())).isEmpty();
    }

    @Test
    void a_town_bursts_against_its_own_baseline() {
        List<RatingFact> facts = new ArrayList<>();
        for (int i = 0; i < 15; i++) { // spread over many subjects of one town, so no subject bursts alone
            facts.add(fact("s" + i, NOW.minus(Duration.ofMinutes(100 - i)), b -> b));
        }

        assertThat(RULES.detect(facts, List.of())).extracting(Finding::kind).containsExactly(SignalKind.TOWN_BURST);
    }

    @Test
    void many_residents_on_one_device_fire_and_a_family_sharing_a_phone_does_not() {
        List<RatingFact> facts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            facts.add(fact("s" + i, NOW.minus(Duration.ofHours(10 + i)), b -> b.device("phone-of-a-stuffer")));
        }
        for (int i = 0; i < 3; i++) {
            facts.add(fact("t" + i, NOW.minus(Duration.ofHours(10 + i)), b -> b.device("family-phone")));
        }

        assertThat(of(SignalKind.SHARED_DEVICE, RULES.detect(facts, List.of()))).singleElement().satisfies(finding -> {
            assertThat(finding.scope()).isEqualTo(SignalRules.shortHash("phone-of-a-stuffer"));
            assertThat(finding.evidence().residents()).isEqualTo(5);
        });
    }

    @Test
    void a_halls_evaluator_device_is_shared_by_design() {
        List<RatingFact> facts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            facts.add(fact("s" + (i % 10), NOW.minus(Duration.ofMinutes(600 - 15 * i)), b -> b.device("hall-device").channel(Channel.ON_SITE_DEVICE)));
        }

        assertThat(of(SignalKind.SHARED_DEVICE, RULES.detect(facts, List.of()))).isEmpty();
    }

    @Test
    void many_residents_on_one_network_fire_only_above_the_network_threshold() {
        List<RatingFact> facts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            facts.add(fact("s" + i, NOW.minus(Duration.ofHours(20)).plusSeconds(60L * i), b -> b.network("net-a")));
        }
        for (int i = 0; i < 19; i++) {
            facts.add(fact("s" + i, NOW.minus(Duration.ofHours(20)).plusSeconds(60L * i), b -> b.network("net-b")));
        }

        assertThat(of(SignalKind.SHARED_NETWORK, RULES.detect(facts, List.of()))).extracting(Finding::scope)
                .containsExactly(SignalRules.shortHash("net-a"));
    }

    @Test
    void mostly_new_residents_on_one_subject_fire_and_old_ones_do_not() {
        List<RatingFact> facts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant at = NOW.minus(Duration.ofHours(30)).plusSeconds(3000L * i);
            int n = i;
            facts.add(fact("new-one", at, b -> b.firstRated(n < 6 ? at.minus(Duration.ofDays(2)) : LONG_AGO)));
            facts.add(fact("old-one", at, b -> b.firstRated(n < 5 ? at.minus(Duration.ofDays(2)) : LONG_AGO)));
        }

        assertThat(of(SignalKind.NEW_RESIDENTS, RULES.detect(facts, List.of()))).singleElement().satisfies(finding -> {
            assertThat(finding.scope()).isEqualTo("new-one");
            assertThat(finding.evidence().share()).isEqualTo(0.6);
            assertThat(finding.evidence().ratingIds()).hasSize(6);
        });
    }

    @Test
    void mostly_staff_entered_ratings_fire_and_the_usual_few_do_not() {
        List<RatingFact> facts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant at = NOW.minus(Duration.ofHours(30)).plusSeconds(3000L * i);
            int n = i;
            facts.add(fact("entered", at, b -> b.origin(n < 6 ? Origin.STAFF_ON_BEHALF : Origin.RESIDENT)));
            facts.add(fact("usual", at, b -> b.origin(n < 1 ? Origin.STAFF_ON_BEHALF : Origin.RESIDENT)));
        }

        assertThat(of(SignalKind.STAFF_ENTERED, RULES.detect(facts, List.of()))).singleElement().satisfies(finding -> {
            assertThat(finding.scope()).isEqualTo("entered");
            assertThat(finding.evidence().share()).isEqualTo(0.5);
        });
    }

    @Test
    void fresh_good_ratings_right_after_a_units_calls_fire_and_slow_or_bad_ones_do_not() {
        List<RatingFact> facts = new ArrayList<>();
        List<ContactFact> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant called = NOW.minus(Duration.ofHours(20 + i));
            calls.add(new ContactFact("case-" + i, "town:140423100", "property-management", "resident-" + i, called));
            String resident = "resident-" + i;
            facts.add(fact("pm-001", called.plus(Duration.ofMinutes(30)), b -> b.resident(resident)));
        }
        for (int i = 0; i < 3; i++) { // another unit: one fast 好评, one three hours later, one fast 差评
            Instant called = NOW.minus(Duration.ofHours(20 + i));
            calls.add(new ContactFact("other-" + i, "town:140423101", "property-management", "other-" + i, called));
            String resident = "other-" + i;
            int n = i;
            facts.add(fact("pm-002", called.plus(Duration.ofMinutes(n == 1 ? 180 : 30)), b -> b.resident(resident).level(n == 2 ? 1 : 5)));
        }

        assertThat(of(SignalKind.GOOD_AFTER_CONTACT, RULES.detect(facts, calls))).singleElement().satisfies(finding -> {
            assertThat(finding.scope()).isEqualTo("town:140423100");
            assertThat(finding.evidence().caseIds()).containsExactlyInAnyOrder("case-0", "case-1", "case-2");
            assertThat(finding.evidence().ratingIds()).hasSize(3);
        });
    }

    @Test
    void windows_before_the_scan_span_are_left_to_earlier_runs() {
        List<RatingFact> facts = spread("old-burst", 30, NOW.minus(Duration.ofDays(5)), Duration.ofMinutes(30));

        assertThat(RULES.detect(facts, List.of())).isEmpty();
    }

    @Test
    void the_poisson_tail_matches_known_values() {
        assertThat(PoissonTail.atLeast(0, 3)).isEqualTo(1);
        assertThat(PoissonTail.atLeast(1, 2)).isCloseTo(1 - Math.exp(-2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(PoissonTail.atLeast(3, 1)).isCloseTo(1 - Math.exp(-1) * (1 + 1 + 0.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(PoissonTail.atLeast(40, 0.1)).isGreaterThan(0).isLessThan(1e-60);
        assertThat(PoissonTail.atLeast(5, 0)).isZero();
        assertThat(PoissonTail.atLeast(900, 1000)).isGreaterThan(0.99);
    }

    private static List<Finding> of(SignalKind kind, List<Finding> findings) {
        return findings.stream().filter(finding -> finding.kind() == kind).toList();
    }

    private List<RatingFact> steady(String subject, int count) {
        Duration step = Duration.ofDays(28).dividedBy(count);
        List<RatingFact> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            facts.add(fact(subject, NOW.minus(Duration.ofDays(29)).plus(step.multipliedBy(i)), b -> b.town("town-" + subject)));
        }
        return facts;
    }

    private List<RatingFact> spread(String subject, int count, Instant from, Duration over) {
        List<RatingFact> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            facts.add(fact(subject, from.plus(over.multipliedBy(i).dividedBy(count)), b -> b.town("town-" + subject)));
        }
        return facts;
    }

    private RatingFact fact(String subject, Instant at, java.util.function.UnaryOperator<Builder> details) {
        int n = ++sequence;
        return details.apply(new Builder(subject, at, n)).build();
    }

    /** A resident's own rating on the app by default, each from its own resident, phone and network. */
    static final class Builder {
        private final String id;
        private final String subject;
        private final Instant at;
        private String town = "140423100";
        private int level = 5;
        private Origin origin = Origin.RESIDENT;
        private Channel channel = Channel.APP;
        private String device;
        private String network;
        private String resident;
        private Instant firstRated = LONG_AGO;

        Builder(String subject, Instant at, int n) {
            this.id = "r" + n;
            this.subject = subject;
            this.at = at;
            this.device = "device-" + n;
            this.network = "network-" + n;
            this.resident = "resident-key-" + n;
        }

        Builder town(String value) { town = value; return this; }
        Builder level(int value) { level = value; return this; }
        Builder origin(Origin value) { origin = value; return this; }
        Builder channel(Channel value) { channel = value; return this; }
        Builder device(String value) { device = value; return this; }
        Builder network(String value) { network = value; return this; }
        Builder resident(String value) { resident = value; return this; }
        Builder firstRated(Instant value) { firstRated = value; return this; }

        RatingFact build() {
            return new RatingFact(id, "property-management", subject, town, level, at, origin, channel, device, network, resident,
                    firstRated);
        }
    }
}
