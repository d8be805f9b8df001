package org.haochaping.system.store;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For tests: the store's durability (embedded group commit, or MongoDB's write concern) with a
 * gate in front, to hold commits back or make the next one fail after the write.
 */
@TestConfiguration
public class ControllableDurability {

    private static final AtomicBoolean FAIL_NEXT = new AtomicBoolean();
    private static volatile CountDownLatch gate = new CountDownLatch(0);

    public static void failNext() {
        FAIL_NEXT.set(true);
    }

    public static void hold() {
        gate = new CountDownLatch(1);
    }

    public static void release() {
        gate.countDown();
    }

    @Bean
    static BeanPostProcessor controllableDurability() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof WriteDurability real)) {
                    return bean;
                }
                return (WriteDurability) () -> {
                    awaitGate();
                    if (FAIL_NEXT.getAndSet(false)) {
                        throw new IllegalStateException("injected: the commit did not happen");
                    }
                    real.awaitDurable();
                };
            }
        };
    }

    private static void awaitGate() {
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
