package org.haochaping.rating;

/**
 * Who actually gave a rating. Only RESIDENT ratings count for 主动评价好评率; the others are shown
 * as such and never passed off as residents' own.
 */
public enum Origin {
    RESIDENT, STAFF_ON_BEHALF, SYSTEM_DEFAULT, IMPORTED
}
