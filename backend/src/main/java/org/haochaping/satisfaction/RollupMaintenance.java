package org.haochaping.satisfaction;

import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.satisfaction.rollup.RollupRebuild;
import org.springframework.stereotype.Service;

/** The rollup rebuild as an officials' action: SUPERVISORs only, audited with what it found. */
@Service
public class RollupMaintenance {

    private final RollupRebuild rebuild;
    private final AccessGuard guard;

    RollupMaintenance(RollupRebuild rebuild, AccessGuard guard) {
        this.rebuild = rebuild;
        this.guard = guard;
    }

    public static boolean mayRebuild(Actor actor) {
        return actor.has(Role.SUPERVISOR);
    }

    public RollupRebuild.Report rebuild(Actor actor) {
        guard.require(mayRebuild(actor), actor, "REBUILD_ROLLUPS", "satisfaction_rollups");
        RollupRebuild.Report report = rebuild.rebuild();
        guard.recordChange(actor, "ROLLUPS_REBUILT", "satisfaction_rollups: " + report.ratingsRead() + " ratings, "
                + report.drifted() + " drifted");
        return report;
    }
}
