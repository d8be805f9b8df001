package org.haochaping.system.store;

/**
 * Makes an acknowledged write survive a crash before the acknowledgement goes out. On MongoDB the
 * write concern does it (majority, journaled: the default of replica sets), so there is nothing to
 * wait for; the embedded store commits its file in groups and callers wait for their group.
 */
public interface WriteDurability {

    /** Returns once every write this thread made before the call is on disk. */
    void awaitDurable();
}
