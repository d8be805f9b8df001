package org.haochaping.system;

import org.springframework.stereotype.Component;

/**
 * At start, the data directory is made (or tightened) to its owner alone: 700, its files 600, also
 * when it was created by a version that used the default modes.
 */
@Component
class PrivateDataDirectory {

    PrivateDataDirectory(HaochapingProperties properties) {
        PrivateFiles.tighten(properties.dataDir().toAbsolutePath().normalize());
    }
}
