package org.haochaping.media;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * GridFS indexes the photos' reads by person need on MongoDB: a resident's copy and erasure find their
 * uploads by owner, and the photos shown to them by {@code shownTo}. GridFS creates only its own
 * indexes; without these, both would read every photo's file document.
 */
@Component
class PhotoIndexes {

    PhotoIndexes(MongoTemplate mongo) {
        var files = mongo.indexOps("fs.files");
        files.createIndex(new Index().on("metadata.owner", Sort.Direction.ASC).named("metadata_owner"));
        files.createIndex(new Index().on("metadata.shownTo", Sort.Direction.ASC).named("metadata_shown_to").sparse());
    }
}
