package org.haochaping.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.ContainerDeserializerBase;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.type.CollectionType;

/**
 * The DTOs generated from the contract hold {@code uniqueItems} arrays in Sets, which would let
 * {@code ["dirty","dirty"]} collapse to one element unnoticed. Every Set is therefore read as the
 * list the client sent first: a repeated element fails with {@link DuplicateElementException}.
 */
final class UniqueSetElements extends ValueDeserializerModifier {

    @Override
    public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
            BeanDescription.Supplier beanDescription, ValueDeserializer<?> deserializer) {
        boolean fillsAnyCollection = deserializer instanceof ContainerDeserializerBase<?> container
                && Boolean.TRUE.equals(container.supportsUpdate(config))
                && container.getValueInstantiator() != null && container.getValueInstantiator().canCreateUsingDefault();
        return Set.class.isAssignableFrom(type.getRawClass()) && fillsAnyCollection
                ? new RejectingDuplicates(deserializer) : deserializer;
    }

    /**
     * Lets the Set's own deserializer (element types, null and coercion rules) fill a list, checks
     * it, then hands over a Set of the declared type.
     */
    private static final class RejectingDuplicates extends DelegatingDeserializer {

        RejectingDuplicates(ValueDeserializer<?> setDeserializer) {
            super(setDeserializer);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> setDeserializer) {
            return new RejectingDuplicates(setDeserializer);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            var setDeserializer = (ContainerDeserializerBase<Collection<Object>>) _delegatee;
            List<Object> sent = (List<Object>) setDeserializer.deserialize(parser, context, new ArrayList<>());
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < sent.size(); i++) {
                if (!seen.add(sent.get(i))) {
                    throw new DuplicateElementException(parser, sent, i);
                }
            }
            var declared = (Collection<Object>) setDeserializer.getValueInstantiator().createUsingDefault(context);
            declared.addAll(sent);
            return declared;
        }
    }
}
