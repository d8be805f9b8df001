package org.haochaping.admin;

import org.haochaping.HaochapingApplication;
import org.springframework.boot.SpringApplication;

/**
 * The whole system in one process: the backend's REST API plus the officials' console. The
 * console's classes live under {@code org.haochaping.admin}, inside the backend application's
 * component scan, so there is one Spring Boot configuration, not two that collide.
 */
public final class HaochapingConsole {

    private HaochapingConsole() {
    }

    public static void main(String[] args) {
        SpringApplication.run(HaochapingApplication.class, args);
    }
}
