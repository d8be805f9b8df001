package org.haochaping.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The manipulation signals as pure rules over rating and contact facts (no Spring, no store): what fires,
 * and with which evidence. Each rule looks at windows that start within the scan span before now.
 * <ul>
 * <li>Bursts: for each subject (and each town), the window with the most ratings starting at some rating;
 * its count k is compared with the rate of the same subject in the baseline before it: λ = baseline
 * count × window / baseline, and it fires when k ≥ {@code burstMinCount} and P(Poisson(λ) ≥ k) ≤
 * {@code burstAlpha}. A subject with no history has λ = 0, so only the minimum count stands between it
 * and a signal; a busy subject needs many times its usual rate.</li>
 * <li>Shared device / network: distinct residents on one hash within a share window.</li>
 * <li>New residents / staff-entered: the share of a subject's ratings in a share window, once there are
 * {@code shareMinCount} of them.</li>
 * <li>好评 after contact: per unit, fresh 好评 of the same resident and campaign within
 * {@code contactFollowUp} after the unit's call on their 差评.</li>
 * </ul>
 */
final class SignalRules {

    private static final Comparator<RatingFact> BY_TIME = Comparator.comparing(RatingFact::ratedAt).thenComparing(RatingFact::id);

    private final IntegritySettings settings;
    private final Clock clock;

