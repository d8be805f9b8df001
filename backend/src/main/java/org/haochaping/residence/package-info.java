/**
 * Where residents live, as far as ratings care: the home region (常住区域) that campaign-wide
 * ratings count for, vouched for by the identity provider or chosen in the app.
 */
@NullMarked
package org.haochaping.residence;

import org.jspecify.annotations.NullMarked;
