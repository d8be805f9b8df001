package org.haochaping.integrity;

import org.jspecify.annotations.Nullable;

/**
 * What one run of the rules found: a kind, where (a subject, a town, a device or network hash's prefix,
 * a unit), and the evidence. Becomes a {@link Signal} unless one of its kind and scope already covers it.
 *
 * @param campaignCode the campaign of a subject's ratings; null for county-wide scopes
 */
record Finding(SignalKind kind, String scope, @Nullable String campaignCode, Evidence evidence) {
}