    SignalRules(IntegritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    List<Finding> detect(Collection<RatingFact> ratings, Collection<ContactFact> contacts) {
        Instant now = clock.instant();
        Instant scanFrom = now.minus(settings.scanSpan());
        List<RatingFact> sorted = ratings.stream().sorted(BY_TIME).toList();
        List<Finding> found = new ArrayList<>();
        found.addAll(bursts(SignalKind.SUBJECT_BURST, sorted, RatingFact::subjectId, scanFrom));
        found.addAll(bursts(SignalKind.TOWN_BURST, sorted, RatingFact::townCode, scanFrom));
        List<RatingFact> ownDevices = sorted.stream().filter(RatingFact::isOnOwnDevice).toList();
        found.addAll(shared(SignalKind.SHARED_DEVICE, ownDevices, RatingFact::deviceHash, settings.deviceResidents(), scanFrom));
        found.addAll(shared(SignalKind.SHARED_NETWORK, ownDevices, RatingFact::ipHash, settings.networkResidents(), scanFrom));
        found.addAll(shares(SignalKind.NEW_RESIDENTS, sorted, this::isNewResident, settings.newResidentShare(), scanFrom));
        found.addAll(shares(SignalKind.STAFF_ENTERED, sorted, RatingFact::isEnteredForResident, settings.staffShare(), scanFrom));
        found.addAll(goodAfterContact(sorted, contacts, scanFrom));
        return found;
    }

    private List<Finding> bursts(SignalKind kind, List<RatingFact> sorted, Function<RatingFact, @Nullable String> key,
            Instant scanFrom) {
        Duration window = settings.burstWindow();
        double perWindow = (double) window.toSeconds() / settings.baseline().toSeconds();
        List<Finding> found = new ArrayList<>();
        groups(sorted, key).forEach((scope, facts) -> {
            for (List<RatingFact> burst : windows(facts, window, scanFrom, inWindow -> {
                int baseline = countBetween(facts, start(inWindow).minus(settings.baseline()), start(inWindow));
                return inWindow.size() >= settings.burstMinCount()
                        && PoissonTail.atLeast(inWindow.size(), baseline * perWindow) <= settings.burstAlpha();
            })) {
                Instant start = start(burst);
                Instant baselineFrom = start.minus(settings.baseline());
                int baseline = countBetween(facts, baselineFrom, start);
                double expected = baseline * perWindow;
                Evidence evidence = new Evidence(start, start.plus(window), burst.size(), residents(burst), baseline,
                        baselineFrom, expected, PoissonTail.atLeast(burst.size(), expected), null, ids(burst), List.of());
                found.add(new Finding(kind, scope, kind == SignalKind.SUBJECT_BURST ? campaignOf(burst) : null, evidence));
            }
        });
        return found;
    }

    private List<Finding> shared(SignalKind kind, List<RatingFact> sorted, Function<RatingFact, @Nullable String> hash,
            int residents, Instant scanFrom) {
        List<Finding> found = new ArrayList<>();
        groups(sorted, hash).forEach((value, facts) -> {
            for (List<RatingFact> window : windows(facts, settings.shareWindow(), scanFrom,
                    inWindow -> residents(inWindow) >= residents)) {
                found.add(new Finding(kind, shortHash(value), null, new Evidence(start(window),
                        start(window).plus(settings.shareWindow()), window.size(), residents(window), null, null, null, null,
                        null, ids(window), List.of())));
            }
        });
        return found;
    }

    private List<Finding> shares(SignalKind kind, List<RatingFact> sorted, Predicate<RatingFact> counted, double threshold,
            Instant scanFrom) {
        List<Finding> found = new ArrayList<>();
        groups(sorted, RatingFact::subjectId).forEach((subject, facts) -> {
            for (List<RatingFact> window : windows(facts, settings.shareWindow(), scanFrom,
                    inWindow -> inWindow.size() >= settings.shareMinCount() && share(inWindow, counted) >= threshold)) {
                List<RatingFact> involved = window.stream().filter(counted).toList();
                found.add(new Finding(kind, subject, campaignOf(window), new Evidence(start(window),
                        start(window).plus(settings.shareWindow()), window.size(), residents(window), null, null, null, null,
                        share(window, counted), ids(involved), List.of())));
            }
        });
        return found;
    }

    private List<Finding> goodAfterContact(List<RatingFact> sorted, Collection<ContactFact> contacts, Instant scanFrom) {
        Map<String, List<RatingFact>> goodOfResident = sorted.stream()
                .filter(fact -> fact.isGood() && fact.origin() == org.haochaping.rating.Origin.RESIDENT)
                .collect(Collectors.groupingBy(RatingFact::residentKey, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<ContactFact>> contactsOfUnit = contacts.stream()
                .filter(contact -> !contact.contactedAt().isBefore(scanFrom))
                .sorted(Comparator.comparing(ContactFact::contactedAt))
                .collect(Collectors.groupingBy(ContactFact::unitCode, LinkedHashMap::new, Collectors.toList()));
        List<Finding> found = new ArrayList<>();
        contactsOfUnit.forEach((unit, calls) -> {
            List<String> cases = new ArrayList<>();
            List<RatingFact> followed = new ArrayList<>();
            for (ContactFact call : calls) {
                Instant until = call.contactedAt().plus(settings.contactFollowUp());
                List<RatingFact> fresh = goodOfResident.getOrDefault(call.residentKey(), List.of()).stream()
                        .filter(fact -> fact.campaignCode().equals(call.campaignCode()) && !fact.ratedAt().isBefore(call.contactedAt())
                                && !fact.ratedAt().isAfter(until))
                        .toList();
                if (!fresh.isEmpty()) {
                    cases.add(call.caseId());
                    followed.addAll(fresh);
                }
            }
            if (cases.size() >= settings.contactMinCount()) {
                Instant first = calls.stream().filter(call -> cases.contains(call.caseId())).map(ContactFact::contactedAt)
                        .min(Comparator.naturalOrder()).orElseThrow();
                Instant last = followed.stream().map(RatingFact::ratedAt).max(Comparator.naturalOrder()).orElseThrow();
                found.add(new Finding(SignalKind.GOOD_AFTER_CONTACT, unit, null, new Evidence(first, last, followed.size(),
                        residents(followed), null, null, null, null, (double) cases.size() / calls.size(), ids(followed), cases)));
            }
        });
        return found;
    }

    /**
     * Non-overlapping windows that fire, each starting at a rating within the scan span: from the first
     * start that fires, the start among the ratings of that window that holds the most ratings (so a burst
     * is found whole, not cut by the rating before it).
     */
    static List<List<RatingFact>> windows(List<RatingFact> sorted, Duration length, Instant scanFrom,
            Predicate<List<RatingFact>> fires) {
        List<List<RatingFact>> found = new ArrayList<>();
        int i = 0;
        while (i < sorted.size() && sorted.get(i).ratedAt().isBefore(scanFrom)) {
            i++;
        }
        while (i < sorted.size()) {
            int end = endOf(sorted, i, length);
            if (!fires.test(sorted.subList(i, end))) {
                i++;
                continue;
            }
            int best = i;
            int bestEnd = end;
            for (int start = i + 1; start < end; start++) {
                int candidateEnd = endOf(sorted, start, length);
                if (candidateEnd - start > bestEnd - best && fires.test(sorted.subList(start, candidateEnd))) {
                    best = start;
                    bestEnd = candidateEnd;
                }
            }
            found.add(List.copyOf(sorted.subList(best, bestEnd)));
            i = bestEnd;
        }
        return found;
    }

    private static int endOf(List<RatingFact> sorted, int start, Duration length) {
        Instant end = sorted.get(start).ratedAt().plus(length);
        int j = start;
        while (j < sorted.size() && sorted.get(j).ratedAt().isBefore(end)) {
            j++;
        }
        return j;
    }

    private boolean isNewResident(RatingFact fact) {
        return !fact.residentFirstRatedAt().isBefore(fact.ratedAt().minus(settings.newResidentAge()));
    }

    private static Map<String, List<RatingFact>> groups(List<RatingFact> sorted, Function<RatingFact, @Nullable String> key) {
        Map<String, List<RatingFact>> groups = new LinkedHashMap<>();
        for (RatingFact fact : sorted) {
            String value = key.apply(fact);
            if (value != null) {
                groups.computeIfAbsent(value, ignored -> new ArrayList<>()).add(fact);
            }
        }
        return groups;
    }

    /** Ratings in [from, to) of a list sorted by time. */
    private static int countBetween(List<RatingFact> sorted, Instant from, Instant to) {
        return firstAtOrAfter(sorted, to) - firstAtOrAfter(sorted, from);
    }

    private static int firstAtOrAfter(List<RatingFact> sorted, Instant at) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).ratedAt().isBefore(at)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double share(List<RatingFact> facts, Predicate<RatingFact> counted) {
        return facts.isEmpty() ? 0 : (double) facts.stream().filter(counted).count() / facts.size();
    }

    private static int residents(List<RatingFact> facts) {
        return (int) facts.stream().map(RatingFact::residentKey).distinct().count();
    }

    private static Instant start(List<RatingFact> window) {
        return window.getFirst().ratedAt();
    }

    private static List<String> ids(List<RatingFact> facts) {
        return facts.stream().map(RatingFact::id).toList();
    }

    private static @Nullable String campaignOf(List<RatingFact> facts) {
        return facts.stream().map(RatingFact::campaignCode).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Enough of a hash to tell devices and networks apart on screen; the whole hash stays with the ratings. */
    static String shortHash(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
