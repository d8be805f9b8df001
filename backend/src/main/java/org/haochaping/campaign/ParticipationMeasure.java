package org.haochaping.campaign;

/** What a participation goal counts. */
public enum ParticipationMeasure {
    RATINGS, RESIDENTS
}
