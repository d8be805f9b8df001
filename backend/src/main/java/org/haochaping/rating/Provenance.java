package org.haochaping.rating;

import org.jspecify.annotations.Nullable;

/**
 * Where a rating came from, for spotting 刷好评 and 恶意差评; stored, never shown to residents.
 * Device and network are kept only as salted, non-reversible hashes.
 */
public record Provenance(Origin origin, @Nullable String appVersion, @Nullable String deviceHash,
        @Nullable String ipHash) {
}
