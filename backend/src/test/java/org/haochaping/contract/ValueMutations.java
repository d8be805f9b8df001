package org.haochaping.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.haochaping.contract.ContractOperations.In;
import org.haochaping.contract.ContractOperations.Slot;

import io.swagger.v3.oas.models.media.Schema;

/**
 * The bad (and borderline) values of one slot, derived from its schema in the contract: absent,
 * null, the wrong type, at and just past each bound, unknown enum values, odd Unicode, null and
 * duplicate elements. Each knows whether the contract forbids it.
 */
final class ValueMutations {

    /** Text that is unusual but may be fine where no pattern forbids it. */
    static final Map<String, String> ODD_TEXT = Map.of(
            "zero-width", "ab\u200B\u200Dcd",
            "right-to-left", "\u202Eabc\u202C",
            "NUL", "ab\u0000cd",
            "emoji", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD",
            "unpaired surrogate", Mutation.UNPAIRED_SURROGATE,
            "very long", "长".repeat(10_000),
            "markup", "<script>alert(1)</script>'\"");

    private ValueMutations() {
    }

    /** {@code base} is the slot's value in the valid request, or {@link Mutation#ABSENT}. */
    static List<Mutation> of(Slot slot, Object base) {
        List<Mutation> mutations = new ArrayList<>();
        Schema<?> schema = slot.schema();
        boolean inBody = slot.in() == In.BODY;
        add(mutations, slot, "absent", Mutation.ABSENT, slot.required());
        if (inBody) {
            // Optional body fields are nullable, null meaning absent (the parser drops `nullable` beside an allOf).
            add(mutations, slot, "null", null, slot.required());
        } else {
            add(mutations, slot, "empty", "", slot.required() || !matches(schema, ""));
        }
        switch (String.valueOf(schema.getType())) {
            case "integer", "number" -> numbers(mutations, slot, inBody);
            case "boolean" -> booleans(mutations, slot, inBody);
            case "array" -> arrays(mutations, slot, base);
            case "object" -> objects(mutations, slot);
            default -> texts(mutations, slot, base, inBody);
        }
        return mutations;
    }

