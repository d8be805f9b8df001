package org.haochaping.badreview;

import java.time.Instant;

/** 回访核实: when and how the unit reached the resident, what it found, and its note (internal). */
public record Contact(Instant at, ContactMethod method, Finding finding, String note) {
}
