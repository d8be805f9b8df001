package org.haochaping.system.store;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * DOWN while the embedded store's commits keep failing, so the instance leaves the load balancer
 * (readiness group) instead of answering every write with an error. On MongoDB there is no group
 * commit and it is always UP: the {@code mongo} indicator speaks for the database.
 */
@Component("durabilityHealthIndicator")
class DurabilityHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<GroupCommit> groupCommit;

    DurabilityHealthIndicator(ObjectProvider<GroupCommit> groupCommit) {
        super("Durability health check failed");
        this.groupCommit = groupCommit;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        GroupCommit commits = groupCommit.getIfAvailable();
        if (commits != null && commits.isFailing()) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
