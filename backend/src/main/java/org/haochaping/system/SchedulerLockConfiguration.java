package org.haochaping.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Jobs that must run once however many instances run (the monthly reports): ShedLock's locks in the
 * {@code shedLock} collection of the same database, taken with MongoDB's atomic find-and-modify.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT2H")
class SchedulerLockConfiguration {

    @Bean
    LockProvider lockProvider(MongoDatabaseFactory databases) {
        return new MongoLockProvider(databases.getMongoDatabase());
    }
}
