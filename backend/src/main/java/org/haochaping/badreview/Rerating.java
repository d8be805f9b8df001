package org.haochaping.badreview;

import java.time.Instant;

/** The resident's verdict on the fix. */
public record Rerating(Verdict verdict, Instant at) {
}
