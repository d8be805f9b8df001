package org.haochaping.rating;

/**
 * Which counter counts a change of a rating, and in what order: {@code seq} grows with every change
 * that counter is told of. Stored with the change, so that after a crash the counter's successor
 * finds every change from the first one it cannot prove counted (see satisfaction.rollup).
 *
 * @param writer the counter (one per running instance; reused by the next instance after it)
 */
public record CountMark(String writer, long seq) {
}
