package org.haochaping.system.store;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when the operator has pointed the system at a MongoDB server. */
class MongoUriConfigured extends NoMongoUriConfigured {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !super.matches(context, metadata);
    }
}
