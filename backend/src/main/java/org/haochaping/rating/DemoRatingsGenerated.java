package org.haochaping.rating;

/**
 * The demo-data command stored its ratings, backdated over the campaigns' periods up to now: other
 * features now generate what follows from them (the handling of the bad-review cases, in
 * {@code badreview.DemoCases}).
 *
 * @param seed the demo's seed, so that what follows is as repeatable as the ratings
 * @param stored how many ratings this run stored
 */
public record DemoRatingsGenerated(long seed, long stored) {
}
