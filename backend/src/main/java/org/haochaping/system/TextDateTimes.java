package org.haochaping.system;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * The contract's {@code date-time} is a text: Jackson would also read a number as seconds since
 * 1970 ({@code "at": 1.5} becoming a moment in 1970, and then a 422 about that moment). A number,
 * boolean, list or object where a date-time belongs is a 400 problem naming the field, like any
 * other value of the wrong type.
 */
final class TextDateTimes extends ValueDeserializerModifier {

    private static final Set<Class<?>> DATE_TIMES = Set.of(OffsetDateTime.class, Instant.class, ZonedDateTime.class,
            LocalDateTime.class);

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDescription,
            ValueDeserializer<?> deserializer) {
        return DATE_TIMES.contains(beanDescription.getBeanClass()) ? new TextOnly(deserializer) : deserializer;
    }

    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                JavaType type = context.constructType(handledType());
                return context.handleUnexpectedToken(type, parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
