package org.haochaping.media;

import org.haochaping.identity.Actor;

/**
 * Another feature's say on who may see a claimed photo beyond the campaign scope of its rating:
 * the bad-review loop knows which unit handles a 差评's case now (a case can be reassigned to a
 * department that does not lead the campaign). Media asks; it does not know the loop.
 */
public interface PhotoViewers {

    /** Whether the official may see the photos of this rating or of the case it opened (same id). */
    boolean maySee(Actor official, String ratingOrCaseId);
}
