package org.haochaping.integrity;

/** Where an official's review of a signal stands. Only {@link #EXCLUDED} changed any figure. */
public enum SignalStatus {
    /** Found, nobody has looked yet. */
    OPEN,
    /** 标记可疑: a SUPERVISOR thinks it is manipulation and watches it. */
    SUSPICIOUS,
    /** 排除: a SUPERVISOR found it innocent (a push campaign, a hall's busy day). */
    DISMISSED,
    /** One SUPERVISOR proposes to exclude its ratings; another must confirm. */
    EXCLUSION_PROPOSED,
    /** A second SUPERVISOR confirmed: its ratings are invalidated (kept, marked, subtracted once). */
    EXCLUDED
}
