package org.haochaping.satisfaction;

/** How a goal stands. */
public enum AttainmentStatus {
    /** Reached (for rates: even the cautious end of the 95% interval is on the right side). */
    MET,
    /** Not reached yet, but where it should be by now (for rates: the estimate is on the right side). */
    ON_TRACK,
    /** Behind, within reach (for rates: the interval still reaches the target). */
    AT_RISK,
    /** Behind and out of reach, or the deadline passed without it. */
    OFF_TRACK,
    /** Too few ratings (below the minimum sample) or residents' figures missing to say. */
    INSUFFICIENT_DATA,
    /** An outcome goal officials have not reported any progress for: nothing to judge yet. */
    NO_PROGRESS_REPORTED
}
