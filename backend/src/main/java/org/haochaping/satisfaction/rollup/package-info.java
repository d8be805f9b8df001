/**
 * How the satisfaction figures are kept: rollups counted from the ratings exactly once, whatever
 * fails. {@link org.haochaping.satisfaction.rollup.RollupWriter} is the mechanism (pure, tested
 * against a fake store), {@link org.haochaping.satisfaction.rollup.MongoRollupStore} its MongoDB side.
 */
@NullMarked
package org.haochaping.satisfaction.rollup;

import org.jspecify.annotations.NullMarked;