    private static void texts(List<Mutation> mutations, Slot slot, Object base, boolean inBody) {
        Schema<?> schema = slot.schema();
        if (inBody) {
            for (Object wrong : List.of(123, 1.5, true, List.of("x"), Map.of("x", "y"))) {
                add(mutations, slot, "wrong type " + wrong, wrong, true);
            }
        }
        String sample = sample(schema, base);
        if (schema.getMaxLength() != null) {
            add(mutations, slot, "at maxLength", padded(sample, schema.getMaxLength()), false);
            add(mutations, slot, "past maxLength", padded(sample, schema.getMaxLength() + 1), true);
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
            add(mutations, slot, "at minLength", padded(sample, schema.getMinLength()), false);
            add(mutations, slot, "past minLength", padded(sample, schema.getMinLength() - 1), true);
        }
        if (schema.getEnum() != null) {
            schema.getEnum().stream().filter(value -> value != null).forEach(value ->
                    add(mutations, slot, "enum " + value, String.valueOf(value), false));
            add(mutations, slot, "unknown enum value", "NOT_IN_THE_CONTRACT", true);
            add(mutations, slot, "enum value in lower case", String.valueOf(schema.getEnum().get(0)).toLowerCase(), true);
        }
        if ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat())) {
            add(mutations, slot, "impossible date", "2021-02-30", true);
            add(mutations, slot, "not a date", "yesterday", true);
        }
        ODD_TEXT.forEach((name, text) -> add(mutations, slot, name, sample + text,
                schema.getPattern() != null || schema.getEnum() != null || schema.getFormat() != null
                        || schema.getMaxLength() != null && (sample + text).length() > schema.getMaxLength()));
    }

    private static void numbers(List<Mutation> mutations, Slot slot, boolean inBody) {
        Schema<?> schema = slot.schema();
        boolean integer = "integer".equals(schema.getType());
        List<Object> wrong = new ArrayList<>(List.of("abc", "1e400"));
        if (integer) {
            wrong.add(1.5);
            wrong.add("99999999999999999999");
        }
        if (inBody) {
            wrong.addAll(List.of("5", true, List.of(1), Map.of("x", 1)));
        }
        wrong.forEach(value -> add(mutations, slot, "wrong type " + value, asSent(value, inBody), true));
        if (schema.getMinimum() != null) {
            bound(mutations, slot, "minimum", schema.getMinimum(), -1, inBody);
        }
        if (schema.getMaximum() != null) {
            bound(mutations, slot, "maximum", schema.getMaximum(), 1, inBody);
        }
    }

    private static void bound(List<Mutation> mutations, Slot slot, String name, BigDecimal bound, int outward,
            boolean inBody) {
        add(mutations, slot, "at " + name, asSent(bound.longValueExact(), inBody), false);
        add(mutations, slot, "past " + name, asSent(bound.longValueExact() + outward, inBody), true);
        add(mutations, slot, "far past " + name, asSent(bound.longValueExact() + outward * 1_000_000_000_000L, inBody), true);
    }

    /** Both values are fine; anything else is no boolean (a query's "maybe": Spring reads yes/no/1/0/on/off as booleans). */
    private static void booleans(List<Mutation> mutations, Slot slot, boolean inBody) {
        add(mutations, slot, "true", asSent(true, inBody), false);
        add(mutations, slot, "false", asSent(false, inBody), false);
        List<Object> wrong = inBody ? List.of(1, "true", 1.5, List.of(true), Map.of("x", true)) : List.of("maybe", "tru");
        wrong.forEach(value -> add(mutations, slot, "wrong type " + value, value, true));
    }

    private static void arrays(List<Mutation> mutations, Slot slot, Object base) {
        Schema<?> schema = slot.schema();
        Schema<?> items = schema.getItems();
        String element = sample(items, base instanceof List<?> list && !list.isEmpty() ? list.get(0) : Mutation.ABSENT);
        for (Object wrong : List.of("x", 7, Map.of("x", "y"))) {
            add(mutations, slot, "wrong type " + wrong, wrong, true);
        }
        add(mutations, slot, "null element", nullElementList(element), true);
        add(mutations, slot, "element of the wrong type", List.of(7), true);
        add(mutations, slot, "empty", List.of(), false);
        if (Boolean.TRUE.equals(schema.getUniqueItems())) {
            add(mutations, slot, "duplicate elements", List.of(element, element), true);
        }
        if (schema.getMaxItems() != null) {
            add(mutations, slot, "past maxItems", distinct(element, schema.getMaxItems() + 1), true);
            add(mutations, slot, "far past maxItems", distinct(element, 1_000), true);
        }
        if (items.getMaxLength() != null) {
            add(mutations, slot, "element past maxLength", List.of(padded(element, items.getMaxLength() + 1)), true);
        }
        ODD_TEXT.forEach((name, text) -> add(mutations, slot, "element " + name, List.of(element + text),
                items.getPattern() != null || items.getMaxLength() != null && (element + text).length() > items.getMaxLength()));
    }

    private static void objects(List<Mutation> mutations, Slot slot) {
        Schema<?> schema = slot.schema();
        for (Object wrong : List.of("x", 7, List.of(1))) {
            add(mutations, slot, "wrong type " + wrong, wrong, true);
        }
        Map<String, Object> nullValue = new LinkedHashMap<>();
        nullValue.put("overall", null);
        add(mutations, slot, "null value", nullValue, true);
        add(mutations, slot, "empty", Map.of(), false);
        add(mutations, slot, "value of the wrong type", Map.of("overall", "5"), true);
        add(mutations, slot, "value past maximum", Map.of("overall", 6), true);
        add(mutations, slot, "value past minimum", Map.of("overall", 0), true);
        add(mutations, slot, "fractional value", Map.of("overall", 2.5), true);
        if (schema.getMaxProperties() != null) {
            Map<String, Object> tooMany = new LinkedHashMap<>();
            for (int i = 0; i <= schema.getMaxProperties(); i++) {
                tooMany.put("indicator-" + i, 3);
            }
            add(mutations, slot, "past maxProperties", tooMany, true);
        }
        add(mutations, slot, "odd Unicode key", Map.of("\u202E\u200Bkey\uD83D\uDE00", 3), false);
    }

    private static void add(List<Mutation> mutations, Slot slot, String label, Object value, boolean breaks) {
        mutations.add(new Mutation(label, slot, value, breaks));
    }

    /** Query and header values are text; a number goes as its digits. */
    private static Object asSent(Object value, boolean inBody) {
        return inBody ? value : String.valueOf(value);
    }

    private static String sample(Schema<?> schema, Object base) {
        if (base instanceof String text) {
            return text;
        }
        if (schema.getExample() != null) {
            return String.valueOf(schema.getExample());
        }
        if (schema.getEnum() != null) {
            return String.valueOf(schema.getEnum().get(0));
        }
        return "sample";
    }

    private static boolean matches(Schema<?> schema, String value) {
        return schema.getPattern() == null || Pattern.compile(schema.getPattern()).matcher(value).find();
    }

    private static String padded(String text, int length) {
        if (text.length() >= length) {
            return text.substring(0, length);
        }
        char last = text.isEmpty() ? 'a' : text.charAt(text.length() - 1);
        return text + String.valueOf(last).repeat(length - text.length());
    }

    private static List<Object> nullElementList(String element) {
        List<Object> list = new ArrayList<>();
        list.add(element);
        list.add(null);
        return list;
    }

    private static List<String> distinct(String element, int count) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(variant(element, i));
        }
        return list;
    }

    /** Distinct elements of the same shape: the last characters replaced by a counter in hex. */
    private static String variant(String element, int i) {
        String suffix = Integer.toHexString(i);
        return element.length() > suffix.length() ? element.substring(0, element.length() - suffix.length()) + suffix
                : element + suffix;
    }
}
