package org.haochaping.campaign;

import java.util.List;

import org.haochaping.system.LocalizedText;

/**
 * What a rating of a campaign may carry: its reason tags (good ones for levels 3-5, bad ones for
 * 差评), its indicators, how often residents may rate, and whether the campaign as a whole may be
 * rated in a region (without a subject).
 */
public record RatingForm(List<ReasonTag> goodReasons, List<ReasonTag> badReasons, List<Indicator> indicators,
        Eligibility eligibility, boolean campaignWide) {

    public RatingForm {
        goodReasons = List.copyOf(goodReasons);
        badReasons = List.copyOf(badReasons);
        indicators = List.copyOf(indicators);
    }

    /** The form of campaigns created without one: the campaign as a whole, once a month. */
    public static RatingForm general() {
        return new RatingForm(
                List.of(new ReasonTag("visible-results", LocalizedText.of("成效明显", "Visible results"))),
                List.of(new ReasonTag("slow-progress", LocalizedText.of("进展缓慢", "Slow progress")),
                        new ReasonTag("requests-ignored", LocalizedText.of("群众诉求未回应", "Requests not answered"))),
                List.of(new Indicator("overall", LocalizedText.of("整体满意度", "Overall satisfaction"))),
                Eligibility.ONE_PER_SUBJECT_PER_MONTH, true);
    }

    public boolean isGoodReason(String code) {
        return goodReasons.stream().anyMatch(tag -> tag.code().equals(code));
    }

    public boolean isBadReason(String code) {
        return badReasons.stream().anyMatch(tag -> tag.code().equals(code));
    }

    public boolean hasIndicator(String code) {
        return indicators.stream().anyMatch(indicator -> indicator.code().equals(code));
    }
}
