package org.haochaping.system.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.haochaping.system.problem.InvalidCursorException;
import org.jspecify.annotations.Nullable;

/** Page cursors over small, stable lists: an opaque encoding of the next position. */
public final class OffsetCursor {

    private static final String PREFIX = "o:";

    private OffsetCursor() {
    }

    public static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** 0 for no cursor. */
    public static int decode(@Nullable String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int offset = Integer.parseInt(text.substring(PREFIX.length()));
            if (!text.startsWith(PREFIX) || offset < 0) {
                throw new InvalidCursorException();
            }
            return offset;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidCursorException();
        }
    }
}
