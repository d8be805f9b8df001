package org.haochaping.system.store;

import org.haochaping.system.HaochapingProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.mongodb.ConnectionString;

/**
 * Starts the {@link EmbeddedMongoStore} and hands it to Spring Boot's MongoDB auto-configuration as
 * its connection, when no {@code spring.mongodb.uri} is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriConfigured.class)
class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoStore embeddedMongoStore(HaochapingProperties properties) {
        return EmbeddedMongoStore.start(properties.embeddedStoreFile(), properties.embeddedStore().port());
    }

    @Bean(destroyMethod = "close")
    GroupCommit embeddedStoreGroupCommit(EmbeddedMongoStore store, HaochapingProperties properties) {
        return store.groupCommit(properties.embeddedStore().commitTimeout());
    }

    /** Durable acknowledgements can be switched off only to measure what they cost (see the benchmark). */
    @Bean
    WriteDurability embeddedStoreDurability(GroupCommit groupCommit,
            @org.springframework.beans.factory.annotation.Value("${haochaping.embedded-store.durable-writes:true}") boolean durable) {
        return durable ? groupCommit::awaitDurable : () -> {
        };
    }

    /** The driver's client depends on this bean, so it is closed before the store is. */
    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoStore store, Environment environment) {
        String database = environment.getProperty("spring.mongodb.database", "haochaping");
        ConnectionString connectionString = new ConnectionString(store.connectionString(database));
        return () -> connectionString;
    }
}
