package org.haochaping.satisfaction;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

    public String id() {
        return campaignCode + "|" + dimension.name().toLowerCase() + "|" + value;
    }

    /** The rollups a rating counts in; its day is the county's calendar day it was rated on. */
    static List<RollupKey> of(Rating rating, ZoneId zone) {
        List<RollupKey> keys = new ArrayList<>(4);
        keys.add(total(rating.campaignCode()));
        keys.add(day(rating.campaignCode(), LocalDate.ofInstant(rating.ratedAt(), zone)));
        if (rating.townCode() != null) {
            keys.add(town(rating.campaignCode(), rating.townCode()));
        }
        if (rating.subjectId() != null) {
            keys.add(subject(rating.campaignCode(), rating.subjectId()));
        }
        return keys;
    }
}
