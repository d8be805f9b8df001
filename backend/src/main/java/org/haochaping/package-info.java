/**
 * Haochaping: residents rate the county's campaigns on the five 好差评 levels; officials follow
 * satisfaction against each campaign's goals. One package per feature; see README.
 */
@NullMarked
package org.haochaping;

import org.jspecify.annotations.NullMarked;
