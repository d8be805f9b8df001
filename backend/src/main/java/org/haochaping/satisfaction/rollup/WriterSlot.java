package org.haochaping.satisfaction.rollup;

/**
 * A writer's identity and checkpoint, kept in the store: one per running instance, taken over by
 * the next instance when it stops or dies (so their number stays that of instances run at once).
 *
 * @param appliedThrough the last batch applied in full
 * @param countedBelow every change marked by this writer below this number is applied
 * @param crashed whether the last holder stopped without releasing it (then it must be recovered)
 */
record WriterSlot(String writer, long appliedThrough, long countedBelow, boolean crashed) {
}
