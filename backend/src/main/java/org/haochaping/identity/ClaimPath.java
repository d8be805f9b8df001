package org.haochaping.identity;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A claim named by a dotted path into nested claims, as external providers put client-scoped roles
 * in objects: Keycloak's {@code resource_access.<client>.roles}. A top-level claim whose whole name
 * is the path (e.g. a URL-style name with dots) is read as it is.
 */
final class ClaimPath {

    private ClaimPath() {
    }

    static @Nullable Object read(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String segment : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(segment);
        }
        return current;
    }
}
