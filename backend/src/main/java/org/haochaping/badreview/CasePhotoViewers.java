package org.haochaping.badreview;

import org.haochaping.identity.Actor;
import org.haochaping.media.PhotoViewers;
import org.springframework.stereotype.Component;

/**
 * The officials who may see a case may see its photos: the 差评's and the evidence of its steps,
 * also when the case was reassigned to a unit outside the campaign's scope. One read by id.
 */
@Component
class CasePhotoViewers implements PhotoViewers {

    private final BadReviewCases cases;
    private final CaseAccess access;

    CasePhotoViewers(BadReviewCases cases, CaseAccess access) {
        this.cases = cases;
        this.access = access;
    }

    @Override
    public boolean maySee(Actor official, String ratingOrCaseId) {
        return official.isOfficial() && cases.findById(ratingOrCaseId).map(c -> access.canSee(official, c)).orElse(false);
    }
}
