package org.haochaping.admin.badreview.ui;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.haochaping.badreview.BadReviewCase;
import org.haochaping.identity.Actor;
import org.haochaping.media.PhotoLibrary;
import org.springframework.stereotype.Component;

/**
 * The console's way to the media store for a case: officials' evidence photos go in through
 * {@link PhotoLibrary}, cleaned of metadata like residents' photos, and are claimed for the case
 * before 整改完成 refers to them, so that every official whose scope covers the case sees them
 * (an unclaimed photo is its uploader's alone, and is deleted after the retention time).
 */
@Component
class EvidencePhotos {

    private final PhotoLibrary photos;

    EvidencePhotos(PhotoLibrary photos) {
        this.photos = photos;
    }

    /** Stores one evidence photo as the official's upload; returns its id. */
    String store(Actor official, byte[] bytes) {
        // Needs PhotoLibrary.store to accept officials' uploads (being added beside the officials' API).
        return photos.store(official, new ByteArrayInputStream(bytes)).id();
    }

    /**
     * Attaches the official's photos to the case; false when one is not theirs or is claimed
     * elsewhere. Repeating it for the same case is harmless (a retry after a conflict).
     */
    boolean claimFor(Actor official, BadReviewCase c, List<String> ids) {
        String key = "case-evidence:" + c.getId();
        if (!photos.areClaimable(official.subject(), ids, key)) {
            return false;
        }
        photos.claim(official.subject(), ids, key, c.getId(), c.getCampaignCode(), c.getRegionCode());
        return true;
    }

    PhotoLibrary.PhotoContent open(Actor reader, String id) {
        return photos.open(reader, id);
    }
}
