package org.haochaping.rating;

/**
 * The demo-data command started generating ratings ({@code --haochaping.demo.ratings}); every
 * {@link DemoRatingsGenerated} follows it, also when generating failed.
 *
 * @param seed the demo's seed, for what other features generate from it
 */
public record DemoRatingsStarted(long seed) {
}
