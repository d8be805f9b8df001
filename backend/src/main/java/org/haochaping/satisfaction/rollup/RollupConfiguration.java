package org.haochaping.satisfaction.rollup;

import java.time.Clock;
import java.time.Duration;

import org.haochaping.rating.CountedRatingsFollower;
import org.haochaping.system.store.EmbeddedMongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The rollup writer of this instance: it takes a writer slot at start and, if the slot's previous
 * holder crashed, counts what it left uncounted, all before the server takes any request.
 */
@Configuration(proxyBeanMethods = false)
class RollupConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RollupConfiguration.class);

    @Bean
    MongoRollupStore rollupStore(MongoTemplate mongo) {
        return new MongoRollupStore(mongo);
    }

    /**
     * On the embedded store this process is the only one (it holds the store file), so any slot
     * still marked live belongs to a process that died; on MongoDB, to one not seen for a while.
     */
    @Bean
    RollupWriter rollupWriter(MongoRollupStore store, Clock clock, ObjectProvider<EmbeddedMongoStore> embedded,
            ObjectProvider<CountedRatingsFollower> followers,
            @Value("${haochaping.satisfaction.writer-stale-after:60s}") Duration staleAfter) {
        WriterSlot slot = store.claimSlot(clock.instant(), embedded.getIfAvailable() != null ? Duration.ZERO : staleAfter);
        RollupWriter writer = new RollupWriter(store, slot, clock.getZone(), clock,
                followers.orderedStream().toList());
        if (slot.crashed()) {
            log.warn("Rollup writer {} stopped without a clean shutdown; recovering what it had not counted", slot.writer());
            writer.recover(slot.countedBelow());
        }
        return writer;
    }
}
