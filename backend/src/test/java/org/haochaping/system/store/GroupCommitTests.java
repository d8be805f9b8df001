package org.haochaping.system.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The group commit against a fake commit action: no H2 needed to break it. */
class GroupCommitTests {

    /** What the fake commit does next: succeed, or throw this. */
    final AtomicReference<Throwable> nextFailure = new AtomicReference<>();
    final AtomicInteger commits = new AtomicInteger();
    GroupCommit groupCommit;

    GroupCommit start(Duration maxWait) {
        groupCommit = new GroupCommit(() -> {
            Throwable failure = nextFailure.get();
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure instanceof Exception exception) {
                throw exception;
            }
            commits.incrementAndGet();
        }, maxWait);
        return groupCommit;
    }

    @AfterEach
    void close() {
        groupCommit.close();
    }

    @Test
    void a_waiter_returns_once_its_commit_succeeded() {
        start(Duration.ofSeconds(5));

        groupCommit.awaitDurable();

        assertThat(commits).hasValue(1);
    }

    @Test
    void an_error_thrown_by_the_commit_does_not_kill_the_loop() {
        start(Duration.ofMillis(300));
        nextFailure.set(new OutOfMemoryError("simulated"));
        assertThatThrownBy(groupCommit::awaitDurable).isInstanceOf(StoreUnavailableException.class);

        nextFailure.set(null);

        assertThatCode(groupCommit::awaitDurable).doesNotThrowAnyException();
        // the retry of the failed ticket covers this call too, or it ran just before the call and one more followed
        assertThat(commits.get()).isBetween(1, 2);
    }

    @Test
    void a_waiter_gets_an_error_after_the_bounded_wait_while_commits_fail() {
        start(Duration.ofMillis(200));
        nextFailure.set(new IllegalStateException("disk gone"));
        long started = System.nanoTime();

        assertThatThrownBy(groupCommit::awaitDurable).isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(((StoreUnavailableException) e).status().value()).isEqualTo(503));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_waiter_at_close_gets_an_error_never_an_acknowledgement() throws Exception {
        start(Duration.ofSeconds(30));
        nextFailure.set(new IllegalStateException("disk gone"));
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            waiting.countDown();
            groupCommit.awaitDurable();
        });
        waiting.await();
        await().until(() -> groupCommit.isFailing() || waiter.isDone());

        groupCommit.close();

        assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreUnavailableException.class);
        assertThat(commits).hasValue(0);
    }

    @Test
    void a_caller_after_close_gets_an_error() {
        start(Duration.ofSeconds(5));
        groupCommit.close();

        assertThatThrownBy(groupCommit::awaitDurable).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void health_goes_down_after_consecutive_failures_and_up_again_after_a_success() {
        start(Duration.ofMillis(100));
        DurabilityHealthIndicator health = new DurabilityHealthIndicator(providerOf(groupCommit));
        nextFailure.set(new IllegalStateException("disk gone"));
        for (int i = 0; i < GroupCommit.FAILURES_BEFORE_DOWN; i++) {
            assertThatThrownBy(groupCommit::awaitDurable).isInstanceOf(StoreUnavailableException.class);
        }
        await().until(groupCommit::isFailing);
        assertThat(health.health(false).getStatus().getCode()).isEqualTo("DOWN");

        nextFailure.set(null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThatCode(groupCommit::awaitDurable).doesNotThrowAnyException());

        assertThat(groupCommit.isFailing()).isFalse();
        assertThat(health.health(false).getStatus().getCode()).isEqualTo("UP");
    }

    private static ObjectProvider<GroupCommit> providerOf(GroupCommit groupCommit) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("groupCommit", groupCommit);
        return beans.getBeanProvider(GroupCommit.class);
    }
}
