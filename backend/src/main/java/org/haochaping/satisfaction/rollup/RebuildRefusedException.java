package org.haochaping.satisfaction.rollup;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A rollup rebuild while other instances write their rollups could count their ratings twice. */
public class RebuildRefusedException extends ProblemException {

    RebuildRefusedException(long otherInstances) {
        super(HttpStatus.CONFLICT, "REBUILD_WHILE_OTHER_INSTANCES_RUN", otherInstances);
    }
}
