package org.haochaping.admin.badreview.ui;

import java.io.ByteArrayInputStream;

import org.haochaping.identity.Actor;
import org.haochaping.media.PhotoLibrary;
import org.springframework.stereotype.Component;

/**
 * The console's way to the media store for a case: officials' evidence photos go in through
 * {@link PhotoLibrary}, cleaned of metadata like residents' photos; 整改完成 then claims them for
 * the case ({@code BadReviewHandling.completeRectification}), after which every official whose
 * scope covers the case sees them. Photos are read back the same way, as the signed-in official.
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

    PhotoLibrary.PhotoContent open(Actor reader, String id) {
        return photos.open(reader, id);
    }
}
