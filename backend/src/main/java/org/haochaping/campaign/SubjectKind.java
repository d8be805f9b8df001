package org.haochaping.campaign;

/** What kind of thing residents rate within a campaign. */
public enum SubjectKind {
    /** A residential compound and its property company. */
    COMPOUND,
    /** An illegal-construction site. */
    CONSTRUCTION_SITE,
    /** A service item, "一件事" (e.g. 开办企业一件事). */
    SERVICE_ITEM
}
