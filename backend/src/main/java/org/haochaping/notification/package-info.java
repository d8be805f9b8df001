/**
 * What residents are told: notifications about their 差评, fed by the bad-review loop's
 * {@link org.haochaping.badreview.CaseChanged} events and kept in one bounded document per resident.
 */
@NullMarked
package org.haochaping.notification;

import org.jspecify.annotations.NullMarked;
