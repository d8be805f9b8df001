package org.haochaping.integrity;

/** What kind of pattern a signal found; the console names each in Chinese first. */
public enum SignalKind {
    /** Many more ratings of one subject in a short window than its own recent rate makes likely. */
    SUBJECT_BURST,
    /** The same for all ratings of one town. */
    TOWN_BURST,
    /** Many distinct residents rating from one device. */
    SHARED_DEVICE,
    /** Many distinct residents rating from one network (/24 for IPv4, /48 for IPv6). */
    SHARED_NETWORK,
    /** Most ratings of a subject in a window come from residents who rated for the first time days ago. */
    NEW_RESIDENTS,
    /** Most ratings of a subject in a window were entered by staff on residents' behalf. */
    STAFF_ENTERED,
    /** Residents give a fresh 好评 soon after a unit's call on their 差评. */
    GOOD_AFTER_CONTACT
}
