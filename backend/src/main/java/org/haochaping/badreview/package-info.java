/**
 * The bad-review loop (差评闭环): every 差评 opens a case that its responsible unit contacts the
 * resident about, rectifies or explains within working-day deadlines, may appeal, and that the
 * resident re-rates. {@link org.haochaping.badreview.BadReviewCase} is the state machine,
 * {@link org.haochaping.badreview.BadReviewHandling} the officials' actions.
 */
@NullMarked
package org.haochaping.badreview;

import org.jspecify.annotations.NullMarked;
