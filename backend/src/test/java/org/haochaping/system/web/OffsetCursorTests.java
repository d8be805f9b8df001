package org.haochaping.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.haochaping.system.problem.InvalidCursorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetCursorTests {

    @Test
    void a_cursor_is_the_url_safe_base64_of_its_offset_without_padding() {
        assertThat(OffsetCursor.encode(5)).isEqualTo("bzo1");
        assertThat(OffsetCursor.encode(20)).isEqualTo("bzoyMA");
    }

    @Test
    void a_cursor_decodes_to_the_offset_it_was_made_from() {
        assertThat(OffsetCursor.decode("bzo1")).isEqualTo(5);
        assertThat(OffsetCursor.decode("bzoyMA")).isEqualTo(20);
        assertThat(OffsetCursor.decode(OffsetCursor.encode(0))).isZero();
    }

    @Test
    void no_cursor_is_the_first_page() {
        assertThat(OffsetCursor.decode(null)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"o:-1", "x:5", "o:", "o", "o:five", "oo5"})
    void a_cursor_we_did_not_hand_out_is_refused(String text) {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> OffsetCursor.decode(cursor)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void a_cursor_that_is_not_base64_is_refused() {
        assertThatThrownBy(() -> OffsetCursor.decode("not base64!")).isInstanceOf(InvalidCursorException.class);
    }
}
