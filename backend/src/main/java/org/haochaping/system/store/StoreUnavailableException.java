package org.haochaping.system.store;

import java.time.Duration;

import org.haochaping.system.problem.ServiceUnavailableException;

/** The store could not make a write durable in time (or is shutting down): 503, try again later. */
public class StoreUnavailableException extends ServiceUnavailableException {

    StoreUnavailableException() {
        super("STORE_UNAVAILABLE", Duration.ofSeconds(5));
    }
}
