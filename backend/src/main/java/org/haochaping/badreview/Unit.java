package org.haochaping.badreview;

import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * A unit that handles 差评 (谁办理谁负责): a county department, by its department code, or a town,
 * by its region code. Officials belong to a department, and town officials also to their town.
 */
public record Unit(Kind kind, String code) {

    public enum Kind { DEPARTMENT, TOWN }

    /** Compiled once: a queue read makes a unit of every entry it parses. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public Unit {
        Assert.notNull(kind, "A unit has a kind");
        Assert.isTrue(code != null && CODE.matcher(code).matches(), () -> "Not a unit code: " + code);
    }

    public static Unit department(String code) {
        return new Unit(Kind.DEPARTMENT, code);
    }

    public static Unit town(String regionCode) {
        return new Unit(Kind.TOWN, regionCode);
    }

    /** One string for the unit, e.g. {@code department:housing-construction}, {@code town:140423100}. */
    public String key() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + code;
    }

    public static Unit ofKey(String key) {
        int colon = key.indexOf(':');
        Assert.isTrue(colon > 0, () -> "Not a unit key: " + key);
        return new Unit(Kind.valueOf(key.substring(0, colon).toUpperCase(java.util.Locale.ROOT)), key.substring(colon + 1));
    }
}
