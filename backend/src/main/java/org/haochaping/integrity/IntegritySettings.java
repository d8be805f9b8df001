package org.haochaping.integrity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the manipulation signals, under {@code haochaping.integrity}. Every rule has a minimum
 * count, so that small numbers (three ratings where one is usual) never fire.
 *
 * @param scanSpan how far back each run looks for windows that fire
 * @param baseline the trailing period whose rate a window is compared with
 * @param burstWindow the length of a burst window
 * @param burstMinCount fewest ratings in a window for a burst
 * @param burstAlpha a window is a burst when at least its count has at most this chance under the baseline's rate
 * @param shareWindow the window for device, network, new-resident and staff-entered shares
 * @param shareMinCount fewest ratings of a subject in a window before its shares are judged
 * @param newResidentAge a resident whose first rating in the system is at most this old is "new"
 * @param newResidentShare share of new residents' ratings that fires
 * @param staffShare share of staff-entered ratings that fires
 * @param deviceResidents distinct residents on one device (in a share window) that fire
 * @param networkResidents distinct residents on one /24 or /48 network (in a share window) that fire
 * @param contactFollowUp a fresh 好评 this soon after the unit's call on the resident's 差评 is suspicious
 * @param contactMinCount fewest such 好评 of one unit in the scan span that fire
 */
@ConfigurationProperties("haochaping.integrity")
public record IntegritySettings(
        @DefaultValue("P2D") Duration scanSpan,
        @DefaultValue("P28D") Duration baseline,
        @DefaultValue("PT1H") Duration burstWindow,
        @DefaultValue("10") int burstMinCount,
        @DefaultValue("1e-6") double burstAlpha,
        @DefaultValue("P1D") Duration shareWindow,
        @DefaultValue("10") int shareMinCount,
        @DefaultValue("P7D") Duration newResidentAge,
        @DefaultValue("0.6") double newResidentShare,
        @DefaultValue("0.5") double staffShare,
        @DefaultValue("5") int deviceResidents,
        @DefaultValue("20") int networkResidents,
        @DefaultValue("PT2H") Duration contactFollowUp,
        @DefaultValue("3") int contactMinCount) {

    static IntegritySettings defaults() {
        return new IntegritySettings(Duration.ofDays(2), Duration.ofDays(28), Duration.ofHours(1), 10, 1e-6,
                Duration.ofDays(1), 10, Duration.ofDays(7), 0.6, 0.5, 5, 20, Duration.ofHours(2), 3);
    }

    /** The ratings a run reads: its scan span and the baseline before it. */
    Duration readSpan() {
        return scanSpan.plus(baseline);
    }
}
