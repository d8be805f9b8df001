package org.haochaping.system.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * On MongoDB, acknowledged means durable when the write concern says so: use a replica set, whose
 * default write concern is majority with journaling; nothing more to wait for here.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MongoUriConfigured.class)
class MongoDurabilityConfiguration {

    @Bean
    WriteDurability writeConcernDurability() {
        return () -> {
        };
    }
}
