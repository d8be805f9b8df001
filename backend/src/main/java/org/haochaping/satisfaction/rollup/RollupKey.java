package org.haochaping.satisfaction.rollup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.haochaping.rating.Rating;

/**
 * Which slice of a campaign's ratings a rollup counts. Its {@link #id()} is the rollup document's
 * {@code _id}, so every update and read of a rollup goes by {@code _id}.
 */
public record RollupKey(String campaignCode, Dimension dimension, String value) {

    /** How a campaign's ratings are sliced. */
    public enum Dimension { TOTAL, DAY, TOWN, SUBJECT }

    public static RollupKey total(String campaignCode) {
        return new RollupKey(campaignCode, Dimension.TOTAL, "all");
    }

    public static RollupKey day(String campaignCode, LocalDate day) {
        return new RollupKey(campaignCode, Dimension.DAY, day.toString());
    }

    public static RollupKey town(String campaignCode, String townCode) {
        return new RollupKey(campaignCode, Dimension.TOWN, townCode);
    }

    public static RollupKey subject(String campaignCode, String subjectId) {
        return new RollupKey(campaignCode, Dimension.SUBJECT, subjectId);
    }

    /** The value of the town and subject slices that count ratings with no town (county level) or no subject. */
    public static final String NONE = "-";

    public String id() {
        return campaignCode + "|" + dimension.name().toLowerCase() + "|" + value;
    }

    /**
     * The rollups a rating counts in, one of each dimension, so that every dimension's slices add
     * up to the total (the start-up check relies on it). Its day is the county's calendar day it was
     * rated on; ratings at county level and campaign-wide ratings count in the {@link #NONE} slices.
     */
    public static List<RollupKey> of(Rating rating, ZoneId zone) {
        String campaign = rating.campaignCode();
        return List.of(total(campaign), day(campaign, LocalDate.ofInstant(rating.ratedAt(), zone)),
                town(campaign, rating.townCode() == null ? NONE : rating.townCode()),
                subject(campaign, rating.subjectId() == null ? NONE : rating.subjectId()));
    }
}
